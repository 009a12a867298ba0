import { describe, expect, it } from 'vitest'
import {
  DEFAULT_ENGAGEMENT_SET,
  aggregateSnapshots,
  cpa,
  cpc,
  cpe,
  cpm,
  cpv,
  emvByActions,
  emvByImpressions,
  engagementRate,
  engagementRateBy,
  engagements,
  formatMetric,
  missingEngagementKeys,
  roas,
  type MetricSnapshotLike,
} from '#app/domain/metrics.ts'

const post = { impressions: 45_000, reach: 30_000, views: 40_000, likes: 1_200, comments: 150, shares: 90, saves: 60, clicks: 400, followers: 25_000 }

describe('engagements', () => {
  it('defaults to likes + comments + shares + saves', () => {
    expect(DEFAULT_ENGAGEMENT_SET).toEqual(['likes', 'comments', 'shares', 'saves'])
    // 1200 + 150 + 90 + 60 = 1500 (clicks are not in the default set)
    expect(engagements(post)).toBe(1500)
  })
  it('uses a configured set, counting duplicates once', () => {
    // likes + comments = 1200 + 150 = 1350
    expect(engagements(post, ['likes', 'comments'])).toBe(1350)
    expect(engagements(post, ['likes', 'likes'])).toBe(1200)
    // default + clicks = 1500 + 400 = 1900
    expect(engagements(post, [...DEFAULT_ENGAGEMENT_SET, 'clicks'])).toBe(1900)
  })
  it('skips unreported interactions and is null when none was reported', () => {
    // saves missing: 1200 + 150 + 90 = 1440
    expect(engagements({ likes: 1200, comments: 150, shares: 90, saves: null })).toBe(1440)
    expect(missingEngagementKeys({ likes: 1200, comments: 150, shares: 90, saves: null })).toEqual(['saves'])
    expect(engagements({ impressions: 100 })).toBeNull()
    expect(engagements(post, [])).toBeNull()
  })
  it('counts a reported zero as zero, not missing', () => {
    expect(engagements({ likes: 0, comments: 0 })).toBe(0)
  })
  it('ignores negative and non-finite counts', () => {
    expect(engagements({ likes: -5, comments: Number.NaN, shares: 10 })).toBe(10)
  })
})

describe('engagementRate', () => {
  it('divides by followers, reach or views', () => {
    // 1500 / 25000 = 0.06
    expect(engagementRate(1500, 25_000)).toBe(0.06)
    // 1500 / 30000 = 0.05
    expect(engagementRateBy(post, 'reach')).toEqual({ value: 0.05, basis: 'reach', set: DEFAULT_ENGAGEMENT_SET })
    // 1500 / 40000 = 0.0375
    expect(engagementRateBy(post, 'views').value).toBe(0.0375)
    expect(engagementRateBy(post, 'followers').value).toBe(0.06)
  })
  it('is null for a zero, missing, negative or non-finite denominator', () => {
    expect(engagementRate(1500, 0)).toBeNull()
    expect(engagementRate(1500, null)).toBeNull()
    expect(engagementRate(1500, undefined)).toBeNull()
    expect(engagementRate(1500, -10)).toBeNull()
    expect(engagementRate(1500, Number.POSITIVE_INFINITY)).toBeNull()
    expect(engagementRateBy({ likes: 10 }, 'reach').value).toBeNull()
  })
  it('is null for a missing numerator and 0 for zero engagements', () => {
    expect(engagementRate(null, 1000)).toBeNull()
    expect(engagementRate(Number.NaN, 1000)).toBeNull()
    expect(engagementRate(0, 1000)).toBe(0)
  })
})

