import { describe, expect, it } from 'vitest'
import { csvCell, toCsvLine } from '#app/domain/csv.ts'

describe('csvCell neutralises spreadsheet formulas in any column', () => {
  for (const [input, out] of [
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['@cmd', "'@cmd"],
    ['-cmd', "'-cmd"],
    ['-1+1', "'-1+1"], // starts like a number but is a formula
    ['-2-3', "'-2-3"],
    ['-1e3', "'-1e3"],
    ['\t=1', '"\'\t=1"'.replace(/"/g, '')], // tab: prefixed, not quoted (no comma, quote or newline)
    ['\r=1', '"\'\r=1"'], // CR: prefixed and quoted
    ['=HYPERLINK("http://evil.example")', '"\'=HYPERLINK(""http://evil.example"")"'],
    ['Maya', 'Maya'],
    ['', ''],
  ] as const) {
    it(`${JSON.stringify(input)} -> ${JSON.stringify(out)}`, () => expect(csvCell(input)).toBe(out))
  }
  it('keeps plain numbers usable, negative ones included (number or decimal string)', () => {
    expect(csvCell(-12.5)).toBe('-12.5')
    expect(csvCell('-12.50')).toBe('-12.50')
    expect(csvCell('-0.0001')).toBe('-0.0001')
    expect(csvCell('-7')).toBe('-7')
    expect(csvCell(1234)).toBe('1234')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(Number.NaN)).toBe('')
  })
  it('toCsvLine is csvCell per value', () => {
    expect(toCsvLine(['=x', -3, '-1+1', 'a,b'])).toBe("'=x,-3,'-1+1,\"a,b\"\r\n")
  })
})
