import { describe, expect, it } from 'vitest'
import { readCookie, readCookieValues } from '#app/utils/cookies.ts'

describe('readCookieValues: the Cookie header is untrusted text', () => {
  it('finds our cookie among malformed neighbours without throwing', () => {
    expect(readCookieValues('a=%; b=%E0%A4%A; gr_session=tok; c=100%', 'gr_session')).toEqual(['tok'])
  })
  it('skips a value of ours that does not decode or carries control characters', () => {
    expect(readCookieValues('gr_session=%; gr_session=%E0%A4%A; gr_session=%01x; gr_session=ok', 'gr_session')).toEqual(['ok'])
  })
  it('keeps duplicates in header order and decodes percent-encoding', () => {
    expect(readCookieValues('x=1; x=a%3Db; x="quoted"', 'x')).toEqual(['1', 'a=b', 'quoted'])
  })
  it('handles no spaces, empty names and parts without "="', () => {
    expect(readCookieValues('=v;;noequals; x=1;y=2', 'x')).toEqual(['1'])
    expect(readCookieValues(null, 'x')).toEqual([])
  })
  it('reads at most 16 KB of header', () => {
    expect(readCookieValues(`a=${'x'.repeat(20_000)}; x=1`, 'x')).toEqual([])
  })
  it('readCookie takes the first value that passes the check', () => {
    expect(readCookie('t=bad!; t=goodtoken', 't', (v) => /^[a-z]+$/.test(v))).toBe('goodtoken')
    expect(readCookie('t=bad!', 't', (v) => /^[a-z]+$/.test(v))).toBeNull()
  })
})
