import { z } from 'zod'
import { isoDayMessage, isoDayProblem, parseIsoDayOrNull } from '#app/domain/dates.ts'
import { PLATFORMS } from '#app/domain/catalog.ts'
import { SORTABLE_KEYS } from '#app/domain/report-columns.ts'
import { TIERS } from '#app/domain/tiers.ts'

const day = z
  .string()
  .refine((s) => parseIsoDayOrNull(s) !== null)
  .optional()
  .catch(undefined)

/** Report filters from the query string: anything malformed is ignored (a GET never fails on a bad filter). */
export const reportQuerySchema = z.object({
  from: day,
  to: day,
  campaign: z.string().max(40).optional().catch(undefined),
  creator: z.string().max(40).optional().catch(undefined),
  platform: z.enum(PLATFORMS).optional().catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  view: z.enum(['creators', 'collaborations', 'campaigns']).default('creators').catch('creators'),
  sort: z.enum(SORTABLE_KEYS).default('costMinor').catch('costMinor'),
  dir: z.enum(['asc', 'desc']).default('desc').catch('desc'),
  /** '1': every row of the table, not only the first page of it. */
  all: z.literal('1').optional().catch(undefined),
})
export type ReportQuery = z.infer<typeof reportQuerySchema>

/**
 * The filters, plus a sentence for each date filter that is not a day (2026-02-30, 0000-01-01): the page
 * shows it next to the field and the report is not filtered by that date (never by a day it was moved to);
 * the CSV export refuses the request.
 */
export function parseReportQuery(url: URL): ReportQuery & { dayErrors: { from?: string; to?: string } } {
  const raw = Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ''))
  const dayErrors: { from?: string; to?: string } = {}
  for (const key of ['from', 'to'] as const) {
    const v = raw[key]
    const problem = v === undefined ? null : isoDayProblem(v)
    if (problem) dayErrors[key] = isoDayMessage(v!.slice(0, 40), problem)
  }
  return { ...reportQuerySchema.parse(raw), dayErrors }
}
