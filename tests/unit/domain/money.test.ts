import { describe, expect, it } from 'vitest'
import {
  MAX_MAJOR_UNITS,
  allocate,
  currencyExponent,
  formatMoney,
  parseMoney,
  splitByBasisPoints,
  sumMinor,
  toDecimalString,
} from '#app/domain/money.ts'

describe('currencyExponent', () => {
  it('is 2 for USD/EUR/GBP/CAD/AUD and 0 for JPY', () => {
    for (const c of ['USD', 'EUR', 'GBP', 'CAD', 'AUD']) expect(currencyExponent(c)).toBe(2)
    expect(currencyExponent('JPY')).toBe(0)
  })
  it('is case-insensitive, asks Intl for other codes (KWD = 3) and refuses malformed codes', () => {
    expect(currencyExponent('jpy')).toBe(0)
    expect(currencyExponent('KWD')).toBe(3)
    expect(() => currencyExponent('US')).toThrow(RangeError)
    expect(() => currencyExponent('US$')).toThrow(RangeError)
  })
})

describe('formatMoney', () => {
  it('formats the examples from the brief', () => {
    // 180000 cents = 1800 dollars 00 cents
    expect(formatMoney(180000, 'USD')).toBe('$1,800.00')
    // 1250 cents = 12 euros 50 cents
    expect(formatMoney(1250, 'EUR')).toBe('€12.50')
    // -300 cents = minus 3 dollars
    expect(formatMoney(-300, 'USD')).toBe('-$3.00')
  })
  it('handles zero, single cents and negative amounts below one major unit', () => {
    expect(formatMoney(0, 'USD')).toBe('$0.00')
    expect(formatMoney(5, 'USD')).toBe('$0.05')
    expect(formatMoney(-5, 'USD')).toBe('-$0.05') // must not lose the sign because the major part is 0
    expect(formatMoney(-0, 'USD')).toBe('$0.00')
  })
  it('is exact at Number.MAX_SAFE_INTEGER minor units (no float artefacts)', () => {
    // 9007199254740991 cents = 90,071,992,547,409 dollars and 91 cents; as a float /100 this would be ...409.9
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD')).toBe('$90,071,992,547,409.91')
    expect(formatMoney(-Number.MAX_SAFE_INTEGER, 'USD')).toBe('-$90,071,992,547,409.91')
  })
  it('accepts bigint beyond the safe range', () => {
    // 12345678901234567890 cents = 123,456,789,012,345,678 dollars 90 cents
    expect(formatMoney(12345678901234567890n, 'USD')).toBe('$123,456,789,012,345,678.90')
    expect(formatMoney(-1n, 'USD')).toBe('-$0.01')
  })
  it('other locales place the symbol and separators their way, still exact', () => {
    // 123,456,789.05 euros in German: "." groups, "," before the cents, the symbol after a no-break space.
    expect(formatMoney(12345678905, 'EUR', { locale: 'de-DE' })).toBe('123.456.789,05\u00a0€')
    expect(formatMoney(-12345678905, 'EUR', { locale: 'de-DE' })).toBe('-123.456.789,05\u00a0€')
  })
  it('refuses non-integer and unsafe numbers (they would already be inexact)', () => {
    expect(() => formatMoney(1.5, 'USD')).toThrow(RangeError)
    expect(() => formatMoney(Number.MAX_SAFE_INTEGER + 1, 'USD')).toThrow(RangeError)
    expect(() => formatMoney(Number.NaN, 'USD')).toThrow(RangeError)
  })
  it('uses the currency exponent: JPY has no minor unit', () => {
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500')
    expect(formatMoney(-1500, 'JPY')).toBe('-¥1,500')
    expect(formatMoney(0, 'jpy')).toBe('¥0')
  })
  it('shows the symbols of GBP, CAD and AUD in en-US', () => {
    expect(formatMoney(123456, 'GBP')).toBe('£1,234.56')
    expect(formatMoney(123456, 'CAD')).toBe('CA$1,234.56')
    expect(formatMoney(123456, 'AUD')).toBe('A$1,234.56')
  })
  it('follows the locale for grouping, decimal mark and symbol position', () => {
    // de-DE: "." groups, "," decimal, symbol after a no-break space
    expect(formatMoney(123456789, 'EUR', { locale: 'de-DE' })).toBe('1.234.567,89\u00a0€')
    expect(formatMoney(-5, 'EUR', { locale: 'de-DE' })).toBe('-0,05\u00a0€')
  })
  it('falls back to "CODE 1,234.56" for a well-formed code Intl has no symbol for', () => {
    expect(formatMoney(123456, 'ZZZ')).toMatch(/^ZZZ\s1,234\.56$/)
  })
})

