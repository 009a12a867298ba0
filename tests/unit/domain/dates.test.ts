import { describe, expect, it } from 'vitest'
import {
  addBusinessDays,
  addDays,
  agingBucket,
  businessDaysBetween,
  calendarDaysBetween,
  dueDateFromTerms,
  fromIsoDay,
  relativeDue,
  startOfUtcDay,
  toIsoDay,
} from '#app/domain/dates.ts'

// Calendar used below (March 2026): Fri 6, Sat 7, Sun 8, Mon 9, Tue 10, Fri 13, Fri 20.
const day = (iso: string) => fromIsoDay(iso)
const iso = (d: Date) => toIsoDay(d)

describe('ISO days', () => {
  it('parses and prints YYYY-MM-DD as UTC midnight', () => {
    expect(day('2026-03-10').toISOString()).toBe('2026-03-10T00:00:00.000Z')
    expect(iso(new Date('2026-03-10T23:59:59Z'))).toBe('2026-03-10')
  })
  it('refuses impossible or malformed dates', () => {
    expect(() => fromIsoDay('2026-02-30')).toThrow(RangeError)
    expect(() => fromIsoDay('2026-3-1')).toThrow(RangeError)
    expect(() => fromIsoDay('2026-03-10T00:00:00Z')).toThrow(RangeError)
    expect(() => toIsoDay(new Date('nope'))).toThrow(RangeError)
  })
  it('startOfUtcDay drops the time', () => {
    expect(startOfUtcDay(new Date('2026-03-10T17:45:00Z')).toISOString()).toBe('2026-03-10T00:00:00.000Z')
  })
})

describe('addDays', () => {
  it('adds and subtracts calendar days, keeping the time', () => {
    expect(addDays(new Date('2026-03-10T14:00:00Z'), 30).toISOString()).toBe('2026-04-09T14:00:00.000Z')
    expect(iso(addDays(day('2026-03-01'), -1))).toBe('2026-02-28')
    expect(iso(addDays(day('2028-02-28'), 1))).toBe('2028-02-29') // leap year
    expect(iso(addDays(day('2026-12-31'), 1))).toBe('2027-01-01')
  })
  it('refuses fractional days and invalid dates', () => {
    expect(() => addDays(day('2026-03-10'), 1.5)).toThrow(RangeError)
    expect(() => addDays(new Date('x'), 1)).toThrow(RangeError)
  })
})

describe('addBusinessDays', () => {
  it('skips weekends', () => {
    expect(iso(addBusinessDays(day('2026-03-06'), 1))).toBe('2026-03-09') // Fri + 1 = Mon
    expect(iso(addBusinessDays(day('2026-03-10'), 3))).toBe('2026-03-13') // Tue + 3 = Fri
    expect(iso(addBusinessDays(day('2026-03-10'), 4))).toBe('2026-03-16') // Tue + 4 = next Mon
    expect(iso(addBusinessDays(day('2026-03-07'), 1))).toBe('2026-03-09') // Sat + 1 = Mon
  })
  it('goes backwards for negative counts', () => {
    expect(iso(addBusinessDays(day('2026-03-09'), -1))).toBe('2026-03-06') // Mon − 1 = Fri
    expect(iso(addBusinessDays(day('2026-03-08'), -1))).toBe('2026-03-06') // Sun − 1 = Fri
  })
  it('whole weeks: 5 business days = 7 calendar days from a weekday; 10 from Fri = Fri two weeks on', () => {
    expect(iso(addBusinessDays(day('2026-03-10'), 5))).toBe('2026-03-17')
    expect(iso(addBusinessDays(day('2026-03-06'), 10))).toBe('2026-03-20')
    // 260 business days = 52 weeks = 364 calendar days
    expect(iso(addBusinessDays(day('2026-03-10'), 260))).toBe(iso(addDays(day('2026-03-10'), 364)))
    expect(iso(addBusinessDays(day('2026-03-10'), -260))).toBe(iso(addDays(day('2026-03-10'), -364)))
  })
  it('returns the same instant for 0, even on a weekend', () => {
    const sat = new Date('2026-03-07T09:30:00Z')
    expect(addBusinessDays(sat, 0).toISOString()).toBe(sat.toISOString())
  })
})

