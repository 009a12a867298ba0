/** Form schemas for campaigns, briefs and offers (brand side and creator side). */
import { DEFAULT_ATTRIBUTION_WINDOW_DAYS, MAX_ATTRIBUTION_WINDOW_DAYS } from '#app/domain/orders.ts'
import { z } from 'zod'
import { CURRENCIES, FORMATS, FORMAT_PLATFORMS, JURISDICTIONS, PLATFORMS, type Format, type Platform } from '#app/domain/catalog.ts'
import { MEDIA_ALTERATIONS, linesToList } from '#app/domain/brief.ts'
import { parseMoney } from '#app/domain/money.ts'
import { DELIVERABLE_SLOTS, OFFER_CONNECTION_TYPES, PAYMENT_CLOCK_STARTS, USAGE_RIGHTS } from '#app/domain/offer-terms.ts'
import { CAMPAIGN_STATUSES } from '#app/domain/state-machines.ts'
import { isoDayMessage, isoDayProblem } from '#app/domain/dates.ts'
import { isoDay, optionalIsoDay } from './fields.ts'

const optionalDate = optionalIsoDay()

/** parseMoney's refusal, worded for the field when the text is simply not a number (its other refusals stay: another currency, decimals). */
const moneyMessage = (what: string, error: string) => (error.startsWith('Enter an amount like') ? `Enter ${what} as a number, like 1800 or 1800.50.` : error)

/** "1,800", "1800.50", "$1,800" -> integer minor units in the given currency (JPY has no decimals). Never a float. */
export const moneyMinor = (what: string, currency: string) =>
  z
    .string({ required_error: `Enter ${what}.` })
    .trim()
    .max(20, `${what[0]!.toUpperCase()}${what.slice(1)} is too large.`)
    .transform((v, ctx) => {
      if (v === '') return 0
      const r = parseMoney(v, currency)
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: moneyMessage(what, r.error) })
        return z.NEVER
      }
      return r.minor
    })

