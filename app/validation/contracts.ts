import { z } from 'zod'
import { isoDay as isoDayField } from './fields.ts'
import { parseMoneyOrNull } from '#app/domain/money.ts'
import { USAGE_RIGHTS } from '#app/domain/offer-terms.ts'

/** Sign (creator) or countersign (brand) one contract version: the fingerprint read and the consent tick. */
export const signContractSchema = z.object({
  intent: z.literal('sign'),
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'Reload the page and try again: the document fingerprint is missing.'),
  consent: z.literal('on', { errorMap: () => ({ message: 'Tick the box to agree to sign electronically.' }) }),
})

const CLAUSE_TEXT_MAX = 8000

/**
 * The template editor form for a template whose clauses have these ids (the fields are named after them:
 * heading_<id>, body_<id>, enabled_<id>). Placeholders are checked by the service (templateProblems), which
 * puts its messages next to the same fields.
 */
export function contractTemplateSchema(clauseIds: string[]) {
  const shape: Record<string, z.ZodTypeAny> = {
    intent: z.literal('template'),
    baseVersion: z.coerce.number({ invalid_type_error: 'Reload the page and try again.' }).int().min(0).max(1_000_000),
    title: z.string({ required_error: 'Give the contract a title.' }).trim().min(1, 'Give the contract a title.').max(200, 'Keep the title under 200 characters.'),
  }
  for (const id of clauseIds) {
    shape[`heading_${id}`] = z.string({ required_error: 'Give the clause a heading.' }).trim().min(1, 'Give the clause a heading.').max(120, 'Keep the heading under 120 characters.')
    shape[`body_${id}`] = z.string().max(CLAUSE_TEXT_MAX, `Keep the clause under ${CLAUSE_TEXT_MAX} characters.`).default('')
    shape[`enabled_${id}`] = z.literal('on', { errorMap: () => ({ message: 'Tick the box or leave it empty.' }) }).optional()
  }
  return z.object(shape)
}

/** Contract settings (admins): who countersigns, when a signed contract is required, the licences' time zone. */
export const contractSettingsSchema = z.object({
  intent: z.literal('settings'),
  signerRoles: z
    .array(z.enum(['admin', 'manager', 'finance'], { errorMap: () => ({ message: 'Choose roles from the list.' }) }))
    .min(1, 'At least one role must be able to countersign.')
    .max(3)
    .default([]),
  requirement: z.enum(['french_threshold', 'always', 'never'], { errorMap: () => ({ message: 'Choose when a signed contract is required.' }) }),
  timeZone: z
    .string({ required_error: 'Give a time zone such as Europe/Paris.' })
    .trim()
    .min(1, 'Give a time zone such as Europe/Paris.')
    .max(64)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz })
        return true
      } catch {
        return false
      }
    }, 'Not a time zone we know. Use a name like Europe/Paris or America/New_York.'),
})
export type ContractSettingsInput = z.infer<typeof contractSettingsSchema>

// ---------------------------------------------------------------- amend / extend rights / ads permissions