describe('toDecimalString', () => {
  it('gives plain decimal text for form fields', () => {
    expect(toDecimalString(180050, 'USD')).toBe('1800.50')
    expect(toDecimalString(-5, 'USD')).toBe('-0.05')
    expect(toDecimalString(1500, 'JPY')).toBe('1500')
    expect(toDecimalString(Number.MAX_SAFE_INTEGER, 'USD')).toBe('90071992547409.91')
  })
})

describe('parseMoney', () => {
  it('accepts the forms from the brief', () => {
    expect(parseMoney('1800', 'USD')).toEqual({ ok: true, minor: 180000 })
    // "1,800.5" = 1800 dollars 50 cents
    expect(parseMoney('1,800.5', 'USD')).toEqual({ ok: true, minor: 180050 })
    expect(parseMoney('$1,800.50', 'USD')).toEqual({ ok: true, minor: 180050 })
    expect(parseMoney(' 1800.00 ', 'USD')).toEqual({ ok: true, minor: 180000 })
  })
  it('accepts the currency code before or after, the symbol after, and leading-dot decimals', () => {
    expect(parseMoney('USD 1,800', 'USD')).toEqual({ ok: true, minor: 180000 })
    expect(parseMoney('1800 usd', 'USD')).toEqual({ ok: true, minor: 180000 })
    expect(parseMoney('12.50 €', 'EUR')).toEqual({ ok: true, minor: 1250 })
    expect(parseMoney('£0.99', 'GBP')).toEqual({ ok: true, minor: 99 })
    expect(parseMoney('.5', 'USD')).toEqual({ ok: true, minor: 50 })
    expect(parseMoney('7.', 'USD')).toEqual({ ok: true, minor: 700 })
    expect(parseMoney('007', 'USD')).toEqual({ ok: true, minor: 700 })
    expect(parseMoney('0', 'USD')).toEqual({ ok: true, minor: 0 })
  })
  it('accepts "CA$" and "A$" for their currencies', () => {
    expect(parseMoney('CA$25', 'CAD')).toEqual({ ok: true, minor: 2500 })
    expect(parseMoney('A$25', 'AUD')).toEqual({ ok: true, minor: 2500 })
  })
  it('refuses another currency’s symbol or code', () => {
    const euroForDollars = parseMoney('€5', 'USD')
    expect(euroForDollars.ok).toBe(false)
    if (!euroForDollars.ok) expect(euroForDollars.error).toMatch(/USD/)
    expect(parseMoney('CA$5', 'USD').ok).toBe(false)
    expect(parseMoney('EUR 5', 'USD').ok).toBe(false)
    expect(parseMoney('5 GBP', 'USD').ok).toBe(false)
  })
  it('rejects negatives unless allowNegative', () => {
    const r = parseMoney('-3.00', 'USD')
    expect(r).toEqual({ ok: false, error: 'The amount can’t be negative.' })
    expect(parseMoney('-3.00', 'USD', { allowNegative: true })).toEqual({ ok: true, minor: -300 })
    expect(parseMoney('-$3.00', 'USD', { allowNegative: true })).toEqual({ ok: true, minor: -300 })
    expect(parseMoney('$-3.00', 'USD', { allowNegative: true })).toEqual({ ok: true, minor: -300 })
    expect(parseMoney('\u22123', 'USD', { allowNegative: true })).toEqual({ ok: true, minor: -300 }) // Unicode minus
    expect(parseMoney('--3', 'USD', { allowNegative: true }).ok).toBe(false)
  })
  it('turns "-0" into 0, never -0', () => {
    const r = parseMoney('-0', 'USD')
    expect(r.ok).toBe(true)
    if (r.ok) expect(Object.is(r.minor, 0)).toBe(true)
  })
  it('rejects more decimals than the currency has', () => {
    expect(parseMoney('1.005', 'USD')).toEqual({ ok: false, error: 'Use at most 2 decimal places.' })
    expect(parseMoney('1500.5', 'JPY')).toEqual({ ok: false, error: 'JPY amounts have no decimal places.' })
    expect(parseMoney('1500', 'JPY')).toEqual({ ok: true, minor: 1500 })
  })
  it('rejects exponents, NaN, Infinity, words and empty input', () => {
    for (const bad of ['1e5', '1E5', 'NaN', 'Infinity', 'abc', '0x10', '+5', '1.2.3', '.', '$']) {
      expect(parseMoney(bad, 'USD').ok, bad).toBe(false)
    }
    expect(parseMoney('', 'USD')).toEqual({ ok: false, error: 'Enter an amount.' })
    expect(parseMoney('   ', 'USD')).toEqual({ ok: false, error: 'Enter an amount.' })
  })
  it('rejects misplaced thousands separators', () => {
    for (const bad of ['1,80', '1,8000', ',100', '1,,000', '1 800']) expect(parseMoney(bad, 'USD').ok, bad).toBe(false)
  })
  it('accepts exactly 1e12 major units and rejects more', () => {
    // 1,000,000,000,000 dollars = 100,000,000,000,000 cents (still a safe integer)
    expect(parseMoney('1,000,000,000,000', 'USD')).toEqual({ ok: true, minor: MAX_MAJOR_UNITS * 100 })
    expect(parseMoney('1000000000000.01', 'USD').ok).toBe(false)
    expect(parseMoney('99999999999999999999999', 'USD').ok).toBe(false)
  })
  it('gives a plain-English example in the error', () => {
    expect(parseMoney('1e5', 'USD')).toEqual({ ok: false, error: 'Enter an amount like 1,800.00.' })
    expect(parseMoney('1e5', 'JPY')).toEqual({ ok: false, error: 'Enter an amount like 1,800.' })
  })
  it('round-trips through toDecimalString', () => {
    for (const minor of [0, 1, 99, 100, 180050, 123456789]) {
      expect(parseMoney(toDecimalString(minor, 'USD'), 'USD')).toEqual({ ok: true, minor })
    }
  })
})

