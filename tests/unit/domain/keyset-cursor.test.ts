import { describe, expect, it } from 'vitest'
import { decodeKeysetCursor, encodeKeysetCursor, isKeysetValue, keysetPage, keysetPageOfSorted, KEYSET_CURSOR_MAX_LENGTH } from '#app/domain/keyset-cursor.ts'

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

describe('keysetPageOfSorted (a list sorted in memory: the report table, the rights ledger)', () => {
  const rows = ['a', 'b', 'c', 'd', 'e']
  const key = (r: string) => ({ v: [r.toUpperCase()], id: r })
  const dec = (c: string | null) => decodeKeysetCursor(c, 'l', ['text'])
  it('pages after and before the boundary row, with the offset of the first row', () => {
    const first = keysetPageOfSorted(rows, 2, null, 'l', key)
    expect([first.rows, first.offset, first.prevCursor]).toEqual([['a', 'b'], 0, null])
    const second = keysetPageOfSorted(rows, 2, dec(first.nextCursor), 'l', key)
    expect([second.rows, second.offset]).toEqual([['c', 'd'], 2])
    const last = keysetPageOfSorted(rows, 2, dec(second.nextCursor), 'l', key)
    expect([last.rows, last.offset, last.nextCursor]).toEqual([['e'], 4, null])
    const back = keysetPageOfSorted(rows, 2, dec(last.prevCursor), 'l', key)
    expect([back.rows, back.offset]).toEqual([['c', 'd'], 2])
    const front = keysetPageOfSorted(rows, 2, dec(back.prevCursor), 'l', key)
    expect([front.rows, front.prevCursor]).toEqual([['a', 'b'], null])
  })
  it('a boundary row that is gone, or nothing beyond it, is the first page', () => {
    for (const c of [{ list: 'l', v: ['Z'], id: 'z', d: 'next' as const }, { list: 'l', v: ['E'], id: 'e', d: 'next' as const }, { list: 'l', v: ['A'], id: 'a', d: 'prev' as const }]) {
      expect(keysetPageOfSorted(rows, 2, c, 'l', key).rows).toEqual(['a', 'b'])
    }
    // Going back from the second row (the list changed under the cursor): the first page, full, not one row.
    const back = keysetPageOfSorted(rows, 2, { list: 'l', v: ['B'], id: 'b', d: 'prev' }, 'l', key)
    expect([back.rows, back.prevCursor, dec(back.nextCursor)?.id]).toEqual([['a', 'b'], null, 'b'])
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
