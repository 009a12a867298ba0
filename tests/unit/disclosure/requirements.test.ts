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
})
