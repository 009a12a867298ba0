import { z } from 'zod'
import { JURISDICTIONS } from '#app/domain/catalog.ts'
import { parseMoney, stripOwnCurrency } from '#app/domain/money.ts'
import { ENGAGEMENT_FIELDS, RATE_BASES } from '#app/domain/report-metrics.ts'

/** The EMV value of one action, typed in the brand's currency with up to 4 decimals ("0.005" = half a cent). */
const emvValue = (currency: string) =>
  z
    .string()
    .trim()
    .max(12)
    .optional()
    .transform((s, ctx) => {
      if (!s) return null
      const own = stripOwnCurrency(s, currency)
      if (!own.ok) {
        ctx.addIssue({ code: 'custom', message: own.error })
        return z.NEVER
      }
      const m = /^(\d{1,6})(?:\.(\d{1,4}))?$/.exec(own.text)
      if (!m) {
        ctx.addIssue({ code: 'custom', message: 'Enter a value like 0.005 or 0.25 (at most 4 decimals), or leave it empty.' })
        return z.NEVER
      }
      // Exact: ten-thousandths of a major unit -> minor units (two decimals), possibly fractional (0.5 cent).
      const tenThousandths = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'))
      return tenThousandths / 100
    })

/** The brand settings form (admins). The approval limit is parsed in the brand's currency. */
export function brandSettingsSchema(currency: string) {
  return z.object({
    jurisdiction: z.enum(JURISDICTIONS, { errorMap: () => ({ message: 'Choose where your disclosure rules come from.' }) }),
    engagementSet: z
      .array(z.enum(ENGAGEMENT_FIELDS, { errorMap: () => ({ message: 'Choose interactions from the list.' }) }))
      .min(1, 'Count at least one interaction as an engagement.')
      .max(ENGAGEMENT_FIELDS.length)
      .default([]),
    engagementRateBasis: z.enum(RATE_BASES, { errorMap: () => ({ message: 'Choose the engagement-rate denominator.' }) }),
    emv_impressions: emvValue(currency),
    emv_views: emvValue(currency),
    emv_likes: emvValue(currency),
    emv_comments: emvValue(currency),
    emv_shares: emvValue(currency),
    emv_saves: emvValue(currency),
    emv_postClicks: emvValue(currency),
    invoiceApprovalLimit: z
      .string()
      .trim()
      .max(24)
      .optional()
      .transform((s, ctx) => {
        if (!s) return null
        const r = parseMoney(s, currency)
        if (!r.ok) {
          ctx.addIssue({ code: 'custom', message: r.error })
          return z.NEVER
        }
        return r.minor
      }),
    segregationOfDuties: z.literal('on').optional().transform((v) => v === 'on'),
  })
}
export type BrandSettingsInput = z.infer<ReturnType<typeof brandSettingsSchema>>
