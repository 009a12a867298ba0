import { describe, expect, it } from 'vitest'
import { expectedPlatformMatches, parsePostUrl, type PostUrlKind } from '#app/domain/post-url.ts'
import type { Platform } from '#app/domain/catalog.ts'

type Row = [input: string, platform: Platform, kind: PostUrlKind, normalized: string, externalId: string]

const YT = 'dQw4w9WgXcQ' // 11 characters

const accepted: Row[] = [
  // Instagram
  ['https://www.instagram.com/p/CxYz123AbC/', 'instagram', 'post', 'https://www.instagram.com/p/CxYz123AbC/', 'CxYz123AbC'],
  ['https://instagram.com/p/CxYz123AbC', 'instagram', 'post', 'https://www.instagram.com/p/CxYz123AbC/', 'CxYz123AbC'],
  ['instagram.com/p/CxYz123AbC/?igsh=abc123&utm_source=ig_web', 'instagram', 'post', 'https://www.instagram.com/p/CxYz123AbC/', 'CxYz123AbC'],
  ['http://m.instagram.com/p/CxYz123AbC/#comments', 'instagram', 'post', 'https://www.instagram.com/p/CxYz123AbC/', 'CxYz123AbC'],
  ['https://www.instagram.com/reel/C9_ab-12xyZ/', 'instagram', 'reel', 'https://www.instagram.com/reel/C9_ab-12xyZ/', 'C9_ab-12xyZ'],
  ['https://www.instagram.com/reels/C9_ab-12xyZ', 'instagram', 'reel', 'https://www.instagram.com/reel/C9_ab-12xyZ/', 'C9_ab-12xyZ'],
  ['https://www.instagram.com/jane.doe/p/CxYz123AbC/', 'instagram', 'post', 'https://www.instagram.com/p/CxYz123AbC/', 'CxYz123AbC'],
  ['https://www.instagram.com/jane.doe/reel/C9_ab-12xyZ/', 'instagram', 'reel', 'https://www.instagram.com/reel/C9_ab-12xyZ/', 'C9_ab-12xyZ'],
  ['https://instagr.am/p/CxYz123AbC/', 'instagram', 'post', 'https://www.instagram.com/p/CxYz123AbC/', 'CxYz123AbC'],
  ['  HTTPS://WWW.INSTAGRAM.COM/p/CxYz123AbC/  ', 'instagram', 'post', 'https://www.instagram.com/p/CxYz123AbC/', 'CxYz123AbC'],
  ['https://www.instagram.com/stories/Jane.Doe/3312345678901234567/', 'instagram', 'story', 'https://www.instagram.com/stories/jane.doe/3312345678901234567/', '3312345678901234567'],
  // TikTok
  ['https://www.tiktok.com/@jane.doe/video/7345678901234567890', 'tiktok', 'video', 'https://www.tiktok.com/@jane.doe/video/7345678901234567890', '7345678901234567890'],
  ['tiktok.com/@Jane_Doe/video/7345678901234567890?is_from_webapp=1&sender_device=pc', 'tiktok', 'video', 'https://www.tiktok.com/@jane_doe/video/7345678901234567890', '7345678901234567890'],
  ['https://m.tiktok.com/@jane/video/7345678901234567890/', 'tiktok', 'video', 'https://www.tiktok.com/@jane/video/7345678901234567890', '7345678901234567890'],
  ['https://www.tiktok.com/@jane/photo/7345678901234567890', 'tiktok', 'photo', 'https://www.tiktok.com/@jane/photo/7345678901234567890', '7345678901234567890'],
  ['https://vm.tiktok.com/ZMabc123/', 'tiktok', 'short_link', 'https://vm.tiktok.com/ZMabc123/', 'ZMabc123'],
  ['vm.tiktok.com/ZMabc123', 'tiktok', 'short_link', 'https://vm.tiktok.com/ZMabc123/', 'ZMabc123'],
  ['https://vt.tiktok.com/ZSxyz789/', 'tiktok', 'short_link', 'https://vt.tiktok.com/ZSxyz789/', 'ZSxyz789'],
  ['https://www.tiktok.com/t/ZTRabc123/', 'tiktok', 'short_link', 'https://www.tiktok.com/t/ZTRabc123/', 'ZTRabc123'],
  // YouTube
  [`https://www.youtube.com/watch?v=${YT}`, 'youtube', 'video', `https://www.youtube.com/watch?v=${YT}`, YT],
  [`https://youtube.com/watch?v=${YT}&t=42s&list=PL123`, 'youtube', 'video', `https://www.youtube.com/watch?v=${YT}`, YT],
  [`https://m.youtube.com/watch?feature=share&v=${YT}`, 'youtube', 'video', `https://www.youtube.com/watch?v=${YT}`, YT],
  [`https://youtu.be/${YT}?si=AbCdEf`, 'youtube', 'video', `https://www.youtube.com/watch?v=${YT}`, YT],
  [`https://www.youtube.com/shorts/${YT}`, 'youtube', 'short', `https://www.youtube.com/shorts/${YT}`, YT],
  [`youtube.com/shorts/${YT}/?feature=share`, 'youtube', 'short', `https://www.youtube.com/shorts/${YT}`, YT],
  [`https://www.youtube.com/embed/${YT}`, 'youtube', 'video', `https://www.youtube.com/watch?v=${YT}`, YT],
  [`https://www.youtube.com/live/${YT}`, 'youtube', 'video', `https://www.youtube.com/watch?v=${YT}`, YT],
  // Pinterest
  ['https://www.pinterest.com/pin/123456789012345678/', 'pinterest', 'pin', 'https://www.pinterest.com/pin/123456789012345678/', '123456789012345678'],
  ['https://pinterest.com/pin/123456789012345678', 'pinterest', 'pin', 'https://www.pinterest.com/pin/123456789012345678/', '123456789012345678'],
  ['https://www.pinterest.co.uk/pin/123456789012345678/', 'pinterest', 'pin', 'https://www.pinterest.com/pin/123456789012345678/', '123456789012345678'],
  ['https://uk.pinterest.com/pin/123456789012345678/?mt=login', 'pinterest', 'pin', 'https://www.pinterest.com/pin/123456789012345678/', '123456789012345678'],
  ['https://www.pinterest.com/pin/easy-summer-salad--123456789012345678/', 'pinterest', 'pin', 'https://www.pinterest.com/pin/123456789012345678/', '123456789012345678'],
  ['https://pin.it/4AbCdEfGh', 'pinterest', 'short_link', 'https://pin.it/4AbCdEfGh', '4AbCdEfGh'],
  // Facebook
  ['https://www.facebook.com/JaneDoeOfficial/posts/1234567890123456', 'facebook', 'post', 'https://www.facebook.com/janedoeofficial/posts/1234567890123456', '1234567890123456'],
  ['https://m.facebook.com/jane.doe/posts/pfbid02AbCdEfGhIjKlMnOp/?app=fbl', 'facebook', 'post', 'https://www.facebook.com/jane.doe/posts/pfbid02AbCdEfGhIjKlMnOp', 'pfbid02AbCdEfGhIjKlMnOp'],
  ['https://www.facebook.com/reel/987654321098765', 'facebook', 'reel', 'https://www.facebook.com/reel/987654321098765', '987654321098765'],
  ['https://www.facebook.com/watch?v=555666777888999', 'facebook', 'video', 'https://www.facebook.com/watch/?v=555666777888999', '555666777888999'],
  ['https://www.facebook.com/watch/?v=555666777888999&ref=sharing', 'facebook', 'video', 'https://www.facebook.com/watch/?v=555666777888999', '555666777888999'],
  ['https://www.facebook.com/janedoe/videos/555666777888999/', 'facebook', 'video', 'https://www.facebook.com/watch/?v=555666777888999', '555666777888999'],
  ['https://www.facebook.com/permalink.php?story_fbid=1234567890&id=100012345678', 'facebook', 'post', 'https://www.facebook.com/permalink.php?story_fbid=1234567890&id=100012345678', '1234567890'],
  ['https://www.facebook.com/share/p/1AbCdEfGh2/', 'facebook', 'short_link', 'https://www.facebook.com/share/p/1AbCdEfGh2/', '1AbCdEfGh2'],
  ['https://fb.watch/aBcD3fGh1/', 'facebook', 'short_link', 'https://fb.watch/aBcD3fGh1/', 'aBcD3fGh1'],
]

