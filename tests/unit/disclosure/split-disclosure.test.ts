import { describe, expect, it } from 'vitest'
import { disclosureRequirements, splitDisclosure } from '#app/domain/disclosure/index.ts'

const base = { connectionType: 'paid' as const, jurisdiction: 'US' as const, brandName: 'Acme', mandatory: { hashtags: ['#AcmeTrail3'], handles: ['@acmerunning'], links: [] } }
const reel = disclosureRequirements({ ...base, platform: 'instagram', format: 'reel' })
const tiktok = disclosureRequirements({ ...base, platform: 'tiktok', format: 'tiktok_video' })

describe('the offer page says the disclosure checklist once (issue #21)', () => {
  it('an Instagram reel and a TikTok video share the video checks and the caption rules; each keeps its placement, length and platform label', () => {
    const { shared, own } = splitDisclosure([reel, tiktok])
    // both are videos: the four on-screen / spoken checks are said once
    expect(shared.attestations.map((a) => a.id)).toEqual(['VD-01', 'VD-02', 'VD-03', 'VD-04'])
    expect(shared.captionRules).toEqual(['Keep it on its own, not inside a block of hashtags.', 'Do not use #gifted: this is not only a gift.', 'Include #AcmeTrail3, @acmerunning.'])
    expect(own[0]!.attestations.map((a) => a.id)).toEqual(['PT-01'])
    expect(own[1]!.attestations.map((a) => a.id)).toEqual(['PT-02'])
    expect(own[0]!.captionRules).toEqual(['Put #ad or "Paid partnership with Acme" in the first line of the caption (before "more").', 'Stay under 2,200 characters.'])
    expect(own[1]!.captionRules).toEqual(['Put #ad or "Paid partnership with Acme" in the first 100 characters of the caption.', 'Stay under 4,000 characters.'])
    // same brand, same connection: every accepted wording is shared
    expect(own.every((o) => o.acceptedWording.length === 0)).toBe(true)
    expect(shared.acceptedWording).toEqual(reel.acceptedWording)
    expect(own.map((o) => o.summary)).toEqual([reel.summary, tiktok.summary])
  })

  it('nothing is lost: shared plus own is each deliverable\'s full list', () => {
    const story = disclosureRequirements({ ...base, platform: 'instagram', format: 'story' })
    const reqs = [reel, tiktok, story]
    const { shared, own } = splitDisclosure(reqs)
    reqs.forEach((r, i) => {
      expect(new Set([...shared.captionRules, ...own[i]!.captionRules])).toEqual(new Set(r.captionRules))
      expect(new Set([...shared.attestations, ...own[i]!.attestations].map((a) => a.id))).toEqual(new Set(r.attestations.map((a) => a.id)))
    })
    // a story has no video checks, so with it in the offer they are no longer shared
    expect(shared.attestations).toEqual([])
    expect(own[2]!.attestations.map((a) => a.id)).toEqual(['ST-01', 'PT-01'])
  })

  it('one deliverable: everything is shared and nothing is its own; none: empty', () => {
    const { shared, own } = splitDisclosure([reel])
    expect(shared.captionRules).toEqual(reel.captionRules)
    expect(own[0]!.captionRules).toEqual([])
    expect(own[0]!.attestations).toEqual([])
    expect(splitDisclosure([])).toEqual({ shared: { captionRules: [], acceptedWording: [], attestations: [] }, own: [] })
  })
})
