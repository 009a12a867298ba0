import { describe, expect, it } from 'vitest'
import { DEFAULT_TIER_THRESHOLDS, TIERS, growthRate, resolveTierThresholds, tierFor, tierRange } from '#app/domain/tiers.ts'

describe('tierFor (defaults)', () => {
  it('puts each boundary in the upper tier (lower bound inclusive)', () => {
    expect(tierFor(0)).toBe('emerging')
    expect(tierFor(999)).toBe('emerging')
    expect(tierFor(1_000)).toBe('nano')
    expect(tierFor(9_999)).toBe('nano')
    expect(tierFor(10_000)).toBe('micro')
    expect(tierFor(99_999)).toBe('micro')
    expect(tierFor(100_000)).toBe('mid')
    expect(tierFor(499_999)).toBe('mid')
    expect(tierFor(500_000)).toBe('macro')
    expect(tierFor(999_999)).toBe('macro')
    expect(tierFor(1_000_000)).toBe('mega')
    expect(tierFor(500_000_000)).toBe('mega')
  })
  it('is null for a missing count and throws on nonsense', () => {
    expect(tierFor(null)).toBeNull()
    expect(tierFor(undefined)).toBeNull()
    expect(() => tierFor(-1)).toThrow(RangeError)
    expect(() => tierFor(10.5)).toThrow(RangeError)
    expect(() => tierFor(Number.NaN)).toThrow(RangeError)
  })
  it('lists the tiers in order', () => {
    expect(TIERS).toEqual(['emerging', 'nano', 'micro', 'mid', 'macro', 'mega'])
  })
})

describe('configurable thresholds', () => {
  it('overrides some bounds and keeps the other defaults', () => {
    // a platform where micro starts at 5K
    expect(tierFor(5_000, { micro: 5_000 })).toBe('micro')
    expect(tierFor(4_999, { micro: 5_000 })).toBe('nano')
    expect(tierFor(100_000, { micro: 5_000 })).toBe('mid')
    expect(resolveTierThresholds({ micro: 5_000 })).toEqual({ ...DEFAULT_TIER_THRESHOLDS, micro: 5_000 })
  })
  it('refuses thresholds that do not strictly increase or are not positive integers', () => {
    expect(() => tierFor(1, { micro: 1_000 })).toThrow(RangeError) // micro == nano
    expect(() => tierFor(1, { mid: 5_000 })).toThrow(RangeError) // mid < micro
    expect(() => tierFor(1, { nano: 0 })).toThrow(RangeError)
    expect(() => tierFor(1, { nano: 1.5 })).toThrow(RangeError)
  })
  it('describes tier ranges', () => {
    expect(tierRange('emerging')).toBe('< 1K')
    expect(tierRange('micro')).toBe('10K–100K')
    expect(tierRange('macro')).toBe('500K–1M')
    expect(tierRange('mega')).toBe('1M+')
    expect(tierRange('nano', { micro: 7_500 })).toBe('1K–7.5K')
  })
})

describe('growthRate', () => {
  const now = new Date('2026-06-30T12:00:00Z')
  const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000)

  it('is (last − first) / first over the points in the window', () => {
    // 80 days ago 10,000; 10 days ago 12,500 -> (12500 − 10000) / 10000 = 0.25
    expect(growthRate([{ capturedAt: daysAgo(80), followers: 10_000 }, { capturedAt: daysAgo(10), followers: 12_500 }], 90, now)).toBe(0.25)
  })
  it('ignores points outside the window and in the future, and does not need sorted input', () => {
    const pts = [
      { capturedAt: daysAgo(5), followers: 15_000 }, // latest in window
      { capturedAt: daysAgo(200), followers: 1_000 }, // too old
      { capturedAt: daysAgo(60), followers: 12_000 }, // earliest in window
      { capturedAt: daysAgo(-3), followers: 99_000 }, // future
      { capturedAt: daysAgo(30), followers: 13_000 },
    ]
    // (15000 − 12000) / 12000 = 0.25
    expect(growthRate(pts, 90, now)).toBe(0.25)
  })
  it('includes both window edges', () => {
    // exactly 90 days ago and exactly now: (9000 − 10000) / 10000 = −0.1
    expect(growthRate([{ capturedAt: daysAgo(90), followers: 10_000 }, { capturedAt: now, followers: 9_000 }], 90, now)).toBeCloseTo(-0.1, 12)
  })
  it('uses the window length given', () => {
    const pts = [
      { capturedAt: daysAgo(40), followers: 1_000 },
      { capturedAt: daysAgo(20), followers: 2_000 },
      { capturedAt: daysAgo(1), followers: 3_000 },
    ]
    // 30-day window: 20 days ago -> 1 day ago: (3000 − 2000) / 2000 = 0.5
    expect(growthRate(pts, 30, now)).toBe(0.5)
    // 90-day window: (3000 − 1000) / 1000 = 2
    expect(growthRate(pts, 90, now)).toBe(2)
  })
  it('is null with fewer than two points in range, one capture time, or a zero start', () => {
    expect(growthRate([], 90, now)).toBeNull()
    expect(growthRate([{ capturedAt: daysAgo(10), followers: 100 }], 90, now)).toBeNull()
    expect(growthRate([{ capturedAt: daysAgo(100), followers: 100 }, { capturedAt: daysAgo(10), followers: 200 }], 90, now)).toBeNull()
    expect(growthRate([{ capturedAt: daysAgo(10), followers: 100 }, { capturedAt: daysAgo(10), followers: 200 }], 90, now)).toBeNull()
    expect(growthRate([{ capturedAt: daysAgo(20), followers: 0 }, { capturedAt: daysAgo(10), followers: 200 }], 90, now)).toBeNull()
  })
  it('throws on a bad window or now', () => {
    expect(() => growthRate([], 0, now)).toThrow(RangeError)
    expect(() => growthRate([], 90, new Date('x'))).toThrow(RangeError)
  })
})