describe('splitByBasisPoints', () => {
  it('splits 15% commission of $1,800.00', () => {
    // 180000 × 1500 / 10000 = 27000 exactly -> part $270.00, rest 153000
    expect(splitByBasisPoints(180000, 1500)).toEqual({ part: 27000, rest: 153000 })
  })
  it('rounds the part half up', () => {
    // 333 × 1500 / 10000 = 49.95 -> 50; rest 283
    expect(splitByBasisPoints(333, 1500)).toEqual({ part: 50, rest: 283 })
    // 10 × 1500 / 10000 = 1.5 -> 2 (the half goes up); rest 8
    expect(splitByBasisPoints(10, 1500)).toEqual({ part: 2, rest: 8 })
    // 3 × 1500 / 10000 = 0.45 -> 0; rest 3
    expect(splitByBasisPoints(3, 1500)).toEqual({ part: 0, rest: 3 })
    // 1 × 5000 / 10000 = 0.5 -> 1
    expect(splitByBasisPoints(1, 5000)).toEqual({ part: 1, rest: 0 })
  })
  it('rounds halves away from zero for negative totals (mirror image)', () => {
    // -10 × 15% = -1.5 -> -2; rest -8
    expect(splitByBasisPoints(-10, 1500)).toEqual({ part: -2, rest: -8 })
    const r = splitByBasisPoints(-3, 1500)
    expect(Object.is(r.part, 0)).toBe(true) // not -0
  })
  it('handles 0 and 10000 bps and a zero total', () => {
    expect(splitByBasisPoints(12345, 0)).toEqual({ part: 0, rest: 12345 })
    expect(splitByBasisPoints(12345, 10000)).toEqual({ part: 12345, rest: 0 })
    expect(splitByBasisPoints(0, 1500)).toEqual({ part: 0, rest: 0 })
  })
  it('is exact at MAX_SAFE_INTEGER (total × bps overflows a double)', () => {
    // 9007199254740991 × 1500 / 10000 = 1351079888211148.65 -> 1351079888211149
    const { part, rest } = splitByBasisPoints(Number.MAX_SAFE_INTEGER, 1500)
    expect(part).toBe(1351079888211149)
    expect(part + rest).toBe(Number.MAX_SAFE_INTEGER)
  })
  it('always sums to the total', () => {
    for (let total = 0; total < 500; total += 7) {
      for (const bps of [1, 333, 1250, 1500, 2000, 4999, 5000, 9999]) {
        const { part, rest } = splitByBasisPoints(total, bps)
        expect(part + rest).toBe(total)
      }
    }
  })
  it('refuses bad input', () => {
    expect(() => splitByBasisPoints(1.5, 1500)).toThrow(RangeError)
    expect(() => splitByBasisPoints(100, 12.5)).toThrow(RangeError)
    expect(() => splitByBasisPoints(100, -1)).toThrow(RangeError)
    expect(() => splitByBasisPoints(100, 10001)).toThrow(RangeError)
    expect(() => splitByBasisPoints(Number.MAX_SAFE_INTEGER + 1, 1)).toThrow(RangeError)
  })
})

