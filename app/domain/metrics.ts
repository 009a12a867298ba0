/**
 * Performance metrics derived from raw counts (definitions: shared/domain/metrics-and-money.md).
 * Pure (no I/O): runs in the browser and on the server.
 *
 * Conventions:
 * - Counts are whole numbers; a count nobody reported is null/undefined and stays "missing" — it is
 *   never turned into 0 by a ratio.
 * - Every ratio returns null (never NaN or Infinity) when the denominator is missing, zero, negative or
 *   not finite, or the numerator is missing, negative or not finite.
 * - Costs are integer minor units (cents). Cost-per results (CPM, CPV, CPE, CPC, CPA) are returned in
 *   minor units and may be fractional (CPV of $1,800 over 500,000 views = 0.36 cents); round only for
 *   display (formatMetric).
 * - Rates (engagement rate) are fractions: 0.05 means 5%. ROAS is a plain ratio (3.25 = $3.25 of revenue
 *   per $1 of cost).
 * - Metric snapshots are CUMULATIVE counters (the totals as of capturedAt), so the latest snapshot of a
 *   post is its total; snapshots of the same post are never added together.
 */
import { currencyExponent, formatMoney } from '#app/domain/money.ts'
import { keptFormat } from '#app/domain/intl-formats.ts'

/** Interactions that can be counted as engagements. */
export const ENGAGEMENT_KEYS = ['likes', 'comments', 'shares', 'saves', 'clicks'] as const
export type EngagementKey = (typeof ENGAGEMENT_KEYS)[number]

/** The default engagement set: likes + comments + shares + saves (configurable per brand). */
export const DEFAULT_ENGAGEMENT_SET: readonly EngagementKey[] = Object.freeze(['likes', 'comments', 'shares', 'saves'] as const)

/** The raw counters of a metric snapshot (column names of metric_snapshots). */
export const COUNT_KEYS = ['impressions', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks', 'followers'] as const
export type CountKey = (typeof COUNT_KEYS)[number]
export type RawCounts = Partial<Record<CountKey, number | null>>

/** What an EMV value per action can be attached to. */
export const EMV_ACTIONS = ['impressions', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks'] as const
export type EmvAction = (typeof EMV_ACTIONS)[number]

export const ENGAGEMENT_RATE_BASES = ['followers', 'reach', 'views', 'impressions'] as const
export type EngagementRateBasis = (typeof ENGAGEMENT_RATE_BASES)[number]

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0

/** numerator / denominator, or null unless both are finite, numerator >= 0 and denominator > 0. */
function ratio(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (!isCount(numerator) || !isCount(denominator) || denominator === 0) return null
  return numerator / denominator
}

// ---------------------------------------------------------------------------------------------------
// Engagements and rates
// ---------------------------------------------------------------------------------------------------

/**
 * Sum of the interactions in `set` (default likes + comments + shares + saves; duplicates in the set
 * count once). Interactions that were not reported are skipped; null when none of them was reported
 * (or the set is empty). Use missingEngagementKeys to say which ones were skipped.
 */
export function engagements(counts: RawCounts, set: readonly EngagementKey[] = DEFAULT_ENGAGEMENT_SET): number | null {
  let total: number | null = null
  for (const key of new Set(set)) {
    const v = counts[key]
    if (isCount(v)) total = (total ?? 0) + v
  }
  return total
}

/** The interactions of `set` that `counts` does not report (so a report can say "saves not reported"). */
export function missingEngagementKeys(counts: RawCounts, set: readonly EngagementKey[] = DEFAULT_ENGAGEMENT_SET): EngagementKey[] {
  return [...new Set(set)].filter((k) => !isCount(counts[k]))
}

/** engagements / denominator (followers, reach or views) as a fraction (0.05 = 5%), or null. */
export function engagementRate(engagementCount: number | null | undefined, denominator: number | null | undefined): number | null {
  return ratio(engagementCount, denominator)
}

/** Engagement rate of a set of counts by a named denominator — a report always names it. */
export function engagementRateBy(
  counts: RawCounts,
  basis: EngagementRateBasis,
  set: readonly EngagementKey[] = DEFAULT_ENGAGEMENT_SET,
): { value: number | null; basis: EngagementRateBasis; set: readonly EngagementKey[] } {
  return { value: engagementRate(engagements(counts, set), counts[basis]), basis, set }
}

// ---------------------------------------------------------------------------------------------------
// Cost metrics (cost in integer minor units; results in possibly fractional minor units)
// ---------------------------------------------------------------------------------------------------

/** Cost per thousand impressions: cost / impressions × 1000, in minor units. */
export function cpm(costMinor: number | null | undefined, impressions: number | null | undefined): number | null {
  const r = ratio(costMinor, impressions)
  return r === null ? null : r * 1000
}
/** Cost per view, in minor units. */
export function cpv(costMinor: number | null | undefined, views: number | null | undefined): number | null {
  return ratio(costMinor, views)
}
/** Cost per engagement, in minor units. */
export function cpe(costMinor: number | null | undefined, engagementCount: number | null | undefined): number | null {
  return ratio(costMinor, engagementCount)
}
/** Cost per click, in minor units. */
export function cpc(costMinor: number | null | undefined, clicks: number | null | undefined): number | null {
  return ratio(costMinor, clicks)
}
/** Cost per acquisition (conversion / promo-code redemption), in minor units. */
export function cpa(costMinor: number | null | undefined, conversions: number | null | undefined): number | null {
  return ratio(costMinor, conversions)
}
/** Conversion rate: orders / tracked-link clicks (a fraction; 0 clicks -> null). */
export function conversionRate(orders: number | null | undefined, clicks: number | null | undefined): number | null {
  return ratio(orders, clicks)
}
/** Return on ad spend: attributed revenue / cost (both minor units, same currency). 0 revenue -> 0; 0 cost -> null. */
export function roas(revenueMinor: number | null | undefined, costMinor: number | null | undefined): number | null {
  return ratio(revenueMinor, costMinor)
}

// ---------------------------------------------------------------------------------------------------
// Earned media value (no industry standard: always shown with its formula; never call it ROI)
// ---------------------------------------------------------------------------------------------------

export interface EmvResult {
  method: 'impressions' | 'actions'
  /** Integer minor units. */
  valueMinor: number
  /** Human-readable, with the values: "12,000 impressions / 1000 × $8.00 CPM = $96.00". */
  formula: string
}

// Built once, like the display formatters below: an EMV formula is written for every row of a report, with a
// count and a price per action, and constructing an Intl.NumberFormat costs ~50–75 µs (formatting ~2 µs).
const COUNT_TEXT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 })
const countText = (n: number) => COUNT_TEXT_FORMAT.format(n)
const priceFormats = new Map<string, Intl.NumberFormat>()

