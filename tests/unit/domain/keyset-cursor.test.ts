import { describe, expect, it } from 'vitest'
import { decodeKeysetCursor, encodeKeysetCursor, isKeysetValue, keysetPage, KEYSET_CURSOR_MAX_LENGTH } from '#app/domain/keyset-cursor.ts'

const c = { list: 'review', v: ['2026-03-01', '2026-03-01 10:00:00.123456+00'], id: 'abc123', d: 'next' as const }
const types = ['date', 'timestamptz'] as const

describe('keyset cursor', () => {
  it('round-trips', () => {
    expect(decodeKeysetCursor(encodeKeysetCursor(c), 'review', types)).toEqual(c)
    expect(decodeKeysetCursor(encodeKeysetCursor({ ...c, v: ['infinity', '2026-03-01 10:00:00+05:30'], d: 'prev' }), 'review', types)).toEqual({ ...c, v: ['infinity', '2026-03-01 10:00:00+05:30'], d: 'prev' })
  })
  it('refuses what is not one of ours: null, so the list starts at page 1', () => {
    const bad = [
      null,
      '',
      'not base64 !',
      Buffer.from('{"a":1}').toString('base64url'),
      encodeKeysetCursor({ ...c, list: 'posts:all' }),
      encodeKeysetCursor({ ...c, v: ['2026-03-01'] }),
      encodeKeysetCursor({ ...c, v: ['2026-02-30', c.v[1]!] }),
      encodeKeysetCursor({ ...c, v: ['2026-03-01', 'yesterday'] }),
      encodeKeysetCursor({ ...c, v: ['2026-03-01', '2026-03-01 24:00:00+00'] }),
      encodeKeysetCursor({ ...c, id: "x' or 1=1" }),
      'a'.repeat(KEYSET_CURSOR_MAX_LENGTH + 1),
    ]
    for (const raw of bad) expect(decodeKeysetCursor(raw, 'review', types), String(raw)).toBeNull()
  })
  it('pages: the extra row says there is more; going back the rows are flipped', () => {
    const key = (n: number) => ({ v: [String(n)], id: `r${n}` })
    const first = keysetPage([1, 2, 3], 2, null, 'l', key)
    expect(first.rows).toEqual([1, 2])
    expect(first.prevCursor).toBeNull()
    expect(decodeKeysetCursor(first.nextCursor, 'l', ['bigint'])).toEqual({ list: 'l', v: ['2'], id: 'r2', d: 'next' })
    const last = keysetPage([3], 2, decodeKeysetCursor(first.nextCursor, 'l', ['bigint']), 'l', key)
    expect([last.rows, last.nextCursor]).toEqual([[3], null])
    const back = keysetPage([2, 1], 2, decodeKeysetCursor(last.prevCursor, 'l', ['bigint']), 'l', key)
    expect([back.rows, back.prevCursor, decodeKeysetCursor(back.nextCursor, 'l', ['bigint'])?.id]).toEqual([[1, 2], null, 'r2'])
  })
})

describe('isKeysetValue (values a tampered cursor may carry)', () => {
  it('refuses what PostgreSQL could not cast back', () => {
    expect(isKeysetValue('date', '0000-01-01')).toBe(false) // no year 0 in PostgreSQL
    expect(isKeysetValue('date', '2026-02-30')).toBe(false)
    expect(isKeysetValue('date', '2026-02-28')).toBe(true)
    expect(isKeysetValue('int', 'not a date')).toBe(false)
    expect(isKeysetValue('int', '2147483648')).toBe(false) // one past the 4-byte integer
    expect(isKeysetValue('int', '-2147483647')).toBe(true)
    expect(isKeysetValue('bigint', '1e309')).toBe(false)
    expect(isKeysetValue('timestamptz', '2026-01-01 12:00:00.123456+00')).toBe(true)
    expect(isKeysetValue('timestamptz', '2026-02-30 12:00:00+00')).toBe(false)
  })
})