describe('parsePostUrl: accepted forms', () => {
  it.each(accepted)('%s', (input, platform, kind, normalized, externalId) => {
    expect(parsePostUrl(input)).toEqual({ ok: true, platform, kind, normalized, externalId })
  })

  it('normalizes every accepted form to a fixed point (parsing the normalized link gives it back)', () => {
    for (const [input] of accepted) {
      const first = parsePostUrl(input)
      if (!first.ok) throw new Error(`${input}: ${first.error}`)
      const again = parsePostUrl(first.normalized)
      expect(again).toEqual(first)
    }
  })
})

const rejected: [input: string, error: RegExp][] = [
  // schemes
  ['javascript:alert(1)', /web links/],
  ['JavaScript://instagram.com/p/CxYz123AbC/', /web links/],
  ['data:text/html,<script>alert(1)</script>', /web links/],
  ['ftp://instagram.com/p/CxYz123AbC/', /web links/],
  ['file:///etc/passwd', /web links/],
  ['https:instagram.com/p/CxYz123AbC/', /doesn’t look like a link/],
  // other hosts and look-alikes
  ['https://example.com/p/CxYz123AbC/', /can’t be used/],
  ['https://instagram.com.evil.com/p/CxYz123AbC/', /instagram\.com\.evil\.com/],
  ['https://evilinstagram.com/p/CxYz123AbC/', /can’t be used/],
  ['https://instagram.com@evil.com/p/CxYz123AbC/', /extra parts/],
  ['https://evil.com/instagram.com/p/CxYz123AbC/', /can’t be used/],
  ['https://evil.com/?u=https://www.instagram.com/p/CxYz123AbC/', /can’t be used/],
  ['https://www.tiktok.com.co/@jane/video/7345678901234567890', /can’t be used/],
  ['https://youtube.co/watch?v=dQw4w9WgXcQ', /can’t be used/],
  ['https://notyoutu.be/dQw4w9WgXcQ', /can’t be used/],
  ['https://pinterest.evil.com/pin/123/', /can’t be used/],
  ['https://xn--nstagram-y2a.com/p/CxYz123AbC/', /can’t be used/],
  ['https://іnstagram.com/p/CxYz123AbC/', /can’t be used/], // Cyrillic і
  ['https://instagram.com%2eevil.com/p/CxYz123AbC/', /can’t be used/],
  // credentials and ports
  ['https://user:pass@www.instagram.com/p/CxYz123AbC/', /extra parts/],
  ['https://www.instagram.com:8443/p/CxYz123AbC/', /extra parts/],
  // missing or malformed ids
  ['https://www.instagram.com/', /Instagram link/],
  ['https://www.instagram.com/jane.doe/', /Instagram link/],
  ['https://www.instagram.com/p/', /Instagram link/],
  ['https://www.instagram.com/p/ab/', /Instagram link/],
  ['https://www.instagram.com/explore/tags/ad/', /Instagram link/],
  ['https://www.tiktok.com/@jane', /TikTok link/],
  ['https://www.tiktok.com/@jane/video/', /TikTok link/],
  ['https://www.tiktok.com/@jane/video/abc', /TikTok link/],
  ['https://vm.tiktok.com/', /TikTok link/],
  ['https://www.youtube.com/watch', /YouTube link/],
  ['https://www.youtube.com/watch?v=short', /YouTube link/],
  ['https://www.youtube.com/@janedoe', /YouTube link/],
  ['https://youtu.be/', /YouTube link/],
  ['https://www.youtube.com/shorts/tooLongId12345', /YouTube link/],
  ['https://www.pinterest.com/janedoe/recipes/', /Pinterest link/],
  ['https://www.pinterest.com/pin/', /Pinterest link/],
  ['https://pin.it/', /Pinterest link/],
  ['https://www.facebook.com/janedoe', /Facebook link/],
  ['https://www.facebook.com/watch?v=', /Facebook link/],
  ['https://www.facebook.com/reel/abc', /Facebook link/],
  ['https://www.facebook.com/permalink.php?story_fbid=123', /Facebook link/],
  ['https://fb.watch/', /Facebook link/],
  // not links at all
  ['', /Paste the link/],
  ['   ', /Paste the link/],
  ['not a link', /doesn’t look like a link/],
  ['https://www.instagram.com/p/Cx Yz/', /doesn’t look like a link/],
  ['https://', /doesn’t look like a link/],
]