/** A price in possibly fractional minor units: 800 -> "$8.00", 0.5 -> "$0.005" (extra digits only when needed). */
function priceText(minor: number, currency: string): string {
  if (Number.isSafeInteger(minor)) return formatMoney(minor, currency)
  const code = currency.toUpperCase()
  const exp = currencyExponent(currency)
  const nf = keptFormat(priceFormats, code, () => new Intl.NumberFormat('en-US', { style: 'currency', currency: code, minimumFractionDigits: exp, maximumFractionDigits: Math.min(exp + 6, 20) }))
  return nf.format(minor / 10 ** exp)
}

/** Round a non-negative exact value num/den to the nearest integer, halves up. */
function roundHalfUp(num: bigint, den: bigint): bigint {
  const q = num / den
  return (num % den) * 2n >= den ? q + 1n : q
}

/**
 * EMV by impressions: impressions / 1000 × CPM, rounded to the nearest minor unit (halves up).
 * Example: 12,000 impressions at an $8.00 CPM (800 cents) = 12 × 800 = 9600 cents = $96.00.
 * Null when impressions are missing. Throws on a CPM that is not a non-negative safe integer.
 */
export function emvByImpressions(impressions: number | null | undefined, cpmMinor: number, currency = 'USD'): EmvResult | null {
  if (!Number.isSafeInteger(cpmMinor) || cpmMinor < 0) throw new RangeError(`CPM must be a non-negative integer of minor units, got ${cpmMinor}`)
  if (!isCount(impressions) || !Number.isSafeInteger(impressions)) return null
  const valueMinor = Number(roundHalfUp(BigInt(impressions) * BigInt(cpmMinor), 1000n))
  return {
    method: 'impressions',
    valueMinor,
    formula: `${countText(impressions)} impressions / 1000 × ${formatMoney(cpmMinor, currency)} CPM = ${formatMoney(valueMinor, currency)}`,
  }
}

/**
 * EMV by actions: Σ count × value per action, over the actions that have both a reported count and a
 * brand value, in EMV_ACTIONS order. Values are minor units and may be fractional (0.5 = half a cent);
 * the sum is rounded once, at the end, to the nearest minor unit (halves up).
 * Example: 1,000 likes × $0.10 + 50 comments × $0.50 = 10000 + 2500 = 12500 cents = $125.00.
 * Null when no action has both a count and a value. Throws on a negative or non-finite value.
 */
