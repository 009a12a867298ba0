import { describe, expect, it } from 'vitest'
import { buildUtmUrl, linkDeliverableLabel, trackedLinkUtm } from '#app/domain/utm.ts'

describe('a tracked link’s UTM parameters are its post’s', () => {
  it('a reel and a TikTok of one collaboration get their own source and content', () => {
    const at = (platform: string, format: string) =>
      new URL(buildUtmUrl('https://shop.test/x?utm_source=old&ref=1', trackedLinkUtm({ campaign: 'Spring Run', creator: 'Maya Chen', deliverable: { platform, format, position: 1 } })))
    const reel = at('instagram', 'reel')
    expect([reel.searchParams.get('utm_source'), reel.searchParams.get('utm_content'), reel.searchParams.get('ref')]).toEqual(['instagram', 'maya-chen_reel-1', '1'])
    const tiktok = at('tiktok', 'tiktok_video')
    expect([tiktok.searchParams.get('utm_source'), tiktok.searchParams.get('utm_content')]).toEqual(['tiktok', 'maya-chen_tiktok-video-1'])
    // No deliverable at all: the generic names it always had.
    expect(trackedLinkUtm({ campaign: 'c', creator: 'm', deliverable: null })).toEqual({ platform: 'social', campaign: 'c', creator: 'm', deliverable: 'post' })
  })

  it('names the post the way people say it', () => {
    expect(linkDeliverableLabel({ platform: 'instagram', format: 'reel', position: 1 })).toBe('Instagram reel 1')
    expect(linkDeliverableLabel({ platform: 'tiktok', format: 'tiktok_video', position: 2 })).toBe('TikTok video 2')
    expect(linkDeliverableLabel({ platform: 'youtube', format: 'short', position: 1 })).toBe('YouTube short 1')
  })
})
