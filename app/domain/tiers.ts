/**
 * Creator tiers from a dated follower count, and follower growth over a window ("rising" creators).
 * Pure (no I/O). Tiers are configurable per brand/platform by passing thresholds.
 *
 * Default tiers (lower bound inclusive, upper bound exclusive):
 *   emerging < 1K ≤ nano < 10K ≤ micro < 100K ≤ mid < 500K ≤ macro < 1M ≤ mega
 * Below the nano threshold a creator is 'emerging' (a real, if small, account — not "no tier").
 */

export const TIERS = ['emerging', 'nano', 'micro', 'mid', 'macro', 'mega'] as const
export type Tier = (typeof TIERS)[number]

export const TIER_LABEL: Record<Tier, string> = {
  emerging: 'Emerging',
  nano: 'Nano',
  micro: 'Micro',
  mid: 'Mid-tier',
  macro: 'Macro',
  mega: 'Mega',
}

/** Lower bound (inclusive) of each tier above 'emerging', in followers. */
export interface TierThresholds {
  nano: number
  micro: number
  mid: number
  macro: number
  mega: number
}

export const DEFAULT_TIER_THRESHOLDS: Readonly<TierThresholds> = Object.freeze({
  nano: 1_000,
  micro: 10_000,
  mid: 100_000,
  macro: 500_000,
  mega: 1_000_000,
})

const ORDER = ['nano', 'micro', 'mid', 'macro', 'mega'] as const

/**
 * Defaults overridden by `overrides`; throws unless every bound is a positive safe integer and they
 * strictly increase nano < micro < mid < macro < mega.
 */
export function resolveTierThresholds(overrides: Partial<TierThresholds> = {}): TierThresholds {
  const t: TierThresholds = { ...DEFAULT_TIER_THRESHOLDS }
  for (const k of ORDER) {
    const v = overrides[k]
    if (v !== undefined) t[k] = v
  }
  let prev = 0
  for (const k of ORDER) {
    const v = t[k]
    if (!Number.isSafeInteger(v) || v <= prev) {
      throw new RangeError(`Tier thresholds must be positive integers increasing nano < micro < mid < macro < mega (${k} = ${v})`)
    }
    prev = v
  }
  return t
}

/**
 * The tier of a follower count; null when the count is missing. Throws on a negative or
 * non-integer count, or invalid thresholds.
 * Examples (defaults): 999 -> emerging, 1,000 -> nano, 9,999 -> nano, 10,000 -> micro, 1,000,000 -> mega.
 */
let defaults: TierThresholds | undefined

export function tierFor(followers: number | null | undefined, thresholds?: Partial<TierThresholds>): Tier | null {
  // Reports ask for thousands of tiers with the default thresholds: resolve (and validate) those once.
  const t = thresholds ? resolveTierThresholds(thresholds) : (defaults ??= resolveTierThresholds())
  if (followers === null || followers === undefined) return null
  if (!Number.isSafeInteger(followers) || followers < 0) throw new RangeError(`followers must be a non-negative integer, got ${followers}`)
  let tier: Tier = 'emerging'
  for (const k of ORDER) if (followers >= t[k]) tier = k
  return tier
}

const compact = (n: number) => {
  if (n >= 1_000_000 && n % 100_000 === 0) return `${n / 1_000_000}M`
  if (n >= 1_000 && n % 100 === 0) return `${n / 1_000}K`
  return TIER_NUMBER.format(n)
}
const TIER_NUMBER = new Intl.NumberFormat('en-US')

/** The follower range of a tier as text: "10K–100K", "1M+", "< 1K". */
export function tierRange(tier: Tier, thresholds?: Partial<TierThresholds>): string {
  const t = resolveTierThresholds(thresholds)
  if (tier === 'emerging') return `< ${compact(t.nano)}`
  if (tier === 'mega') return `${compact(t.mega)}+`
  const i = ORDER.indexOf(tier)
  return `${compact(t[tier])}–${compact(t[ORDER[i + 1]!])}`
}

export interface FollowerPoint {
  capturedAt: Date
  followers: number
}

const DAY_MS = 86_400_000

/**
 * Relative follower growth over the last `windowDays` days before `now`: (last − first) / first, using
 * the earliest and the latest snapshot with now − windowDays ≤ capturedAt ≤ now (both ends inclusive;
 * snapshots after `now` are ignored). 0.25 means +25%; negative when the account shrank.
 * Null when fewer than two snapshots fall in the window, when they share one capture time, or when the
 * first count is 0 (growth from nothing has no relative size). Snapshots need not be sorted.
 */
export function growthRate(snapshots: readonly FollowerPoint[], windowDays = 90, now: Date = new Date()): number | null {
  if (!Number.isFinite(windowDays) || windowDays <= 0) throw new RangeError(`windowDays must be positive, got ${windowDays}`)
  const end = now.getTime()
  if (Number.isNaN(end)) throw new RangeError('now is an invalid date')
  const start = end - windowDays * DAY_MS
  let first: FollowerPoint | null = null
  let last: FollowerPoint | null = null
  let inWindow = 0
  for (const p of snapshots) {
    const t = p.capturedAt.getTime()
    if (Number.isNaN(t) || t < start || t > end) continue
    if (!Number.isFinite(p.followers) || p.followers < 0) continue
    inWindow++
    if (!first || t < first.capturedAt.getTime()) first = p
    if (!last || t >= last.capturedAt.getTime()) last = p
  }
  if (inWindow < 2 || !first || !last) return null
  if (first.capturedAt.getTime() === last.capturedAt.getTime()) return null
  if (first.followers === 0) return null
  return (last.followers - first.followers) / first.followers
}
