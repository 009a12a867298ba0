import { describe, expect, it } from 'vitest'
import { attestationsFor, disclosureRequirements } from '#app/domain/disclosure/index.ts'

describe('disclosure requirements a creator reads before writing', () => {
  it('Instagram reel, paid, US: first line, in the video, Paid partnership label', () => {
    const r = disclosureRequirements({ platform: 'instagram', format: 'reel', connectionType: 'paid', jurisdiction: 'US', brandName: 'Acme' })
    expect(r.summary).toBe(
      'Instagram reel, paid, US: put #ad or "Paid partnership with Acme" in the first line of the caption (before "more"), say it in the video and show it on screen, and turn on Instagram\'s "Paid partnership" label.',
    )
    expect(r.attestations.map((a) => a.id)).toEqual(['VD-01', 'VD-02', 'VD-03', 'VD-04', 'PT-01'])
  })
  it('a story needs every frame labelled, and no video attestations', () => {
    expect(attestationsFor('instagram', 'story').map((a) => a.id)).toEqual(['ST-01', 'PT-01'])
  })
  it('a live repeats the disclosure', () => {
    expect(attestationsFor('tiktok', 'live').find((a) => a.id === 'VD-03')!.label).toMatch(/repeated/)
  })
  it('UK TikTok: Ad first, TikTok commercial content toggle, no duplicated platform name', () => {
    const r = disclosureRequirements({ platform: 'tiktok', format: 'tiktok_video', connectionType: 'paid', jurisdiction: 'UK', brandName: 'Glow Labs' })
    expect(r.summary.startsWith('TikTok video, paid, UK:')).toBe(true)
    expect(r.captionRules).toContain('Make "Ad" the first word (UK rules).')
    expect(r.attestations.at(-1)!.id).toBe('PT-02')
  })
  it('lists the brief\'s mandatory elements and the length limit', () => {
    const r = disclosureRequirements({
      platform: 'youtube',
      format: 'youtube_video',
      connectionType: 'gifted',
      jurisdiction: 'US',
      brandName: 'Acme',
      mandatory: { hashtags: ['AcmeRuns'], handles: ['acme'], links: [], promoCode: 'RUN10' },
    })
    expect(r.captionRules).toContain('Include #AcmeRuns, @acme, code RUN10.')
    expect(r.captionRules).toContain('Stay under 5,000 characters.')
    expect(r.acceptedWording).toContain('Acme gave me this for free')
    expect(r.captionRules.some((c) => c.includes('#gifted'))).toBe(false)
  })
  it('France: the French mention, in the caption and on the media for its whole duration', () => {
    const r = disclosureRequirements({ platform: 'instagram', format: 'reel', connectionType: 'paid', jurisdiction: 'FR', brandName: 'Acme' })
    expect(r.captionRules[0]).toBe('Put « Publicité » or « Collaboration commerciale » in the first line of the caption (before "more").')
    expect(r.captionRules).toContain('Show « Publicité » or « Collaboration commerciale » on the image or video too, for its whole duration (French law).')
    expect(r.acceptedWording).toEqual(['Publicité', '#publicité', 'Collaboration commerciale', '#CollaborationCommerciale'])
    expect(r.captionRules.some((c) => c.includes('"Ad" the first word'))).toBe(false)
  })
  it('Germany: "Werbung" or "Anzeige" first, and a gift is advertising too', () => {
    const r = disclosureRequirements({ platform: 'tiktok', format: 'tiktok_video', connectionType: 'gifted', jurisdiction: 'DE', brandName: 'Acme' })
    expect(r.summary.startsWith('TikTok video, gifted product, DE: put "Werbung" or "Anzeige" (as the first word) in the first 100 characters')).toBe(true)
    expect(r.captionRules).toContain('Make "Werbung" or "Anzeige" the first word, in German: "Ad" or "Sponsored by" are not enough (German rules).')
    expect(r.captionRules).toContain('#gifted alone is not enough here: a gift is also advertising (German rules).')
    expect(r.acceptedWording).not.toContain('#gifted')
  })
})
