import { describe, expect, it } from 'vitest'
import { attestationsFor, checkPlatformLabel, RULES } from '#app/domain/disclosure/index.ts'

// Source of EU-01: Regulation (EU) 2022/2065 (Digital Services Act), art. 26(2); /work/shared/domain/regulation-2026.md.
describe('platform commercial-content label (PT-01…04, EU-01 / DSA art. 26(2))', () => {
  it('EU-01 is blocking and cites the DSA article', () => {
    expect(RULES['EU-01'].severity).toBe('blocking')
    expect(RULES['EU-01'].source).toMatch(/Regulation \(EU\) 2022\/2065.*art\. 26\(2\)/)
  })
  it('toggle off in France: the platform rule and EU-01, both blocking', () => {
    const r = checkPlatformLabel({ platform: 'tiktok', jurisdiction: 'FR', brandName: 'Acme', declared: false })
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['PT-02', 'blocking'], ['EU-01', 'blocking']])
    expect(r.findings[1]!.message).toBe('In the EU the post must be declared as commercial content with TikTok\'s "Branded content" label (Digital Services Act, art. 26(2)).')
    expect(r.undecided).toEqual([])
  })
  it('toggle off in Ireland and Germany also raises EU-01; in the US and the UK only the platform rule', () => {
    for (const j of ['IE', 'DE'] as const) {
      expect(checkPlatformLabel({ platform: 'instagram', jurisdiction: j, brandName: 'Acme', declared: false }).findings.map((f) => f.ruleId)).toEqual(['PT-01', 'EU-01'])
    }
    for (const j of ['US', 'UK'] as const) {
      expect(checkPlatformLabel({ platform: 'youtube', jurisdiction: j, brandName: 'Acme', declared: false }).findings.map((f) => f.ruleId)).toEqual(['PT-03'])
    }
  })
  it('toggle on, naming the brand (case, accents, @ ignored): no finding', () => {
    const r = checkPlatformLabel({ platform: 'instagram', jurisdiction: 'DE', brandName: 'Café Noir', declared: true, partnerNamed: '@cafenoir' })
    expect(r).toEqual({ findings: [], undecided: [] })
  })
  it('toggle on but naming another partner: PT-01, not EU-01 (the declaration was made)', () => {
    const r = checkPlatformLabel({ platform: 'facebook', jurisdiction: 'FR', brandName: 'Acme', declared: true, partnerNamed: 'Globex' })
    expect(r.findings.map((f) => f.ruleId)).toEqual(['PT-01'])
    expect(r.findings[0]!.message).toBe('Facebook\'s "Paid partnership" label names "Globex"; it must name Acme.')
  })
  it('unknown toggle: nothing decided, the reviewer ticks PT and (in the EU) EU-01', () => {
    expect(checkPlatformLabel({ platform: 'pinterest', jurisdiction: 'IE', brandName: 'Acme', declared: null }).undecided.map((u) => u.id)).toEqual(['PT-04', 'EU-01'])
    expect(checkPlatformLabel({ platform: 'pinterest', jurisdiction: 'US', brandName: 'Acme', declared: null }).undecided.map((u) => u.id)).toEqual(['PT-04'])
  })
  it('the reviewer checklist keeps one platform tick, saying why it matters in the EU', () => {
    const fr = attestationsFor('tiktok', 'tiktok_video', { jurisdiction: 'FR' }).at(-1)!
    expect(fr.id).toBe('PT-02')
    expect(fr.help).toBe('TikTok then shows "Paid partnership". In the EU this toggle is also the declaration the Digital Services Act (art. 26(2)) asks for.')
    expect(attestationsFor('tiktok', 'tiktok_video', { jurisdiction: 'US' }).at(-1)!.help).toBe('TikTok then shows "Paid partnership".')
  })
})
