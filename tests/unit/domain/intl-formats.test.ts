import { describe, expect, it } from 'vitest'
import { keptFormat } from '#app/domain/intl-formats.ts'
import { dayIn } from '#app/domain/rights.ts'

describe('keptFormat', () => {
  it('builds a formatter once per key and hands back the same one', () => {
    const cache = new Map<string, Intl.NumberFormat>()
    let built = 0
    const make = () => (built++, new Intl.NumberFormat('en-US'))
    const a = keptFormat(cache, 'x', make)
    expect(keptFormat(cache, 'x', make)).toBe(a)
    expect(keptFormat(cache, 'y', make)).not.toBe(a)
    expect(built).toBe(2)
  })

  it('a key Intl refuses throws every time and is not kept', () => {
    const cache = new Map<string, Intl.DateTimeFormat>()
    const make = () => new Intl.DateTimeFormat('en-US', { timeZone: 'Mars/Olympus' })
    expect(() => keptFormat(cache, 'Mars/Olympus', make)).toThrow(RangeError)
    expect(() => keptFormat(cache, 'Mars/Olympus', make)).toThrow(RangeError)
    expect(cache.size).toBe(0)
  })

  it('kept per time zone: the same instant is another day in Auckland and in Honolulu', () => {
    const at = new Date('2026-03-01T10:00:00Z')
    expect(dayIn('Pacific/Auckland', at)).toBe('2026-03-01')
    expect(dayIn('Pacific/Honolulu', at)).toBe('2026-03-01')
    const late = new Date('2026-03-01T12:30:00Z')
    expect(dayIn('Pacific/Auckland', late)).toBe('2026-03-02')
    expect(dayIn('Pacific/Honolulu', late)).toBe('2026-03-01')
    expect(() => dayIn('Mars/Olympus', late)).toThrow(RangeError)
  })
})
