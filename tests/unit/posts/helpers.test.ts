import { describe, expect, it } from 'vitest'
import { parseCsv, parseCsvRecords, toCsvLine } from '#app/domain/csv.ts'
import { parseMoneyOrNull } from '#app/domain/money.ts'
import { parseCapturedAt, parseCount, parseMetricsCsv } from '#app/domain/metrics-csv.ts'
import { postUrlKey } from '#app/domain/post-url-key.ts'
import { addNullable, rollup, sumAll, EMPTY_TOTALS } from '#app/domain/report-rollup.ts'
import { buildUtmUrl, slugify } from '#app/domain/utm.ts'
import { captionsDiffer, wordDiff } from '#app/domain/word-diff.ts'

describe('csv', () => {
  it('reads quotes, escaped quotes, embedded newlines, CRLF, BOM and keeps line numbers', () => {
    const rows = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n"multi\nline",2\n')
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['multi\nline', '2'] },
    ])
  })
  it('refuses a stray quote and an unclosed quote with the line', () => {
    expect(() => parseCsv('a\nb"c\n')).toThrow('Line 2')
    expect(() => parseCsv('a\n"open\n')).toThrow('Line 2')
  })
  it('normalises headers', () => {
    expect(parseCsvRecords('Discount Code,Created at\nX,1').records[0]!.values).toEqual({ discount_code: 'X', created_at: '1' })
  })
  it('writes quoted cells and neutralises formulas', () => {
    expect(toCsvLine(['a,b', 'say "x"', 12, null, '=HYPERLINK("x")', '-5'])).toBe('"a,b","say ""x""",12,,"\'=HYPERLINK(""x"")",-5\r\n')
  })
})

describe('money from an export', () => {
  it('parses decimals exactly', () => {
    expect(parseMoneyOrNull('64.50', 'USD')).toBe(6450)
    expect(parseMoneyOrNull('1,120.00', 'USD')).toBe(112000)
    expect(parseMoneyOrNull('$12', 'USD')).toBe(1200)
    expect(parseMoneyOrNull('0.1', 'USD')).toBe(10)
    expect(parseMoneyOrNull('1500', 'JPY')).toBe(1500)
    expect(parseMoneyOrNull('€12', 'USD')).toBeNull()
    expect(parseMoneyOrNull('19.999', 'USD')).toBeNull()
    expect(parseMoneyOrNull('-5', 'USD')).toBeNull()
    expect(parseMoneyOrNull('twenty', 'USD')).toBeNull()
  })
})

describe('metrics csv', () => {
  it('counts and dates', () => {
    expect(parseCount('1,234')).toBe(1234)
    expect(parseCount('')).toBeNull()
    expect(parseCount('1.5')).toBe('invalid')
    expect(parseCount('12,34')).toBe('invalid')
    expect(parseCapturedAt('2026-02-30')).toBeNull()
    expect(parseCapturedAt('2026-03-12')!.toISOString()).toBe('2026-03-12T00:00:00.000Z')
  })
  it('refuses future rows', () => {
    const r = parseMetricsCsv('post_url,captured_at,views\nhttps://x.test/p/1,2030-01-01,5\n', new Date('2026-03-01'))
    expect(r.errors).toEqual([{ line: 2, reason: 'captured_at is in the future.' }])
  })
})

describe('post url key', () => {
  it('ignores scheme, www, query and trailing slash but not path case', () => {
    expect(postUrlKey('https://www.instagram.com/reel/AbC/?igsh=1')).toBe('instagram.com/reel/AbC')
    expect(postUrlKey('instagram.com/reel/AbC')).toBe('instagram.com/reel/AbC')
    expect(postUrlKey('instagram.com/reel/abc')).not.toBe(postUrlKey('instagram.com/reel/AbC'))
  })
})

describe('utm', () => {
  it('adds the four parameters, keeps others', () => {
    const u = new URL(buildUtmUrl('https://shop.test/p?color=red&utm_source=old', { platform: 'instagram', campaign: 'Marathon Season', creator: 'Maya Chén', deliverable: 'reel-1' }))
    expect(u.searchParams.get('color')).toBe('red')
    expect(u.searchParams.get('utm_source')).toBe('instagram')
    expect(u.searchParams.get('utm_medium')).toBe('influencer')
    expect(u.searchParams.get('utm_campaign')).toBe('marathon-season')
    expect(u.searchParams.get('utm_content')).toBe('maya-chen_reel-1')
    expect(slugify('!!!')).toBe('na')
  })
})

describe('word diff', () => {
  it('marks added and removed words', () => {
    expect(wordDiff('Love these shoes #ad', '#ad Love these shoes')).toEqual([
      { kind: 'added', text: '#ad ' },
      { kind: 'same', text: 'Love these shoes' },
      { kind: 'removed', text: '#ad' },
    ])
  })
  it('whitespace-only changes are not a difference', () => {
    expect(captionsDiffer('a  b\n', 'a b')).toBe(false)
    expect(captionsDiffer('a b', 'a c')).toBe(true)
  })
})


describe('report rollup', () => {
  it('sums exactly and keeps unreported metrics null', () => {
    expect(addNullable(null, null)).toBeNull()
    expect(addNullable(null, 5)).toBe(5)
    const a = { ...EMPTY_TOTALS, creator: 'A', costMinor: 100, posts: 1, views: 10 }
    const b = { ...EMPTY_TOTALS, creator: 'A', costMinor: 50, posts: 1, views: null, likes: 3 }
    const c = { ...EMPTY_TOTALS, creator: 'B', costMinor: 7 }
    const g = rollup([a, b, c], (r) => r.creator, (r) => ({ creator: r.creator }))
    expect(g.map((x) => [x.creator, x.costMinor, x.posts, x.views, x.likes, x.impressions, x.collaborations])).toEqual([
      ['A', 150, 2, 10, 3, null, 2],
      ['B', 7, 0, null, null, null, 1],
    ])
    expect(sumAll([a, b, c]).costMinor).toBe(157)
  })
})

describe('report sorting', () => {
  it('sorts numbers either way with missing values always last', async () => {
    const { sortRows } = await import('#app/domain/report-columns.ts')
    const rows = [{ k: 'a', v: 3 }, { k: 'b', v: null }, { k: 'c', v: 10 }, { k: 'd', v: 1 }]
    expect(sortRows(rows, 'v', 'desc').map((r) => r.k)).toEqual(['c', 'a', 'd', 'b'])
    expect(sortRows(rows, 'v', 'asc').map((r) => r.k)).toEqual(['d', 'a', 'c', 'b'])
    expect(sortRows(rows, 'k', 'asc').map((r) => r.k)).toEqual(['a', 'b', 'c', 'd'])
  })
})