const intIn = (min: number, max: number, label: string) =>
  z.coerce
    .number({ invalid_type_error: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .min(min, `${label} must be at least ${min}.`)
    .max(max, `${label} must be at most ${max}.`)

export const campaignSchema = z
  .object({
    intent: z.enum(['create', 'update']),
    name: z.string().trim().min(1, 'Give the campaign a name.').max(120, 'Use at most 120 characters.'),
    objective: z.string().trim().max(2000, 'Use at most 2,000 characters.').default(''),
    startsOn: optionalDate,
    endsOn: optionalDate,
    platforms: z.array(z.enum(PLATFORMS, { errorMap: () => ({ message: 'Pick a platform from the list.' }) })).default([]),
    /** Parsed below in the currency picked on the same form. */
    budget: z.string({ required_error: 'Enter the budget.' }).trim().max(20, 'The budget is too large.').default(''),
    currency: z.enum(CURRENCIES, { errorMap: () => ({ message: 'Pick a currency.' }) }),
    attributionWindowDays: z.preprocess((v) => (v === '' || v === undefined ? DEFAULT_ATTRIBUTION_WINDOW_DAYS : v), intIn(1, MAX_ATTRIBUTION_WINDOW_DAYS, 'The attribution window')),
  })
  .transform((v, ctx) => {
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The end date is before the start date.' })
    let budget = 0
    if (v.budget !== '') {
      const r = parseMoney(v.budget, v.currency)
      if (r.ok) budget = r.minor
      else ctx.addIssue({ code: 'custom', path: ['budget'], message: moneyMessage('the budget', r.error) })
    }
    return { ...v, budget }
  })
export type CampaignInput = z.infer<typeof campaignSchema>

export const campaignStatusSchema = z.object({
  intent: z.literal('status'),
  status: z.enum(CAMPAIGN_STATUSES, { errorMap: () => ({ message: 'Unknown status.' }) }),
})

const lines = (label: string) =>
  z
    .string()
    .max(8000, `${label}: use at most 8,000 characters.`)
    .default('')
    .transform(linesToList)
    .refine((l) => l.length <= 50, `${label}: at most 50 lines.`)
    .refine((l) => l.every((x) => x.length <= 300), `${label}: keep each line under 300 characters.`)

export const briefSchema = z.object({
  intent: z.enum(['save', 'publish']),
  overview: z.string().trim().max(8000, 'Use at most 8,000 characters.').default(''),
  keyMessages: lines('Key messages'),
  hashtags: lines('Hashtags').transform((l) => l.map((h) => (h.startsWith('#') ? h : `#${h}`))),
  handles: lines('Handles').transform((l) => l.map((h) => (h.startsWith('@') ? h : `@${h}`))),
  productNames: lines('Products named in this campaign'),
  links: lines('Links').refine((l) => l.every((u) => /^https?:\/\/\S+$/i.test(u)), 'Each link must start with https:// (one per line).'),
  dos: lines("Do's"),
  donts: lines("Don'ts"),
  approvedClaims: lines('Approved claims'),
  bannedWords: lines('Banned words'),
  productNotes: z.string().trim().max(4000, 'Use at most 4,000 characters.').default(''),
  shippingNotes: z.string().trim().max(4000, 'Use at most 4,000 characters.').default(''),
  deadlines: lines('Deadlines'),
  jurisdiction: z.enum(JURISDICTIONS, { errorMap: () => ({ message: 'Pick US, UK, IE, FR or DE.' }) }),
  mediaAlteration: z.enum(MEDIA_ALTERATIONS, { errorMap: () => ({ message: 'Pick neither, retouched or generated.' }) }).default('none'),
  /** The version the editor was opened on: publishing over a newer version is refused. */
  baseVersion: z.coerce.number().int().min(0).max(100000),
})

/** Remove one file from the brief being edited (attaching is a multipart upload: attach-brief-files). */
export const removeBriefFileSchema = z.object({
  intent: z.literal('remove-file'),
  fileId: z.string().trim().min(1, 'Pick a file to remove.').max(40),
})

// A day is checked by isoDayProblem below (it names what is wrong); this only bounds the text.
const dayText = z.string().max(40, 'Enter the day as YYYY-MM-DD.').optional()
const slotShape: Record<string, z.ZodTypeAny> = {}
for (let i = 0; i < DELIVERABLE_SLOTS; i++) {
  slotShape[`d${i}_format`] = z.string().max(40).optional()
  slotShape[`d${i}_platform`] = z.string().max(40).optional()
  slotShape[`d${i}_quantity`] = z.string().max(4).optional()
  slotShape[`d${i}_draftDueOn`] = dayText
  slotShape[`d${i}_postWindowStart`] = dayText
  slotShape[`d${i}_postWindowEnd`] = dayText
}

/** Offers are sent in their campaign's currency: the route looks it up and passes it here. */
export const offerSchema = (currency: string) =>
  z
  .object({
    intent: z.literal('send'),
    creatorIds: z.array(z.string().min(1).max(40)).min(1, 'Pick at least one creator.').max(200).default([]),
    connectionType: z.enum(OFFER_CONNECTION_TYPES, { errorMap: () => ({ message: 'Pick a connection type.' }) }),
    /** Parsed in the transform below so its error shows together with the deliverable errors. */
    fee: z.string().trim().max(20, 'The fee is too large.').default(''),
    paymentNetDays: intIn(0, 120, 'Payment days'),
    paymentClockStart: z.enum(PAYMENT_CLOCK_STARTS, { errorMap: () => ({ message: 'Pick what starts the payment clock.' }) }),
    usageRights: z.enum(USAGE_RIGHTS, { errorMap: () => ({ message: 'Pick the usage rights.' }) }),
    usageMonths: intIn(0, 60, 'Usage months').default(0),
    usageTerritory: z.string().trim().max(80).optional().transform((v) => v || null),
    exclusivityCategory: z.string().trim().max(80).optional().transform((v) => v || null),
    exclusivityMonths: intIn(0, 24, 'Exclusivity months').default(0),
    revisionRounds: intIn(0, 10, 'Revision rounds'),
    giftDescription: z.string().trim().max(300).optional().transform((v) => v || null),
    expiresOn: isoDay('Say until when the creator can accept.'),
    message: z.string().trim().max(2000).optional().transform((v) => v || null),
    confirmOverBudget: z.literal('1').optional(),
    ...slotShape,
  })
  .transform((v, ctx) => {
    const raw = v as unknown as Record<string, string | undefined>
    const parsed = v.fee === '' ? ({ ok: true, minor: 0 } as const) : parseMoney(v.fee, currency)
    const fee = parsed.ok ? parsed.minor : null
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['fee'], message: moneyMessage('the fee', parsed.error) })
    const deliverables = []
    for (let i = 0; i < DELIVERABLE_SLOTS; i++) {
      const format = raw[`d${i}_format`]?.trim()
      if (!format) continue
      const path = (f: string) => [`d${i}_${f}`]
      if (!(FORMATS as readonly string[]).includes(format)) {
        ctx.addIssue({ code: 'custom', path: path('format'), message: 'Pick a format.' })
        continue
      }
      const platform = raw[`d${i}_platform`]?.trim() || FORMAT_PLATFORMS[format as Format][0]!
      if (!(PLATFORMS as readonly string[]).includes(platform) || !FORMAT_PLATFORMS[format as Format].includes(platform as Platform)) {
        ctx.addIssue({ code: 'custom', path: path('platform'), message: `That format is not available on ${platform}.` })
        continue
      }
      const quantity = Number(raw[`d${i}_quantity`] || '1')
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > 20) {
        ctx.addIssue({ code: 'custom', path: path('quantity'), message: 'Quantity must be between 1 and 20.' })
        continue
      }
      const dates: Record<string, string | null> = {}
      for (const f of ['draftDueOn', 'postWindowStart', 'postWindowEnd']) {
        const d = raw[`d${i}_${f}`]?.trim() || null
        const problem = d ? isoDayProblem(d) : null
        if (problem) ctx.addIssue({ code: 'custom', path: path(f), message: isoDayMessage(d!, problem) })
        dates[f] = d
      }
      if (dates.postWindowStart && dates.postWindowEnd && dates.postWindowEnd < dates.postWindowStart) {
        ctx.addIssue({ code: 'custom', path: path('postWindowEnd'), message: 'The window ends before it starts.' })
      }
      if (dates.draftDueOn && dates.postWindowStart && dates.postWindowStart < dates.draftDueOn) {
        ctx.addIssue({ code: 'custom', path: path('postWindowStart'), message: 'Posting starts before the draft is due.' })
      }
      deliverables.push({
        platform: platform as Platform,
        format: format as Format,
        quantity,
        draftDueOn: dates.draftDueOn ?? null,
        postWindowStart: dates.postWindowStart ?? null,
        postWindowEnd: dates.postWindowEnd ?? null,
      })
    }
    if (deliverables.length === 0) ctx.addIssue({ code: 'custom', path: ['d0_format'], message: 'Add at least one deliverable.' })
    if (v.usageRights !== 'none' && v.usageMonths < 1) ctx.addIssue({ code: 'custom', path: ['usageMonths'], message: 'Say for how many months the brand may use the content.' })
    if (v.exclusivityCategory && v.exclusivityMonths < 1) ctx.addIssue({ code: 'custom', path: ['exclusivityMonths'], message: 'Say for how many months exclusivity lasts.' })
    if (v.connectionType === 'paid' && fee === 0) ctx.addIssue({ code: 'custom', path: ['fee'], message: 'A paid offer needs a fee.' })
    return {
      creatorIds: [...new Set(v.creatorIds)],
      connectionType: v.connectionType,
      feeMinor: fee ?? 0,
      paymentNetDays: v.paymentNetDays,
      paymentClockStart: v.paymentClockStart,
      usageRights: v.usageRights,
      usageMonths: v.usageRights === 'none' ? 0 : v.usageMonths,
      usageTerritory: v.usageRights === 'none' ? null : v.usageTerritory,
      exclusivityCategory: v.exclusivityCategory,
      exclusivityMonths: v.exclusivityCategory ? v.exclusivityMonths : 0,
      revisionRounds: v.revisionRounds,
      giftDescription: v.giftDescription,
      expiresOn: v.expiresOn,
      message: v.message,
      confirmOverBudget: v.confirmOverBudget === '1',
      deliverables,
    }
  })