export function emvByActions(
  counts: Partial<Record<EmvAction, number | null>>,
  valuesPerActionMinor: Partial<Record<EmvAction, number>>,
  currency = 'USD',
): EmvResult | null {
  let total = 0
  const terms: string[] = []
  for (const action of EMV_ACTIONS) {
    const value = valuesPerActionMinor[action]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new RangeError(`EMV value for ${action} must be a non-negative number, got ${value}`)
    const count = counts[action]
    if (!isCount(count)) continue
    total += count * value
    terms.push(`${countText(count)} ${action} × ${priceText(value, currency)}`)
  }
  if (terms.length === 0) return null
  const valueMinor = Math.round(total)
  if (!Number.isSafeInteger(valueMinor)) throw new RangeError('EMV is beyond the safe integer range')
  return { method: 'actions', valueMinor, formula: `${terms.join(' + ')} = ${formatMoney(valueMinor, currency)}` }
}

// ---------------------------------------------------------------------------------------------------
// Display
// ---------------------------------------------------------------------------------------------------

export type MetricKind = 'count' | 'percent' | 'money' | 'ratio'

/**
 * Render a metric; null (or NaN/Infinity) is "—".
 * - count: whole number with grouping ("12,000"; 12.6 -> "13").
 * - percent: a fraction shown with two decimals (0.0523 -> "5.23%").
 * - money: minor units (may be fractional). From one major unit up it is rounded to the minor unit
 *   ("$40.00"); below one major unit up to two extra digits are kept so a CPV does not read "$0.00"
 *   (0.36 cents -> "$0.0036"). Needs `currency` (throws without it).
 * - ratio: two decimals and "×" (ROAS 3.254 -> "3.25×").
 */
// Formatters are built once: constructing an Intl.NumberFormat costs ~50 µs, and a report page formats
// thousands of figures (tests/bench: 75 ms of CPU per report page before this).
const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const PERCENT_FORMAT = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 })
const RATIO_FORMAT = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const subUnitFormats = new Map<string, Intl.NumberFormat>()
function subUnitFormat(code: string, exp: number): Intl.NumberFormat {
  return keptFormat(subUnitFormats, code, () => new Intl.NumberFormat('en-US', { style: 'currency', currency: code, minimumFractionDigits: exp, maximumFractionDigits: exp + 2 }))
}

export function formatMetric(value: number | null | undefined, kind: MetricKind, currency?: string): string {
  if (kind === 'money' && !currency) throw new TypeError('formatMetric(…, "money") needs a currency')
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  switch (kind) {
    case 'count':
      return COUNT_FORMAT.format(value)
    case 'percent':
      return PERCENT_FORMAT.format(value)
    case 'ratio':
      return `${RATIO_FORMAT.format(value)}×`
    case 'money': {
      const code = currency!
      const exp = currencyExponent(code)
      const unit = 10 ** exp
      if (Math.abs(value) >= unit || Number.isInteger(value)) {
        // Nearest minor unit, halves away from zero.
        const rounded = Math.sign(value) * Math.round(Math.abs(value))
        return formatMoney(rounded === 0 ? 0 : rounded, code)
      }
      return subUnitFormat(code.toUpperCase(), exp).format(value / unit)
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------------------------------

export interface MetricSnapshotLike extends RawCounts {
  postId: string
  capturedAt: Date
}

export type AggregatedCounts = Record<CountKey, number | null> & {
  /** Number of posts with at least one snapshot. */
  posts: number
  /** capturedAt of the newest snapshot used, or null when there are none. */
  latestCapturedAt: Date | null
}

/**
 * Totals across posts from cumulative snapshots: for each post only its LATEST snapshot (by capturedAt;
 * on a tie, the one later in the array) counts, then the latest snapshots are summed per counter.
 * A counter is null when no latest snapshot reports it (missing is not 0). `followers` is summed too,
 * so engagementRate(engagements, followers) over the aggregate is the post-weighted rate, not the size
 * of a unique audience. Fields of an older snapshot are never used, even when the latest lacks them.
 */
export function aggregateSnapshots(snaps: readonly MetricSnapshotLike[]): AggregatedCounts {
  const latest = new Map<string, MetricSnapshotLike>()
  for (const s of snaps) {
    const t = s.capturedAt.getTime()
    if (Number.isNaN(t)) throw new RangeError(`snapshot of post ${s.postId} has an invalid capturedAt`)
    const prev = latest.get(s.postId)
    if (!prev || t >= prev.capturedAt.getTime()) latest.set(s.postId, s)
  }
  const out = { posts: latest.size, latestCapturedAt: null } as AggregatedCounts
  for (const k of COUNT_KEYS) out[k] = null
  for (const s of latest.values()) {
    if (!out.latestCapturedAt || s.capturedAt.getTime() > out.latestCapturedAt.getTime()) out.latestCapturedAt = s.capturedAt
    for (const k of COUNT_KEYS) {
      const v = s[k]
      if (!isCount(v)) continue
      const sum = (out[k] ?? 0) + v
      if (!Number.isSafeInteger(sum) && Number.isInteger(v)) throw new RangeError(`${k} total exceeds the safe integer range`)
      out[k] = sum
    }
  }
  return out
}
