import { z } from 'zod'
import { PLATFORMS } from '#app/domain/catalog.ts'
import { SORTABLE_KEYS } from '#app/domain/report-columns.ts'
import { TIERS } from '#app/domain/tiers.ts'

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()))
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

export function parseReportQuery(url: URL): ReportQuery {
  const raw = Object.fromEntries([...url.searchParams.entries()].filter(([, v]) => v !== ''))
  return reportQuerySchema.parse(raw)
}