describe('cost metrics', () => {
  const cost = 180_000 // $1,800.00
  it('CPM = cost / impressions × 1000', () => {
    // 180000 / 45000 × 1000 = 4000 cents = $40.00
    expect(cpm(cost, 45_000)).toBe(4000)
    // 100 cents / 3 impressions × 1000 = 33333.33… cents (fractional minor units are kept)
    expect(cpm(100, 3)).toBeCloseTo(33333.333333, 5)
  })
  it('CPV = cost / views (may be below one cent)', () => {
    // 180000 / 40000 = 4.5 cents
    expect(cpv(cost, 40_000)).toBe(4.5)
    // 180000 / 500000 = 0.36 cents
    expect(cpv(cost, 500_000)).toBe(0.36)
  })
  it('CPE, CPC and CPA', () => {
    // 180000 / 1500 engagements = 120 cents
    expect(cpe(cost, 1500)).toBe(120)
    // 180000 / 400 clicks = 450 cents
    expect(cpc(cost, 400)).toBe(450)
    // 180000 / 36 orders = 5000 cents
    expect(cpa(cost, 36)).toBe(5000)
  })
  it('ROAS = revenue / cost', () => {
    // revenue $5,850.00 = 585000; 585000 / 180000 = 3.25
    expect(roas(585_000, cost)).toBe(3.25)
    expect(roas(0, cost)).toBe(0)
    expect(roas(585_000, 0)).toBeNull()
  })
  it('is null, never NaN or Infinity, for zero or missing denominators and missing numerators', () => {
    for (const f of [cpm, cpv, cpe, cpc, cpa]) {
      expect(f(cost, 0)).toBeNull()
      expect(f(cost, null)).toBeNull()
      expect(f(cost, undefined)).toBeNull()
      expect(f(null, 1000)).toBeNull()
      expect(f(undefined, 1000)).toBeNull()
    }
    expect(roas(null, cost)).toBeNull()
    expect(roas(100, null)).toBeNull()
  })
  it('a free (gifted, zero-cost) collaboration costs 0 per impression', () => {
    expect(cpm(0, 45_000)).toBe(0)
  })
  it('stays exact-ish for huge numbers without overflowing to Infinity', () => {
    // $90 trillion over 1e15 impressions: 9007199254740991 / 1e15 × 1000 ≈ 9007.199
    expect(cpm(Number.MAX_SAFE_INTEGER, 1e15)).toBeCloseTo(9007.199254740991, 6)
  })
})

describe('EMV', () => {
  it('by impressions: impressions / 1000 × CPM, with the formula', () => {
    // 12,000 / 1000 × 800 cents = 12 × 800 = 9600 cents = $96.00
    expect(emvByImpressions(12_000, 800)).toEqual({
      method: 'impressions',
      valueMinor: 9600,
      formula: '12,000 impressions / 1000 × $8.00 CPM = $96.00',
    })
  })
  it('by impressions: rounds half up to the cent', () => {
    // 1,500 × 1 cent / 1000 = 1.5 -> 2 cents
    expect(emvByImpressions(1500, 1)?.valueMinor).toBe(2)
    // 1,499 × 1 / 1000 = 1.499 -> 1
    expect(emvByImpressions(1499, 1)?.valueMinor).toBe(1)
  })
  it('by impressions: uses the currency in the formula and is null without impressions', () => {
    expect(emvByImpressions(2000, 1250, 'EUR')?.formula).toBe('2,000 impressions / 1000 × €12.50 CPM = €25.00')
    expect(emvByImpressions(null, 800)).toBeNull()
    expect(emvByImpressions(undefined, 800)).toBeNull()
    expect(() => emvByImpressions(1000, -1)).toThrow(RangeError)
    expect(() => emvByImpressions(1000, 8.5)).toThrow(RangeError)
  })
  it('by actions: Σ count × value, in a fixed order, with the formula', () => {
    // likes 1,000 × 10 cents = 10000; comments 50 × 50 cents = 2500; total 12500 = $125.00
    expect(emvByActions({ comments: 50, likes: 1000 }, { likes: 10, comments: 50 })).toEqual({
      method: 'actions',
      valueMinor: 12500,
      formula: '1,000 likes × $0.10 + 50 comments × $0.50 = $125.00',
    })
  })
  it('by actions: fractional per-action values, rounded once at the end', () => {
    // views 12,345 × 0.5 cents = 6172.5; shares 3 × 0.5 cents = 1.5; total 6174 cents = $61.74
    const r = emvByActions({ views: 12_345, shares: 3 }, { views: 0.5, shares: 0.5 })
    expect(r?.valueMinor).toBe(6174)
    expect(r?.formula).toBe('12,345 views × $0.005 + 3 shares × $0.005 = $61.74')
  })
  it('by actions: skips actions without a count or without a value; null when nothing is left', () => {
    // saves has no value, likes has no count -> only comments: 10 × 25 = 250
    expect(emvByActions({ comments: 10, saves: 99 }, { likes: 10, comments: 25 })?.valueMinor).toBe(250)
    expect(emvByActions({ saves: 99 }, { likes: 10 })).toBeNull()
    expect(emvByActions({}, {})).toBeNull()
    expect(() => emvByActions({ likes: 1 }, { likes: -1 })).toThrow(RangeError)
  })
})