describe('businessDaysBetween', () => {
  it('counts weekdays after the start up to and including the end', () => {
    expect(businessDaysBetween(day('2026-03-06'), day('2026-03-09'))).toBe(1) // Fri -> Mon
    expect(businessDaysBetween(day('2026-03-09'), day('2026-03-16'))).toBe(5) // Mon -> Mon
    expect(businessDaysBetween(day('2026-03-10'), day('2026-03-10'))).toBe(0)
    expect(businessDaysBetween(day('2026-03-07'), day('2026-03-08'))).toBe(0) // Sat -> Sun
    expect(businessDaysBetween('2026-03-09', '2026-03-06')).toBe(-1) // backwards
  })
  it('counts from a weekend start: Sat -> Mon is 1 (the Monday), Fri -> Sat is 0', () => {
    expect(businessDaysBetween('2026-03-07', '2026-03-09')).toBe(1)
    expect(businessDaysBetween('2026-03-06', '2026-03-07')).toBe(0)
  })
  it('ignores the time of day', () => {
    expect(businessDaysBetween(new Date('2026-03-06T23:00:00Z'), new Date('2026-03-09T01:00:00Z'))).toBe(1)
  })
  it('is the inverse of addBusinessDays forwards from a weekend day', () => {
    for (const start of ['2026-03-07', '2026-03-08']) {
      for (const n of [0, 1, 2, 5, 6, 11]) expect(businessDaysBetween(day(start), addBusinessDays(day(start), n)), `${start} ${n}`).toBe(n)
    }
  })
  it('is the inverse of addBusinessDays from any weekday, across years and before 1970', () => {
    for (const start of ['2026-03-09', '2026-03-13', '2026-12-31', '1969-12-29']) {
      for (const n of [-23, -5, -1, 0, 1, 4, 5, 6, 19, 250]) {
        expect(businessDaysBetween(day(start), addBusinessDays(day(start), n)), `${start} ${n}`).toBe(n)
      }
    }
  })
})

describe('dueDateFromTerms', () => {
  it('Net N = N calendar days after the start day, at UTC midnight', () => {
    // verified Tue 2026-03-10 14:00 UTC, Net 30 -> Thu 2026-04-09
    expect(dueDateFromTerms(new Date('2026-03-10T14:00:00Z'), 30).toISOString()).toBe('2026-04-09T00:00:00.000Z')
    expect(iso(dueDateFromTerms(day('2026-12-20'), 15))).toBe('2027-01-04')
    expect(iso(dueDateFromTerms(new Date('2026-03-10T23:59:59Z'), 0))).toBe('2026-03-10')
  })
  it('refuses negative or fractional terms', () => {
    expect(() => dueDateFromTerms(day('2026-03-10'), -1)).toThrow(RangeError)
    expect(() => dueDateFromTerms(day('2026-03-10'), 7.5)).toThrow(RangeError)
  })
})

describe('relativeDue', () => {
  const now = new Date('2026-11-25T15:00:00Z')
  it.each([
    ['2026-11-25', 'due today', 'soon', 0],
    ['2026-11-26', 'due tomorrow', 'soon', 1],
    ['2026-11-27', 'due in 2 days', 'ok', 2],
    ['2026-11-28', 'due in 3 days', 'ok', 3],
    ['2026-11-24', '1 day late', 'late', -1],
    ['2026-11-23', '2 days late', 'late', -2],
    ['2026-10-26', '30 days late', 'late', -30],
  ] as const)('%s -> %s', (due, text, tone, days) => {
    expect(relativeDue(due, now)).toEqual({ text, tone, days })
  })
  it('counts UTC calendar days, not 24-hour periods', () => {
    // 00:01 the next UTC day is "tomorrow" even though it is only 9 hours away
    expect(relativeDue(new Date('2026-11-26T00:01:00Z'), now).text).toBe('due tomorrow')
    // 23:59 today is still "today"
    expect(relativeDue(new Date('2026-11-25T23:59:00Z'), now).text).toBe('due today')
    // one minute after midnight UTC, yesterday 23:59 is a day late
    expect(relativeDue(new Date('2026-11-25T23:59:00Z'), new Date('2026-11-26T00:00:30Z')).text).toBe('1 day late')
  })
  it('crosses the year boundary', () => {
    expect(relativeDue('2027-01-01', new Date('2026-12-31T22:00:00Z')).text).toBe('due tomorrow')
  })
  it('throws on invalid dates', () => {
    expect(() => relativeDue(new Date('x'), now)).toThrow(RangeError)
  })
})

describe('agingBucket', () => {
  const now = new Date('2026-06-30T10:00:00Z')
  it.each([
    ['2026-07-15', 'current'], // not due yet
    ['2026-06-30', 'current'], // due today is not late
    ['2026-06-29', '1-30'], // 1 day late
    ['2026-05-31', '1-30'], // 30 days late
    ['2026-05-30', '31-60'], // 31
    ['2026-05-01', '31-60'], // 60
    ['2026-04-30', '61-90'], // 61
    ['2026-04-01', '61-90'], // 90
    ['2026-03-31', '90+'], // 91
    ['2025-01-01', '90+'],
  ] as const)('due %s -> %s', (due, bucket) => {
    expect(agingBucket(due, now)).toBe(bucket)
  })
  it('agrees with calendarDaysBetween', () => {
    expect(calendarDaysBetween('2026-05-31', now)).toBe(30)
    expect(calendarDaysBetween('2026-03-31', now)).toBe(91)
  })
})
