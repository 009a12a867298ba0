import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor, feeVerdict, followerSanityFlags, formatGrowth, isRising, median, deliverablesBought } from '#app/domain/roster.ts'

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000)

describe('cursor', () => {
  it('round-trips the sort value, id and direction', () => {
    const c = { v: '2026-11-01 12:00:00+00', id: 'abc123', d: 'prev' as const }
    expect(decodeCursor(encodeCursor(c))).toEqual(c)
    expect(decodeCursor(encodeCursor({ v: 'Zoë, "quoted"', id: 'x', d: 'next' }))).toEqual({ v: 'Zoë, "quoted"', id: 'x', d: 'next' })
  })
  it('treats a tampered or foreign cursor as no cursor', () => {
    expect(decodeCursor('not-base64!')).toBeNull()
    expect(decodeCursor(Buffer.from('{"v":1}').toString('base64url'))).toBeNull()
    expect(decodeCursor(Buffer.from('["a","",0]').toString('base64url'))).toBeNull()
    expect(decodeCursor(Buffer.from('["a","id",2]').toString('base64url'))).toBeNull()
    expect(decodeCursor(null)).toBeNull()
  })
})

describe('rising', () => {
  it('needs more growth from smaller accounts', () => {
    expect(isRising(13_000, 2000)).toBe(true) // micro needs +20%
    expect(isRising(13_000, 1999)).toBe(false)
    expect(isRising(5_000, 2500)).toBe(false) // nano needs +30%
    expect(isRising(5_000, 3000)).toBe(true)
    expect(isRising(700_000, 1000)).toBe(true) // macro needs +10%
    expect(isRising(2_000_000, 800)).toBe(true) // mega needs +8%
    expect(isRising(2_000_000, null)).toBe(false)
  })
  it('formats basis points as a signed percentage', () => {
    expect(formatGrowth(3000)).toBe('+30.0%')
    expect(formatGrowth(-526)).toBe('−5.3%')
    expect(formatGrowth(0)).toBe('0.0%')
    expect(formatGrowth(null)).toBe('—')
  })
})

describe('fee guidance', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull()
    expect(median([5])).toBe(5)
    expect(median([200_000, 100_000, 150_000])).toBe(150_000)
    expect(median([100, 150, 90, 400])).toBe(125)
  })
  it('warns only when far outside a real history', () => {
    expect(feeVerdict(300_001, 150_000, 3)).toBe('far_above')
    expect(feeVerdict(300_000, 150_000, 3)).toBe('within')
    expect(feeVerdict(75_000, 150_000, 3)).toBe('within')
    expect(feeVerdict(74_999, 150_000, 3)).toBe('far_below')
    expect(feeVerdict(900_000, 150_000, 1)).toBe('no_history')
    expect(feeVerdict(900_000, null, 0)).toBe('no_history')
  })
})

describe('follower sanity flags', () => {
  const snaps = [
    { capturedAt: day(0), followers: 10_000 },
    { capturedAt: day(30), followers: 10_500 },
    { capturedAt: day(40), followers: 16_000 }, // +52% in 10 days
  ]
  it('flags a jump whose posts did not engage more', () => {
    const posts = [
      { at: day(5), engagements: 400 },
      { at: day(20), engagements: 420 },
      { at: day(45), engagements: 410 }, // before avg 410; expected ≥ 410 × (1 + 0.2619) = 517
    ]
    const flags = followerSanityFlags(snaps, posts)
    expect(flags).toHaveLength(1)
    expect(flags[0]!.kind).toBe('jump_flat_engagement')
    expect(flags[0]!.changeBp).toBe(5238) // (16000 − 10500) / 10500
    expect(flags[0]!.message).toContain('10,500 → 16,000 followers in 10 days')
  })
  it('does not flag a jump that engagement followed', () => {
    const posts = [
      { at: day(5), engagements: 400 },
      { at: day(45), engagements: 600 },
    ]
    expect(followerSanityFlags(snaps, posts)).toEqual([])
  })
  it('says when a jump cannot be checked, and flags sudden drops; slow growth is fine', () => {
    expect(followerSanityFlags(snaps, []).map((f) => f.kind)).toEqual(['jump_unverified'])
    const drop = followerSanityFlags([{ capturedAt: day(0), followers: 50_000 }, { capturedAt: day(7), followers: 39_000 }], [])
    expect(drop.map((f) => f.kind)).toEqual(['sudden_drop'])
    // +60% but over 90 days: not sudden
    expect(followerSanityFlags([{ capturedAt: day(0), followers: 10_000 }, { capturedAt: day(90), followers: 16_000 }], [])).toEqual([])
    // +40% but only +400 followers: too small to matter
    expect(followerSanityFlags([{ capturedAt: day(0), followers: 1_000 }, { capturedAt: day(10), followers: 1_400 }], [])).toEqual([])
  })
})

describe('fee guidance compares like with like (issue #21)', () => {
  it('counts every deliverable line the fee buys, so $2,500 for two posts is $1,250 a post against a $1,200 median', () => {
    const lines = [
      { format: 'reel', quantity: 1 },
      { format: 'story', quantity: 1 },
      { format: '', quantity: 3 }, // an empty row of the form buys nothing
    ]
    const n = deliverablesBought(lines)
    expect(n).toBe(2)
    expect(feeVerdict(250_000 / n, 120_000, 5)).not.toBe('far_above')
    // The old comparison (the whole fee against the per-deliverable median) called it far above.
    expect(feeVerdict(250_000, 120_000, 5)).toBe('far_above')
    expect(deliverablesBought([{ format: 'reel', quantity: 3 }, { format: 'tiktok_video', quantity: null }])).toBe(4)
  })
})

describe('the fee guidance query', () => {
  it('sums the quantities of every deliverable line of the offer form', async () => {
    const { parseFeeGuidanceQuery } = await import('#app/validation/roster.ts')
    const url = new URL('http://x.test/offers?d0_format=reel&d0_quantity=1&d1_format=story&d1_quantity=2&d2_format=&d2_quantity=5&fee=2500')
    expect(parseFeeGuidanceQuery(url)).toMatchObject({ d0_format: 'reel', deliverables: 3 })
    expect(parseFeeGuidanceQuery(new URL('http://x.test/offers?d0_format=reel&d0_quantity=999'))).toMatchObject({ deliverables: 1 })
  })
})