describe('formatMetric', () => {
  it('renders null and non-finite values as an em dash', () => {
    expect(formatMetric(null, 'count')).toBe('—')
    expect(formatMetric(undefined, 'percent')).toBe('—')
    expect(formatMetric(Number.NaN, 'ratio')).toBe('—')
    expect(formatMetric(null, 'money', 'USD')).toBe('—')
  })
  it('counts with grouping, rounded to whole numbers', () => {
    expect(formatMetric(12_000, 'count')).toBe('12,000')
    expect(formatMetric(12.6, 'count')).toBe('13')
  })
  it('percent from a fraction with two decimals', () => {
    expect(formatMetric(0.0523, 'percent')).toBe('5.23%')
    expect(formatMetric(0.06, 'percent')).toBe('6.00%')
    expect(formatMetric(0, 'percent')).toBe('0.00%')
  })
  it('money in minor units: cents from $1 up, extra digits below', () => {
    expect(formatMetric(4000, 'money', 'USD')).toBe('$40.00')
    // 4000.5 cents rounds half up -> 4001 = $40.01
    expect(formatMetric(4000.5, 'money', 'USD')).toBe('$40.01')
    expect(formatMetric(120, 'money', 'EUR')).toBe('€1.20')
    // 0.36 cents = $0.0036
    expect(formatMetric(0.36, 'money', 'USD')).toBe('$0.0036')
    expect(formatMetric(4.5, 'money', 'USD')).toBe('$0.045')
    expect(formatMetric(5, 'money', 'USD')).toBe('$0.05')
  })
  it('money needs a currency', () => {
    expect(() => formatMetric(100, 'money')).toThrow(TypeError)
  })
  it('ratios with two decimals and ×', () => {
    expect(formatMetric(3.25, 'ratio')).toBe('3.25×')
    expect(formatMetric(1234.5, 'ratio')).toBe('1,234.50×')
  })
})

describe('aggregateSnapshots', () => {
  const at = (iso: string) => new Date(iso)
  const snaps: MetricSnapshotLike[] = [
    // post A: cumulative counters grow; the latest (day 7) wins
    { postId: 'A', capturedAt: at('2026-03-01T00:00:00Z'), impressions: 1000, likes: 50, saves: 5 },
    { postId: 'A', capturedAt: at('2026-03-07T00:00:00Z'), impressions: 4000, likes: 180, saves: null },
    { postId: 'A', capturedAt: at('2026-03-03T00:00:00Z'), impressions: 2500, likes: 120, saves: 9 },
    // post B: one snapshot
    { postId: 'B', capturedAt: at('2026-03-05T00:00:00Z'), impressions: 6000, likes: 300, followers: 20_000 },
  ]
  it('takes the latest snapshot per post (not the last in the array) and sums across posts', () => {
    const agg = aggregateSnapshots(snaps)
    // impressions 4000 (A day 7) + 6000 (B) = 10000 — not 1000+4000+2500+6000
    expect(agg.impressions).toBe(10_000)
    // likes 180 + 300 = 480
    expect(agg.likes).toBe(480)
    expect(agg.posts).toBe(2)
    expect(agg.latestCapturedAt?.toISOString()).toBe('2026-03-07T00:00:00.000Z')
  })
  it('keeps missing counters missing and never borrows them from older snapshots', () => {
    const agg = aggregateSnapshots(snaps)
    // A's latest has saves = null (older ones had 5 and 9), B has none -> null
    expect(agg.saves).toBeNull()
    expect(agg.reach).toBeNull()
    // followers only from B
    expect(agg.followers).toBe(20_000)
  })
  it('on equal capturedAt the later array entry wins', () => {
    const t = at('2026-03-01T00:00:00Z')
    expect(
      aggregateSnapshots([
        { postId: 'A', capturedAt: t, views: 10 },
        { postId: 'A', capturedAt: t, views: 20 },
      ]).views,
    ).toBe(20)
  })
  it('is empty for no snapshots', () => {
    const agg = aggregateSnapshots([])
    expect(agg.posts).toBe(0)
    expect(agg.impressions).toBeNull()
    expect(agg.latestCapturedAt).toBeNull()
  })
  it('throws on an invalid date and on totals beyond the safe range', () => {
    expect(() => aggregateSnapshots([{ postId: 'A', capturedAt: new Date('nope'), likes: 1 }])).toThrow(RangeError)
    const t = at('2026-03-01T00:00:00Z')
    expect(() =>
      aggregateSnapshots([
        { postId: 'A', capturedAt: t, views: Number.MAX_SAFE_INTEGER },
        { postId: 'B', capturedAt: t, views: 1 },
      ]),
    ).toThrow(RangeError)
  })
})
