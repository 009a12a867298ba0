import { rollup, sumAll, withTotals, type RawTotals } from '#app/domain/report-rollup.ts'
import { deriveMetrics, reportSettings, tierOf, withMetrics, type DerivedMetrics, type ReportSettings } from '#app/domain/report-metrics.ts'
import { DEFAULT_ATTRIBUTION_WINDOW_DAYS, ordersMethod } from '#app/domain/orders.ts'
import { byLabel, loadCreatorFollowers, loadReportTotals, type CollaborationTotals, type ReportFilters } from './load-performance.server.ts'
import { compareText } from '#app/domain/compare-text.ts'
import type { CampaignChoices } from '#app/domain/campaign-choices.ts'
import { listCampaignChoices } from '#app/services/campaigns/campaign-choices.server.ts'

export type { ReportFilters }

export interface ReportRow extends RawTotals, DerivedMetrics {
  key: string
  label: string
  sublabel: string | null
  creatorId: string | null
  followers: number | null
  tier: string | null
  collaborations: number
  costBasis: 'ledger' | 'fees' | 'mixed'
}

export interface PerformanceReport {
  filters: ReportFilters & { tier: string | null }
  settings: ReportSettings
  currency: string
  /** Per creator across the program (or within the campaign filter). */
  creators: ReportRow[]
  /** Per creator within each campaign (one row per collaboration). */
  collaborations: ReportRow[]
  campaigns: ReportRow[]
  program: ReportRow
  /** The campaign filter's choices (app/domain/campaign-choices.ts). */
  campaignOptions: CampaignChoices
  /** Collaborations in a currency other than the brand's, left out of the totals. */
  otherCurrency: number
  /** Orders that count but are in a currency with no rate entered, per currency: not in revenue or ROAS. */
  ordersApart: { currency: string; orders: number; netMinor: number }[]
  /** How orders and revenue are counted, written on the page and in the CSV header. */
  ordersMethod: string
  /** Posts and their impressions by publishing week (all currencies). */
  weekly: { week: string; posts: number; impressions: number | null; views: number | null }[]
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const r of rows) {
    const k = key(r)
    const list = out.get(k)
    if (list) list.push(r)
    else out.set(k, [r])
  }
  return out
}

/** Orders kept apart (no rate to the brand's currency), summed per currency: from each collaboration's list. */
export function ordersApartOf(lists: Iterable<readonly { currency: string; orders: number; netMinor: number }[]>): PerformanceReport['ordersApart'] {
  const by = new Map<string, { currency: string; orders: number; netMinor: number }>()
  for (const list of lists) {
    for (const a of list) {
      const t = by.get(a.currency) ?? { currency: a.currency, orders: 0, netMinor: 0 }
      t.orders += a.orders
      t.netMinor += a.netMinor
      by.set(a.currency, t)
    }
  }
  return [...by.values()].sort((a, b) => compareText(a.currency, b.currency))
}

function windowsOf(rows: readonly CollaborationTotals[]): number | 'per campaign' {
  const days = new Set(rows.map((r) => r.windowDays))
  return days.size === 1 ? [...days][0]! : days.size === 0 ? DEFAULT_ATTRIBUTION_WINDOW_DAYS : 'per campaign'
}

/** 'mixed' when the rows' cost bases differ, else theirs ('fees' for none); one pass, no Set per group. */
function basis(rows: CollaborationTotals[]): 'ledger' | 'fees' | 'mixed' {
  const first = rows[0]?.costBasis ?? 'fees'
  for (const r of rows) if (r.costBasis !== first) return 'mixed'
  return first
}

/**
 * The performance report for one brand: per creator, per collaboration, per campaign and the program,
 * with cost metrics and EMV derived from summed raw counts (never averaged ratios). Four set-based
 * queries whatever the number of creators.
 */
