import { describe, expect, it } from 'vitest'
import { checkCaption } from '#app/domain/disclosure/index.ts'
import { findPlainLanguage } from '#app/domain/disclosure/plain-language.ts'
import { PLAIN_LANGUAGE_CORPUS, SOURCES } from './plain-language-corpus.ts'

/** The rules that judge wording and placement; PL-05 (UK "Ad" first) and DE-02 (label first) are placement warnings tested elsewhere. */
const WORDING_RULES = new Set(['LX-01', 'LX-02', 'LX-03', 'MC-03', 'FR-01', 'DE-01', 'RV-02', 'PL-01', 'PL-02', 'PL-03'])

describe('plain-language corpus', () => {
  it('every example has a source and the corpus covers every supported regime', () => {
    for (const ex of PLAIN_LANGUAGE_CORPUS) expect(SOURCES[ex.source]).toBeTruthy()
    const regimes = new Set(PLAIN_LANGUAGE_CORPUS.map((e) => e.jurisdiction))
    for (const j of ['US', 'UK', 'IE', 'FR', 'DE']) expect(regimes).toContain(j)
  })

  it.each(PLAIN_LANGUAGE_CORPUS.map((ex) => [`${ex.jurisdiction} ${ex.connectionType}: ${JSON.stringify(ex.caption)}`, ex] as const))('%s', (_name, ex) => {
    const findings = checkCaption({
      caption: ex.caption,
      platform: 'instagram',
      format: 'reel',
      connectionType: ex.connectionType,
      jurisdiction: ex.jurisdiction,
      brandName: ex.brandName ?? 'Acme',
      mandatory: { hashtags: [], handles: ex.handles ?? [], links: [] },
    })
    const got = [...new Set(findings.map((f) => f.ruleId).filter((id) => WORDING_RULES.has(id)))].sort()
    const want = ex.expect === 'disclosed' ? [] : [...ex.expect].sort()
    expect(got, findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n')).toEqual(want)
  })
})

describe('findPlainLanguage', () => {
  it('gives the span of the sentence in the original caption, curly apostrophes and all', () => {
    const caption = 'New drop! I’m being paid by @acme for this reel 🔥'
    const [hit] = findPlainLanguage(caption, 'Acme')
    expect(hit!.kind).toBe('paid')
    expect(caption.slice(hit!.start, hit!.end)).toBe('I’m being paid by @acme')
  })

  it('a denial wins over the statement it contains', () => {
    const hits = findPlainLanguage('Acme did not pay me', 'Acme')
    expect(hits.map((h) => h.kind)).toEqual(['denied'])
  })

  it('a brand whose name is a regular expression is matched literally', () => {
    expect(findPlainLanguage('A+B paid me for this', 'A+B').map((h) => h.kind)).toEqual(['paid'])
    expect(findPlainLanguage('AAB paid me for this', 'A+B')).toEqual([])
  })

  it('the denial message names the deal and what to add', () => {
    const f = checkCaption({ caption: 'Not sponsored, love Acme', platform: 'instagram', format: 'reel', connectionType: 'paid', jurisdiction: 'US', brandName: 'Acme' })
    const denial = f.find((x) => x.ruleId === 'LX-02' && x.message.includes('no deal'))!
    expect(denial.message).toContain('this is a paid deal')
    expect(denial.span).toEqual({ start: 0, end: 13 })
  })
})
