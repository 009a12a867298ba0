/**
 * One parser for every date a person types (issue #14): 'YYYY-MM-DD' of a day that exists, in the years
 * 1900–9999. Days that do not exist are refused, never moved to another day (V8's Date.parse turns
 * 2026-02-30 into 2 March).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseIsoDayOrNull } from '#app/domain/dates.ts'
import { isoDay, optionalIsoDay } from '#app/validation/fields.ts'

export const IMPOSSIBLE_DAYS = [
  '2026-02-29', // 2026 is not a leap year
  '2026-02-30',
  '2026-02-31',
  '2026-04-31',
  '2026-06-31',
  '2026-09-31',
  '2026-11-31',
  '2026-13-01',
  '2026-00-10',
  '2026-01-00',
  '2026-01-32',
  '0000-01-01',
  '0000-00-00',
  '1899-12-31',
  '0999-06-01',
  '10000-01-01',
  '+02026-01-01',
  '2026-1-5',
  '2026-01-05x',
  '2026-01-05T00:00:00Z',
  '2026-01-05 ',
  ' 2026-01-05junk',
  '2026/01/05',
  '05-01-2026',
  '２０２６-01-05', // full-width digits
  '2026-01-05\u0000',
  '',
]

describe('parseIsoDayOrNull', () => {
  it.each([
    ['2026-02-28', '2026-02-28'],
    ['2028-02-29', '2028-02-29'], // leap year
    ['2000-02-29', '2000-02-29'], // divisible by 400
    ['1900-01-01', '1900-01-01'],
    ['9999-12-31', '9999-12-31'],
    ['2026-04-30', '2026-04-30'],
    ['2026-12-31', '2026-12-31'],
  ])('%s is a day', (s, day) => {
    expect(parseIsoDayOrNull(s)).toBe(day)
  })
  it.each(IMPOSSIBLE_DAYS)('%j is not a day', (s) => {
    expect(parseIsoDayOrNull(s)).toBeNull()
  })
  it('1900-02-29 does not exist (1900 is not a leap year)', () => {
    expect(parseIsoDayOrNull('1900-02-29')).toBeNull()
  })
  it('is null for anything that is not a string', () => {
    for (const v of [undefined, null, 20260105, new Date('2026-01-05'), ['2026-01-05']]) expect(parseIsoDayOrNull(v as unknown as string)).toBeNull()
  })
})

describe('isoDay() zod field', () => {
  const field = isoDay()
  it('keeps a real day as typed (trimmed)', () => {
    expect(field.parse('2026-03-01')).toBe('2026-03-01')
    expect(field.parse(' 2026-03-01 ')).toBe('2026-03-01')
  })
  it('names the day that does not exist, never moves it', () => {
    const r = field.safeParse('2026-02-30')
    expect(r.success).toBe(false)
    if (!r.success) expect(r.error.issues[0]!.message).toBe('There is no 30 February 2026: pick a day that exists.')
    const april = field.safeParse('2026-04-31')
    if (!april.success) expect(april.error.issues[0]!.message).toBe('There is no 31 April 2026: pick a day that exists.')
    expect(april.success).toBe(false)
  })
  it('refuses years outside 1900–9999 with a sentence', () => {
    for (const s of ['0000-01-01', '1899-12-31']) {
      const r = field.safeParse(s)
      expect(r.success, s).toBe(false)
      if (!r.success) expect(r.error.issues[0]!.message).toBe('Use a year between 1900 and 9999.')
    }
  })
  it('refuses shapes that are not YYYY-MM-DD', () => {
    for (const s of ['2026-13-01', '2026-01-05x', '2026/01/05', '05.01.2026', '2026-01-05T10:00']) {
      const r = field.safeParse(s)
      expect(r.success, s).toBe(false)
      if (!r.success) expect(r.error.issues[0]!.message, s).toMatch(/^(Use a date like 2026-12-31\.|There is no month 13)/)
    }
  })
  it('takes its own message for an empty required field', () => {
    const r = isoDay('Enter the date you posted.').safeParse('')
    expect(r.success).toBe(false)
    if (!r.success) expect(r.error.issues[0]!.message).toBe('Enter the date you posted.')
  })
  it('optionalIsoDay: empty is null, a real day is kept, an impossible one refused', () => {
    const f = optionalIsoDay()
    expect(f.parse('')).toBeNull()
    expect(f.parse(undefined)).toBeNull()
    expect(f.parse('2026-05-01')).toBe('2026-05-01')
    expect(f.safeParse('2026-02-31').success).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------------
// There is one parser: no other date parsing of typed input in validation or services.

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = path.join(dir, n)
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(n) ? [full] : []
  })
}

/** Lines that parse timestamps the app made itself (not typed days). */
const ALLOWED = [
  'app/routes/b+/$brand+/review._index.tsx: const hours = Math.max(0, Math.floor((Date.parse(nowIso) - Date.parse(fromIso)) / 3_600_000))',
  'app/services/connectors/connections.server.ts: const day = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`)',
]

describe('one date parser', () => {
  it('app/validation, app/services and app/routes parse typed days only through parseIsoDayOrNull / isoDay()', () => {
    const offenders: string[] = []
    for (const file of [...filesUnder('app/validation'), ...filesUnder('app/services'), ...filesUnder('app/routes')]) {
      const text = readFileSync(file, 'utf8')
      text.split('\n').forEach((line, i) => {
        if (/\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(line) || /Date\.parse\(/.test(line) || /z\.coerce\.date/.test(line) || /new Date\(`\$\{[^}]+\}T/.test(line)) {
          if (!ALLOWED.includes(`${file}: ${line.trim()}`)) offenders.push(`${file}:${i + 1}: ${line.trim()}`)
        }
      })
    }
    expect(offenders).toEqual([])
  })
})
