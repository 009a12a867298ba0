import { describe, expect, it } from 'vitest'
import { decryptToken, encryptToken, pkceChallenge } from '#app/services/connectors/token-crypto.server.ts'
import { hashtagsOf, metricSourceLabel, metricsSlot, readMatchesPost } from '#app/domain/connectors.ts'

const key = Buffer.alloc(32, 9)

describe('token encryption', () => {
  it('round-trips, uses a fresh IV each time, and refuses a wrong key or a changed byte', () => {
    const a = encryptToken('IGAAtoken', key)
    const b = encryptToken('IGAAtoken', key)
    expect(a).not.toBe(b)
    expect(a).not.toContain('IGAAtoken')
    expect(decryptToken(a, key)).toBe('IGAAtoken')
    expect(() => decryptToken(a, Buffer.alloc(32, 8))).toThrow()
    const parts = a.split('.')
    const tampered = [...parts.slice(0, 3), Buffer.from('IGAAtokeX').toString('base64url')].join('.')
    expect(() => decryptToken(tampered, key)).toThrow()
  })

  it('computes the RFC 7636 S256 challenge (appendix B example)', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
  })
})

describe('metrics reading slots', () => {
  const posted = new Date('2026-03-01T10:00:00Z')
  it('is daily for 30 days from the post, then weekly', () => {
    expect(metricsSlot(posted, new Date('2026-03-01T09:00:00Z'))).toBeNull()
    expect(metricsSlot(posted, new Date('2026-03-01T23:00:00Z'))).toEqual({ start: posted, cadence: 'daily' })
    // 2 days 5 hours after: the third daily slot starts 2026-03-03T10:00Z.
    expect(metricsSlot(posted, new Date('2026-03-03T15:00:00Z'))).toEqual({ start: new Date('2026-03-03T10:00:00Z'), cadence: 'daily' })
    // Day 30 = 2026-03-31T10:00Z starts the first weekly slot; day 36 is still in it; day 37 is the next.
    expect(metricsSlot(posted, new Date('2026-03-31T10:00:00Z'))).toEqual({ start: new Date('2026-03-31T10:00:00Z'), cadence: 'weekly' })
    expect(metricsSlot(posted, new Date('2026-04-06T09:59:00Z'))!.start).toEqual(new Date('2026-03-31T10:00:00Z'))
    expect(metricsSlot(posted, new Date('2026-04-07T10:00:00Z'))!.start).toEqual(new Date('2026-04-07T10:00:00Z'))
  })
  it('reads hashtags lower-cased and once', () => {
    expect(hashtagsOf('#Ad Run with #AcmeRunning and #acmerunning, not a#b? #été')).toEqual(['ad', 'acmerunning', 'b', 'été'])
  })
})

describe('postKey: one post however its link is written', () => {
  it('reads the video id from YouTube and TikTok links, and host + path elsewhere', async () => {
    const { postKey } = await import('#app/domain/connectors.ts')
    const yt = ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://youtu.be/dQw4w9WgXcQ?si=x1', 'https://m.youtube.com/shorts/dQw4w9WgXcQ', 'https://youtube.com/live/dQw4w9WgXcQ?feature=share']
    expect(new Set(yt.map((u) => postKey('youtube', u)))).toEqual(new Set(['youtube:dQw4w9WgXcQ']))
    expect(postKey('tiktok', 'https://www.tiktok.com/@maya/video/7234567890123456789?is_from_webapp=1')).toBe('tiktok:7234567890123456789')
    expect(postKey('tiktok', 'https://www.tiktok.com/@maya/video/7234567890123456789')).toBe('tiktok:7234567890123456789')
    expect(postKey('instagram', 'https://www.instagram.com/reel/C1abc/?igsh=zz')).toBe(postKey('instagram', 'https://instagram.com/reel/C1abc'))
    expect(postKey('instagram', 'https://www.instagram.com/reel/C1abc/')).not.toBe(postKey('instagram', 'https://www.instagram.com/reel/C1abd/'))
    expect(postKey('youtube', 'not a link')).toBeNull()
  })
})

describe('readMatchesPost: the submitted link is the post the platform returned', () => {
  const ig = { permalink: 'https://www.instagram.com/reel/DAbc123/', externalId: '17900000000000001' }
  it('matches the same Instagram post written differently, not another one or another platform', () => {
    expect(readMatchesPost('instagram', ig, { url: 'https://instagram.com/reel/DAbc123?igsh=xyz', externalId: 'DAbc123' })).toBe(true)
    expect(readMatchesPost('instagram', ig, { url: 'https://www.instagram.com/reel/DAbc124/', externalId: 'DAbc124' })).toBe(false)
    // Not a connector platform (e.g. a blog post): never a platform read.
    expect(readMatchesPost('blog', ig, { url: ig.permalink, externalId: null })).toBe(false)
  })
  it('matches a YouTube video by its id, from a youtu.be link or the id the link parser read', () => {
    const yt = { permalink: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', externalId: 'dQw4w9WgXcQ' }
    expect(readMatchesPost('youtube', yt, { url: 'https://youtu.be/dQw4w9WgXcQ', externalId: null })).toBe(true)
    expect(readMatchesPost('youtube', yt, { url: 'https://example.com/x', externalId: 'dQw4w9WgXcQ' })).toBe(true)
    expect(readMatchesPost('youtube', yt, { url: 'https://youtu.be/aaaaaaaaaaa', externalId: 'aaaaaaaaaaa' })).toBe(false)
  })
})

describe('metricSourceLabel', () => {
  it('names where the numbers came from: the creator, a CSV, or the platform of the connected account', () => {
    expect(metricSourceLabel('creator', 'instagram')).toBe('Creator')
    expect(metricSourceLabel('csv', 'tiktok')).toBe('CSV import')
    expect(metricSourceLabel('api', 'instagram')).toBe('From Instagram')
    expect(metricSourceLabel('api', 'youtube')).toBe('From YouTube')
    expect(metricSourceLabel('api', 'pinterest')).toBe('From the platform')
  })
})