export async function getPerformanceReport(
  brand: { id: string; currency: string; settings: Record<string, unknown> },
  filters: ReportFilters & { tier?: string | null },
): Promise<PerformanceReport> {
  const settings = reportSettings(brand.settings)
  const [{ collaborations: all, weekly, unassignedCost }, followers, campaignOptions] = await Promise.all([
    loadReportTotals(brand.id, filters),
    loadCreatorFollowers(brand.id, filters),
    listCampaignChoices(brand.id, { selected: filters.campaignId }),
  ])
  const inCurrency = all.filter((r) => r.currency === brand.currency)
  const tierFilter = filters.tier ?? null
  const rows = tierFilter ? inCurrency.filter((r) => tierOf(followers.get(r.creatorId) ?? null) === tierFilter) : inCurrency
  // Rows are built in place, field by field: spreads of ~25-field objects per row were most of a 1,000-row
  // report's time, and Object.assign onto them most of an 8,000-row one's (tests/bench).
  const finish = <T extends RawTotals & { followers?: number | null }>(t: T): T & DerivedMetrics => withMetrics(t, deriveMetrics(t, settings, brand.currency))

  const collaborations: ReportRow[] = rows.map((r) => {
    const f = followers.get(r.creatorId) ?? null
    const row: Omit<ReportRow, keyof DerivedMetrics> = withTotals(
      { key: r.offerId, label: r.creatorName, sublabel: r.campaignName, creatorId: r.creatorId, followers: f, tier: tierOf(f), collaborations: 1, costBasis: r.costBasis },
      r,
    )
    return finish(row)
  })
  const byCreator = groupBy(rows, (r) => r.creatorId)
  const byCampaign = groupBy(rows, (r) => r.campaignId)
  const creators: ReportRow[] = rollup(
    rows,
    (r) => r.creatorId,
    (r) => ({ label: r.creatorName, sublabel: null as string | null, creatorId: r.creatorId as string | null }),
  ).map((g) => {
    const f = followers.get(g.creatorId!) ?? null
    const row = g as typeof g & { followers: number | null; tier: string | null; costBasis: ReportRow['costBasis'] }
    row.followers = f
    row.tier = tierOf(f)
    row.costBasis = basis(byCreator.get(g.creatorId!) ?? [])
    return finish(row)
  })
  // An undated report of whole campaigns costs each campaign its committed amount (app/domain/money-figures.ts):
  // the collaborations' costs plus what is on no collaboration (campaign-level costs, gifts to creators who did not accept).
  const whole = !filters.from && !filters.to && !filters.platform && !filters.creatorId && !tierFilter
  const extra = (campaignId: string) => {
    const u = whole ? unassignedCost.get(campaignId) : undefined
    return u && u.currency === brand.currency ? u.minor : 0
  }
  const campaigns: ReportRow[] = rollup(
    rows,
    (r) => r.campaignId,
    (r) => ({ label: r.campaignName, sublabel: null as string | null, creatorId: null as string | null }),
  ).map((g) => {
    const row = g as typeof g & { followers: number | null; tier: string | null; costBasis: ReportRow['costBasis'] }
    row.followers = null
    row.tier = null
    row.costBasis = basis(byCampaign.get(g.key) ?? [])
    row.costMinor = g.costMinor + extra(g.key)
    return finish(row)
  })
  const programTotals = sumAll(rows)
  const program: ReportRow = finish(
    Object.assign(programTotals, {
      costMinor: programTotals.costMinor + [...byCampaign.keys()].reduce((s, k) => s + extra(k), 0),
      key: 'program',
      label: 'Program',
      sublabel: null,
      creatorId: null,
      followers: null,
      tier: null,
      collaborations: rows.length,
      costBasis: basis(rows),
    }),
  )
  return {
    filters: { ...filters, tier: tierFilter },
    settings,
    currency: brand.currency,
    creators: creators.sort(byLabel),
    collaborations,
    campaigns: campaigns.sort(byLabel),
    program,
    campaignOptions,
    otherCurrency: all.length - inCurrency.length,
    ordersApart: ordersApartOf(rows.map((r) => r.ordersApart)),
    ordersMethod: ordersMethod(windowsOf(rows)),
    weekly,
  }
}
