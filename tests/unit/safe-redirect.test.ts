import { describe, expect, it } from 'vitest'
import { safeRedirect } from '#app/utils/safe-redirect.ts'

const NASTY = [
  '//evil.example',
  '//evil.example/path',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  ' //evil.example',
  '\t//evil.example',
  '/%2F/evil.example',
  '/%2f%2fevil.example',
  '%2F%2Fevil.example',
  '/%5Cevil.example',
  '/%5cevil.example',
  '/%09/evil.example',
  '/%0a/evil.example',
  '/%252F/evil.example',
  '/%25252F%25252Fevil.example',
  'https://evil.example',
  'http:evil.example',
  'HTTPS://evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  ' javascript:alert(1)',
  '/javascript:alert(1)'.slice(1),
  'data:text/html,<script>alert(1)</script>',
  'evil.example',
  '@evil.example',
  '/\u0000/evil.example',
  '/%00',
  '/\u2028//evil.example',
  '/%E0%A4%A',
  '',
  '/'.repeat(3000),
]

describe('safeRedirect accepts only a same-origin path', () => {
  for (const bad of NASTY) {
    it(`refuses ${JSON.stringify(bad.slice(0, 60))}`, () => {
      expect(safeRedirect(bad)).toBe('/')
      expect(safeRedirect(bad, '/home')).toBe('/home')
    })
  }
  it('keeps a same-origin path with its query and hash', () => {
    expect(safeRedirect('/b/acme/offers?status=sent#top')).toBe('/b/acme/offers?status=sent#top')
    expect(safeRedirect('/invite/abc_DEF-123')).toBe('/invite/abc_DEF-123')
    expect(safeRedirect('/c/x/deliverables/y?next=%2Fz')).toBe('/c/x/deliverables/y?next=%2Fz')
  })
  it('normalises dot segments but stays on the origin', () => {
    expect(safeRedirect('/b/../c/x')).toBe('/c/x')
    expect(safeRedirect('/..//evil.example')).toBe('/')
  })
  it('refuses what is not a string', () => {
    expect(safeRedirect(undefined)).toBe('/')
    expect(safeRedirect(null)).toBe('/')
    expect(safeRedirect(['/a'] as unknown as string)).toBe('/')
  })
})
