import { describe, expect, it } from 'vitest'
import { contentDisposition, parseByteRange } from '#app/services/files/serve-file.server.ts'

describe('parseByteRange', () => {
  it('reads a start-end range, an open-ended range and a suffix range', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 })
    expect(parseByteRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 })
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 })
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 })
    expect(parseByteRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 })
  })

  it('sends the whole file for no header or one it does not serve', () => {
    expect(parseByteRange(null, 1000)).toBeNull()
    expect(parseByteRange('', 1000)).toBeNull()
    expect(parseByteRange('bytes=-', 1000)).toBeNull()
    expect(parseByteRange('bytes=0-1,5-9', 1000)).toBeNull()
    expect(parseByteRange('items=0-1', 1000)).toBeNull()
  })

  it('is unsatisfiable past the end, backwards, or with absurd numbers', () => {
    expect(parseByteRange('bytes=1000-', 1000)).toBe('unsatisfiable')
    expect(parseByteRange('bytes=50-10', 1000)).toBe('unsatisfiable')
    expect(parseByteRange('bytes=99999999999999999999-', 1000)).toBe('unsatisfiable')
    expect(parseByteRange('bytes=0-', 0)).toBe('unsatisfiable')
  })
})

describe('contentDisposition', () => {
  it('inline for images and video, attachment otherwise, with an ASCII and a UTF-8 name', () => {
    expect(contentDisposition({ mimeType: 'video/mp4', originalName: 'a.mp4' })).toBe(`inline; filename="a.mp4"; filename*=UTF-8''a.mp4`)
    expect(contentDisposition({ mimeType: 'application/pdf', originalName: 'Müller "x".pdf' })).toBe(
      `attachment; filename="M_ller _x_.pdf"; filename*=UTF-8''M%C3%BCller%20%22x%22.pdf`,
    )
  })
})