describe('allocate', () => {
  it('splits $100.00 three ways: 3333.33… each, the extra cent to the first', () => {
    // 10000 / 3 = 3333 r 1 each; one cent left -> all remainders tie -> index 0
    expect(allocate(10000, [1, 1, 1])).toEqual([3334, 3333, 3333])
  })
  it('gives the leftover to the largest remainders', () => {
    // total 100, weights 1:2:3 (W=6): 16.67, 33.33, 50 -> floors 16, 33, 50 = 99; 1 left;
    // remainders 4/6, 2/6, 0 -> index 0 gets it
    expect(allocate(100, [1, 2, 3])).toEqual([17, 33, 50])
    // total 7, weights 3:3:1 (W=7) = exactly 3, 3, 1
    expect(allocate(7, [3, 3, 1])).toEqual([3, 3, 1])
    // total 10, weights 0.2:0.3:0.5 (exact binary values) -> 2, 3, 5
    expect(allocate(10, [0.2, 0.3, 0.5])).toEqual([2, 3, 5])
  })
  it('breaks ties towards the earlier index', () => {
    // total 2 over four equal weights: 0.5 each, remainders all tie -> indices 0 and 1
    expect(allocate(2, [1, 1, 1, 1])).toEqual([1, 1, 0, 0])
    // total 1 over [1, 1] -> index 0
    expect(allocate(1, [5, 5])).toEqual([1, 0])
  })
  it('never gives anything to a zero weight', () => {
    expect(allocate(5, [0, 1, 0, 1])).toEqual([0, 3, 0, 2])
  })
  it('allocates negative totals as the mirror image', () => {
    expect(allocate(-10000, [1, 1, 1])).toEqual([-3334, -3333, -3333])
    expect(allocate(0, [1, 2])).toEqual([0, 0])
  })
  it('is exact for huge totals', () => {
    // MAX_SAFE_INTEGER = 9007199254740991 is odd: halves are 4503599627370495.5 -> [..496, ..495]
    expect(allocate(Number.MAX_SAFE_INTEGER, [1, 1])).toEqual([4503599627370496, 4503599627370495])
  })
  it('always sums exactly to the total', () => {
    const weights = [7, 13, 0.1, 29, 1e-9, 3]
    for (const total of [0, 1, 2, 99, 1000, 123457, 987654321]) {
      expect(allocate(total, weights).reduce((a, b) => a + b, 0)).toBe(total)
    }
  })
  it('throws on bad input', () => {
    expect(() => allocate(100, [])).toThrow(RangeError)
    expect(() => allocate(100, [0, 0])).toThrow(RangeError)
    expect(() => allocate(100, [1, -1])).toThrow(RangeError)
    expect(() => allocate(100, [1, Number.NaN])).toThrow(RangeError)
    expect(() => allocate(100, [1, Number.POSITIVE_INFINITY])).toThrow(RangeError)
    expect(() => allocate(10.5, [1])).toThrow(RangeError)
  })
})

describe('sumMinor', () => {
  it('adds integer minor units', () => {
    expect(sumMinor([])).toBe(0)
    expect(sumMinor([180000, 2500, -300])).toBe(182200)
  })
  it('throws on non-integers and on leaving the safe range', () => {
    expect(() => sumMinor([1, 0.5])).toThrow(RangeError)
    expect(() => sumMinor([Number.NaN])).toThrow(RangeError)
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError)
    expect(sumMinor([Number.MAX_SAFE_INTEGER, -1, 1])).toBe(Number.MAX_SAFE_INTEGER)
  })
})