export type OfferInput = z.output<ReturnType<typeof offerSchema>>

export const brandOfferActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('withdraw'), offerId: z.string().min(1).max(40) }),
  z.object({ intent: z.literal('accept-counter'), offerId: z.string().min(1).max(40), confirmOverBudget: z.literal('1').optional() }),
  z.object({
    intent: z.literal('decline-counter'),
    offerId: z.string().min(1).max(40),
    note: z.string().trim().min(1, 'Tell the creator why (they see this note).').max(1000, 'Use at most 1,000 characters.'),
  }),
])

/** The creator's answer; a counter-offer's fee is typed in the offer's currency. */
export const creatorOfferActionSchema = (currency: string) =>
  z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('accept') }),
  z.object({ intent: z.literal('acknowledge'), version: z.coerce.number().int().min(1).max(100000) }),
  z.object({
    intent: z.literal('decline'),
    reason: z.string().trim().min(1, 'Tell the brand why, in a few words.').max(1000, 'Use at most 1,000 characters.'),
  }),
  z.object({
    intent: z.literal('counter'),
    fee: moneyMinor('your fee', currency).refine((v) => v > 0, 'Enter the fee you are asking for.'),
    note: z.string().trim().max(1000, 'Use at most 1,000 characters.').optional().transform((v) => v || null),
  }),
])

export const representedBySchema = z.object({
  intent: z.literal('represented-by'),
  representedBy: z.string().trim().max(120, 'Use at most 120 characters.').optional().transform((v) => v || null),
})

export const socialAccountSchema = z.object({
  intent: z.literal('add-account'),
  platform: z.enum(PLATFORMS, { errorMap: () => ({ message: 'Pick a platform.' }) }),
  handle: z
    .string()
    .trim()
    .transform((h) => h.replace(/^@/, '').toLowerCase())
    .pipe(z.string().min(1, 'Enter the handle.').max(60, 'That handle is too long.').regex(/^[a-z0-9._-]+$/, 'Use letters, numbers, dots, dashes and underscores.')),
  profileUrl: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^https:\/\/\S+$/i.test(v), 'The profile link must start with https://'),
  followers: z.coerce.number({ invalid_type_error: 'Followers must be a number.' }).int('Followers must be a whole number.').min(0).max(2_000_000_000),
})

/** The brief page's "start the campaign" button. */
export const startCampaignSchema = z.object({ intent: z.literal('start-campaign') })