const isoDay = isoDayField()
const optionalDay = z
  .string()
  .trim()
  .max(10, 'Use a date like 2026-12-31.')
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(isoDay.nullable())
const wholeIn = (min: number, max: number, label: string) =>
  z.coerce
    .number({ invalid_type_error: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`)
/** "1,800", "1800.50" -> integer minor units (2 decimals); empty is 0. Never a float on the way. */
const money = (what: string) =>
  z
    .string()
    .trim()
    .max(20, `${what} is too large.`)
    .default('')
    .transform((v, ctx) => {
      if (v === '') return 0
      const minor = parseMoneyOrNull(v.replace(/\s/g, ''), 'USD')
      if (minor === null || minor < 0) {
        ctx.addIssue({ code: 'custom', message: `Enter ${what.toLowerCase()} as a number, like 1800 or 1800.50.` })
        return z.NEVER
      }
      return minor
    })

export const AMEND_MAX_DELIVERABLES = 40

/**
 * The amend form: the contract version it was opened on (a newer version means someone amended it in
 * another tab: 409), the terms, each deliverable's dates (fields d_<id>_draftDueOn …), and why.
 */
export function amendContractSchema(deliverableIds: string[]) {
  const shape: Record<string, z.ZodTypeAny> = {}
  for (const id of deliverableIds.slice(0, AMEND_MAX_DELIVERABLES)) {
    shape[`d_${id}_draftDueOn`] = optionalDay
    shape[`d_${id}_postWindowStart`] = optionalDay
    shape[`d_${id}_postWindowEnd`] = optionalDay
  }
  return z
    .object({
      intent: z.literal('amend'),
      baseVersion: z.coerce.number({ invalid_type_error: 'Reload the page and try again.' }).int().min(1).max(1_000_000),
      fee: money('The fee'),
      usageFee: money('The usage fee'),
      paymentNetDays: wholeIn(0, 120, 'Payment days'),
      usageRights: z.enum(USAGE_RIGHTS, { errorMap: () => ({ message: 'Pick the usage rights.' }) }),
      usageMonths: wholeIn(0, 120, 'Usage months').default(0),
      usageTerritory: z.string().trim().max(80, 'Keep the territory under 80 characters.').optional().transform((v) => v || null),
      exclusivityCategory: z.string().trim().max(80, 'Keep the category under 80 characters.').optional().transform((v) => v || null),
      exclusivityMonths: wholeIn(0, 24, 'Exclusivity months').default(0),
      reason: z.string({ required_error: 'Say why the terms change.' }).trim().min(3, 'Say why the terms change (it is kept with the contract history).').max(500, 'Keep the reason under 500 characters.'),
      ...shape,
    })
    .superRefine((v, ctx) => {
      if (v.usageRights !== 'none' && v.usageMonths < 0) ctx.addIssue({ code: 'custom', path: ['usageMonths'], message: 'Say for how many months (0 = perpetual).' })
      if (v.exclusivityCategory && v.exclusivityMonths < 1) ctx.addIssue({ code: 'custom', path: ['exclusivityMonths'], message: 'Say for how many months exclusivity lasts.' })
      const raw = v as Record<string, unknown>
      for (const id of deliverableIds) {
        const due = raw[`d_${id}_draftDueOn`] as string | null
        const start = raw[`d_${id}_postWindowStart`] as string | null
        const end = raw[`d_${id}_postWindowEnd`] as string | null
        if (start && end && end < start) ctx.addIssue({ code: 'custom', path: [`d_${id}_postWindowEnd`], message: 'The posting window ends before it starts.' })
        if (due && start && start < due) ctx.addIssue({ code: 'custom', path: [`d_${id}_postWindowStart`], message: 'Posting starts before the draft is due.' })
      }
    })
    .transform((v) => {
      const raw = v as Record<string, unknown>
      return {
        baseVersion: v.baseVersion,
        feeMinor: v.fee,
        usageFeeMinor: v.usageFee,
        paymentNetDays: v.paymentNetDays,
        usageRights: v.usageRights,
        usageMonths: v.usageMonths,
        usageTerritory: v.usageTerritory,
        exclusivityCategory: v.exclusivityCategory,
        exclusivityMonths: v.exclusivityCategory ? v.exclusivityMonths : 0,
        reason: v.reason,
        deliverables: deliverableIds.map((id) => ({
          id,
          draftDueOn: raw[`d_${id}_draftDueOn`] as string | null,
          postWindowStart: raw[`d_${id}_postWindowStart`] as string | null,
          postWindowEnd: raw[`d_${id}_postWindowEnd`] as string | null,
        })),
      }
    })
}
export type AmendContractInput = z.output<ReturnType<typeof amendContractSchema>>

/**
 * Which offer's extension form the rights page opens (?extend=<offer id>): the form is sent for that row only,
 * not for every row of the page (50 forms were half the page's HTML and its render time). Not an id: none.
 */
export const extendOfferParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().catch(undefined)

/** The brand offers to extend a collaboration's usage rights (the rights page). */
export const extendRightsSchema = z.object({
  intent: z.literal('extend'),
  offerId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'Reload the page and try again.'),
  months: wholeIn(1, 60, 'Extra months'),
  fee: money('The fee'),
  usageRights: z.enum(['organic', 'paid'], { errorMap: () => ({ message: 'Pick organic repost or paid ads.' }) }),
  usageTerritory: z.string().trim().max(80, 'Keep the territory under 80 characters.').optional().transform((v) => v || null),
  expiresOn: isoDay,
  message: z.string().trim().max(2000, 'Keep the message under 2,000 characters.').optional().transform((v) => v || null),
})

/**
 * A TikTok Spark Ads authorization code as the creator copies it from TikTok (Creator tools > Ad
 * settings): a '#' and then letters, digits and + / = (base64), 20 to 200 characters. Spaces and line
 * breaks a paste may add are removed; the '#' is added when left off.
 */
export const sparkCode = z
  .string({ required_error: 'Paste the Spark Ads code from TikTok.', invalid_type_error: 'Paste the Spark Ads code from TikTok.' })
  .max(400, 'That is longer than a Spark Ads code. Paste only the code.')
  .transform((v) => v.replace(/\s+/g, ''))
  .superRefine((v, ctx) => {
    if (v === '') return void ctx.addIssue({ code: 'custom', message: 'Paste the Spark Ads code from TikTok.' })
    if (!/^#?[A-Za-z0-9+/=]{20,200}$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'That does not look like a Spark Ads code: it starts with # and has only letters, digits and + / =.' })
    }
  })
  .transform((v) => (v.startsWith('#') ? v : `#${v}`))

/** The Instagram account the partnership-ad permission was granted to: "@acme" or "acme" -> "@acme". */
export const instagramAccount = z
  .string({ required_error: 'Enter the brand’s Instagram account, like @acme.', invalid_type_error: 'Enter the brand’s Instagram account, like @acme.' })
  .trim()
  .max(40, 'An Instagram username has at most 30 characters.')
  .superRefine((v, ctx) => {
    if (v === '' || v === '@') return void ctx.addIssue({ code: 'custom', message: 'Enter the brand’s Instagram account, like @acme.' })
    if (!/^@?[A-Za-z0-9._]{1,30}$/.test(v)) ctx.addIssue({ code: 'custom', message: 'Use the username only, like @acme: letters, digits, dots and underscores.' })
  })
  .transform((v) => `@${v.replace(/^@/, '').toLowerCase()}`)

/** The creator (or their agent) records the ads access they granted for one deliverable. */
export const adsPermissionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      intent: z.literal('record'),
      kind: z.literal('instagram_partnership'),
      brandAccount: instagramAccount,
      grantedOn: isoDayField('Enter the day you granted the permission.'),
      expiresOn: optionalDay,
    }),
    z.object({
      intent: z.literal('record'),
      kind: z.literal('tiktok_spark'),
      code: sparkCode,
      grantedOn: isoDayField('Enter the day you made the code.'),
      expiresOn: isoDayField('Enter the day the code expires (TikTok shows it next to the code).'),
    }),
  ],
  { errorMap: (issue, ctx) => (issue.code === 'invalid_union_discriminator' ? { message: 'Pick Instagram partnership ads or TikTok Spark Ads.' } : { message: ctx.defaultError }) },
)
export type AdsPermissionInput = z.output<typeof adsPermissionSchema>

export const revokeAdsPermissionSchema = z.object({
  intent: z.literal('revoke'),
  permissionId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'Reload the page and try again.'),
})