describe('parsePostUrl: rejected forms', () => {
  it.each(rejected)('%s', (input, error) => {
    const r = parsePostUrl(input)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatch(error)
  })

  it('rejects input over 2048 characters before parsing, accepts 2048', () => {
    const base = 'https://www.instagram.com/p/CxYz123AbC/?x='
    const exact = base + 'a'.repeat(2048 - base.length)
    expect(exact.length).toBe(2048)
    expect(parsePostUrl(exact).ok).toBe(true)
    expect(parsePostUrl(exact + 'a')).toEqual({ ok: false, error: 'That link is too long (more than 2,048 characters).' })
  })

  it('never throws on hostile input', () => {
    for (const s of ['%', 'http://[::1', 'https://\u0000instagram.com', '\\\\evil', '//', 'https://%zz']) {
      expect(() => parsePostUrl(s)).not.toThrow()
      expect(parsePostUrl(s).ok).toBe(false)
    }
  })

  it('accepts a protocol-relative link as https', () => {
    expect(parsePostUrl('//www.instagram.com/p/CxYz123AbC/')).toMatchObject({ ok: true, normalized: 'https://www.instagram.com/p/CxYz123AbC/' })
  })

  it('keeps the case of ids (Instagram shortcodes are case-sensitive)', () => {
    const a = parsePostUrl('https://www.instagram.com/p/AbCdE/')
    const b = parsePostUrl('https://www.instagram.com/p/abcde/')
    expect(a.ok && b.ok && a.normalized !== b.normalized).toBe(true)
  })
})

describe('expectedPlatformMatches', () => {
  it('is true only for a parsed link on the expected platform', () => {
    const ig = parsePostUrl('https://www.instagram.com/reel/C9_ab-12xyZ/')
    expect(expectedPlatformMatches(ig, 'instagram')).toBe(true)
    expect(expectedPlatformMatches(ig, 'tiktok')).toBe(false)
    expect(expectedPlatformMatches(parsePostUrl(`https://youtu.be/${YT}`), 'youtube')).toBe(true)
    expect(expectedPlatformMatches(parsePostUrl('https://evil.com/'), 'instagram')).toBe(false)
  })
})
