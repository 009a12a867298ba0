import { z } from 'zod'
import { PLATFORMS, type Platform } from '#app/domain/catalog.ts'
import { ROSTER_STATUSES } from '#app/domain/roles.ts'
import { deliverablesBought, ROSTER_SORTS } from '#app/domain/roster.ts'
import { TIERS } from '#app/domain/tiers.ts'
import { email, personName } from './fields.ts'

/** Roster filters, sort and cursor from the query string: anything malformed is ignored (a GET never fails on a bad filter). */
export const rosterQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(ROSTER_STATUSES).optional().catch(undefined),
  platform: z.enum(PLATFORMS).optional().catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  tag: z.string().trim().max(40).optional().catch(undefined),
  rising: z
    .enum(['1'])
    .optional()
    .catch(undefined)
    .transform((v) => v === '1'),
  sort: z.enum(ROSTER_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  cursor: z.string().max(400).optional().catch(undefined),
})
export type RosterQueryInput = z.infer<typeof rosterQuerySchema>

export function parseRosterQuery(url: URL): RosterQueryInput {
  const raw = Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ''))
  return rosterQuerySchema.parse(raw)
}

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(40, 'A tag is at most 40 characters.')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, 'Tags use letters, numbers, spaces, - and _.')

/** "running, Trail Running; beauty" -> ['running', 'trail running', 'beauty'] (unique, at most 20). */
export const tagList = z
  .string()
  .max(800)
  .default('')
  .transform((s) => [...new Set(s.split(/[,;]/).map((t) => t.trim().toLowerCase()).filter(Boolean))])
  .pipe(z.array(tag).max(20, 'At most 20 tags.'))

export const handleField = z
  .string({ required_error: 'Enter the handle.' })
  .trim()
  .transform((s) => s.replace(/^@/, '').toLowerCase())
  .pipe(z.string().min(1, 'Enter the handle.').max(60, 'A handle is at most 60 characters.').regex(/^[a-z0-9._-]+$/, 'Handles use letters, numbers, dots, dashes and underscores.'))

export const followersField = z
  .string({ required_error: 'Enter the follower count.' })
  .trim()
  .transform((s) => s.replace(/[,\s_]/g, ''))
  .pipe(z.string().regex(/^\d{1,10}$/, 'Enter the follower count as a whole number, e.g. 12500.'))
  .transform(Number)
  .pipe(z.number().int().min(0).max(2_000_000_000, 'That is more followers than any account has.'))

export const platformField = z.enum(PLATFORMS as unknown as [Platform, ...Platform[]], { errorMap: () => ({ message: 'Choose a platform.' }) })

/** The brand's own record of a roster creator (status, tags, notes). */
export const rosterEntryActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add-note'), body: z.string({ required_error: 'Write the note.' }).trim().min(1, 'Write the note.').max(5000, 'A note is at most 5,000 characters.') }),
  z.object({ intent: z.literal('set-status'), status: z.enum(ROSTER_STATUSES, { errorMap: () => ({ message: 'Choose a status.' }) }) }),
  z.object({ intent: z.literal('set-tags'), tags: tagList }),
])

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : null))

/** The creator keeps their own contact details and shipping address current. */
export const creatorContactSchema = z.object({
  intent: z.literal('save-contact'),
  name: personName,
  email,
  phone: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.string().regex(/^\+?[0-9 ().-]{6,30}$/, 'Enter a phone number, e.g. +1 555 010 1234.').nullable()),
  line1: optionalText(120, 'The street'),
  line2: optionalText(120, 'The second line'),
  city: optionalText(80, 'The city'),
  region: optionalText(80, 'The state or region'),
  postalCode: optionalText(20, 'The postal code'),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.string().regex(/^[A-Z]{2}$/, 'Use the two-letter country code, e.g. US.').nullable()),
})

export const creatorAccountSchema = z.object({
  intent: z.literal('save-account'),
  platform: platformField,
  handle: handleField,
  followers: followersField,
})

export const creatorRemoveAccountSchema = z.object({ intent: z.literal('remove-account'), accountId: z.string().min(1).max(64) })

/** Fee guidance for the offer being drafted, from the send form's own fields (GET, so it also works without JavaScript). */
export const feeGuidanceQuerySchema = z.object({
  d0_format: z.string().max(40),
  d0_platform: z.string().max(40).optional().catch(undefined),
  d0_quantity: z.coerce.number().int().min(1).max(20).optional().catch(undefined),
  fee: z.string().max(20).optional().catch(undefined),
  creatorIds: z.string().max(40).optional().catch(undefined),
})

export function parseFeeGuidanceQuery(url: URL) {
  const p = url.searchParams
  if (!p.get('d0_format')) return null
  const raw: Record<string, string> = {}
  for (const k of ['d0_format', 'd0_platform', 'd0_quantity', 'fee']) {
    const v = p.get(k)
    if (v) raw[k] = v
  }
  const creator = p.getAll('creatorIds')[0]
  if (creator) raw.creatorIds = creator
  const r = feeGuidanceQuerySchema.safeParse(raw)
  if (!r.success) return null
  // Every deliverable line of the form counts (d0_, d1_, …): the fee buys all of them.
  const lines: { format: string; quantity: number }[] = []
  for (const [k, v] of p.entries()) {
    const m = /^d(\d{1,2})_format$/.exec(k)
    if (!m || !v) continue
    const q = Number(p.get(`d${m[1]}_quantity`) ?? '1')
    lines.push({ format: v, quantity: Number.isInteger(q) && q >= 1 && q <= 20 ? q : 1 })
  }
  return { ...r.data, deliverables: deliverablesBought(lines) }
}
