import { describe, expect, it } from 'vitest'
import { checkBriefText, checkCaption, foldOffset, hasBlocking, type CaptionCheckInput } from '#app/domain/disclosure/index.ts'

const ig = { platform: 'instagram', format: 'reel', connectionType: 'paid', jurisdiction: 'US', brandName: 'Acme' } as const
const check = (caption: string, over: Partial<CaptionCheckInput> = {}) => checkCaption({ ...ig, caption, ...over })
const ids = (caption: string, over: Partial<CaptionCheckInput> = {}) => check(caption, over).map((f) => f.ruleId)

describe('worked examples from the rules', () => {
  it('IG paid "Loving my new @acme runners! #ad" passes', () => {
    expect(check('Loving my new @acme runners! #ad')).toEqual([])
  })
  it('IG paid, 4 lines then a hashtag block: PL-01 blocking and PL-03', () => {
    const f = check('Great run today\nso many miles\nfeeling strong\nmore soon\n#fitness #run #acme #ad #goals')
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([
      ['PL-01', 'blocking'],
      ['PL-03', 'blocking'],
    ])
  })
  it('TikTok paid "#sp obsessed with this" fails LX-02', () => {
    const f = check('#sp obsessed with this', { platform: 'tiktok', format: 'tiktok_video' })
    expect(f.find((x) => x.ruleId === 'LX-02')?.span).toEqual({ start: 0, end: 3 })
    expect(hasBlocking(f)).toBe(true)
  })
  it('IG paid UK "Sponsored by Acme" fails LX-03 but passes in the US', () => {
    expect(ids('Sponsored by Acme: new colours', { jurisdiction: 'UK' })).toContain('LX-03')
    expect(ids('Sponsored by Acme: new colours')).toEqual([])
  })
})

describe('LX-01 accepted wording', () => {
  it.each([
    ['#ad at the end', 'New shoes #ad'],
    ['upper case #AD', 'New shoes #AD'],
    ['mixed case #Ad glued to punctuation', 'New shoes (#Ad)!'],
    ['#ad followed by a comma', '#ad, new shoes'],
    ['standalone Ad', 'Ad | new shoes from Acme'],
    ['#sponsored', 'New shoes #sponsored'],
    ['paid partnership with brand', 'Paid partnership with Acme - new shoes'],
    ['#BrandPartner', '#AcmePartner new shoes'],
    ['#BrandAmbassador', '#acmeambassador new shoes'],
    ['full-width ＃ａｄ (NFKC)', '＃ａｄ new shoes'],
    ['emoji before #ad', '🔥🔥 #ad new shoes'],
    ['commission sentence (affiliate)', 'I earn a commission from purchases through my links'],
  ])('%s passes', (_name, caption) => {
    expect(ids(caption).filter((i) => i.startsWith('LX'))).toEqual([])
  })

  it.each([
    ['empty caption', ''],
    ['no disclosure', 'New shoes, love them'],
    ['#adventure is not #ad', 'New shoes #adventure'],
    ['#adidas is not #ad', 'New shoes #adidas'],
    ['#bad is not #ad', 'New shoes #bad'],
    ['ad-free is not ad', 'ad-free running'],
    ['words containing ad', 'I read and made a road trip'],
    ['a URL containing ad', 'shop at https://acme.example/ad?x=ad'],
    ['a domain containing ad', 'see www.ad.example.com'],
    ['Cyrillic look-alike #аd', '#аd new shoes'],
    ['#partner without the brand', 'New shoes #partner'],
    ['#ambassador without the brand', 'New shoes #ambassador'],
    ['another brand partner tag', 'New shoes #NikePartner'],
    ['Spanish #publicidad', 'Zapatillas nuevas #publicidad ñandú'],
  ])('%s fails LX-01', (_name, caption) => {
    expect(ids(caption)).toContain('LX-01')
  })

  it('explains a look-alike and points at it', () => {
    const f = check('#аd new shoes').find((x) => x.ruleId === 'LX-01')!
    expect(f.span).toEqual({ start: 0, end: 3 })
    expect(f.message).toMatch(/look-alike/)
  })

  it('tells the creator what to add, for the connection type', () => {
    expect(check('hi').find((f) => f.ruleId === 'LX-01')!.message).toMatch(/#ad or "Paid partnership with Acme"/)
    expect(check('hi', { connectionType: 'gifted' }).find((f) => f.ruleId === 'LX-01')!.message).toMatch(/gave me this for free/)
  })
})

describe('LX-02 and LX-03 rejected wording', () => {
  it.each(['#sp new shoes', '#spon new shoes', '#collab new shoes', 'Thanks Acme for these', 'thank you @acme!'])('"%s" is only a vague tag: LX-02', (caption) => {
    expect(ids(caption)).toContain('LX-02')
  })
  it('a vague tag next to a real disclosure is fine', () => {
    expect(ids('#ad #collab new shoes')).toEqual([])
  })
  it('"thanks Acme for the free product" is a gifted disclosure, not a vague thanks', () => {
    expect(ids('Thanks Acme for the free product!', { connectionType: 'gifted' })).toEqual([])
  })
  it.each(['#affiliate new shoes', 'In association with Acme', '#sponsored new shoes'])('UK: "%s" alone fails LX-03', (caption) => {
    expect(ids(caption, { jurisdiction: 'UK' })).toContain('LX-03')
  })
  it('UK accepts Ad as the first word', () => {
    expect(ids('Ad | new shoes from Acme', { jurisdiction: 'UK' })).toEqual([])
  })
})

describe('MC-03 connection type', () => {
  it('#gifted on a paid deal warns and is not a disclosure', () => {
    const f = check('#gifted new shoes')
    expect(f.map((x) => x.ruleId).sort()).toEqual(['LX-01', 'MC-03'])
    expect(f.find((x) => x.ruleId === 'MC-03')!.severity).toBe('warning')
  })
  it('#gifted on a gifted deal is fine', () => {
    expect(ids('#gifted new shoes', { connectionType: 'gifted' })).toEqual([])
  })
  it('UK: #gifted on a true gift is fine', () => {
    expect(ids('#gifted new shoes', { connectionType: 'gifted', jurisdiction: 'UK' }).filter((i) => i !== 'PL-05')).toEqual([])
  })
})

describe('placement', () => {
  it('fold is 3 lines or 125 characters, whichever first', () => {
    expect(foldOffset('a\nb\nc\nd', 'instagram', 'reel')).toBe(5)
    expect(foldOffset('x'.repeat(300), 'instagram', 'feed_post')).toBe(125)
    expect(foldOffset('x'.repeat(300), 'tiktok', 'tiktok_video')).toBe(100)
    expect(foldOffset('x', 'instagram', 'story')).toBeNull()
  })
  it('counts emoji as one character for the fold but returns UTF-16 offsets', () => {
    const caption = '😀'.repeat(130)
    expect(foldOffset(caption, 'instagram', 'reel')).toBe(250)
  })
  it('PL-01: #ad at character 126 on one line is hidden', () => {
    const caption = 'x'.repeat(126) + ' #ad'
    const f = check(caption).find((x) => x.ruleId === 'PL-01')!
    expect(f.severity).toBe('blocking')
    expect(caption.slice(f.span!.start, f.span!.end)).toBe('#ad')
  })
  it('PL-01: #ad on line 3 is visible, on line 4 it is not (CRLF too)', () => {
    expect(ids('one\ntwo\n#ad three')).toEqual([])
    expect(ids('one\r\ntwo\r\nthree\r\n#ad')).toContain('PL-01')
  })
  it('PL-02: TikTok beyond 100 characters is a warning', () => {
    const f = check('y'.repeat(120) + ' #ad', { platform: 'tiktok', format: 'tiktok_video' })
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['PL-02', 'warning']])
  })
  it('stories have no caption fold', () => {
    expect(ids('x'.repeat(200) + ' #ad', { format: 'story' })).toEqual([])
  })
  it('PL-03: #ad in a visible cluster of 3 hashtags warns', () => {
    const f = check('#run #ad #fit new shoes')
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['PL-03', 'warning']])
  })
  it('PL-03: a clear disclosure elsewhere is enough', () => {
    expect(ids('Ad: new shoes #run #ad #fit')).toEqual([])
  })
  it('PL-03: trailing hashtag block', () => {
    expect(ids('new shoes\n#ad #run')).toContain('PL-03')
  })
  it('PL-05: UK wants Ad first (warning), Ireland blocks', () => {
    expect(check('New shoes #ad', { jurisdiction: 'UK' }).map((f) => [f.ruleId, f.severity])).toEqual([['PL-05', 'warning']])
    expect(check('New shoes #ad', { jurisdiction: 'IE' }).map((f) => [f.ruleId, f.severity])).toEqual([['PL-05', 'blocking']])
    expect(ids('#ad New shoes', { jurisdiction: 'IE' })).toEqual([])
  })
})

describe('brief elements, banned words, employees, length', () => {
  const mandatory = { hashtags: ['AcmeRuns'], handles: ['@acme'], links: ['https://acme.example/spring'], promoCode: 'MAYA15' }
  it('MB-01: every missing element is listed', () => {
    const f = check('#ad new shoes', { mandatory })
    expect(f.filter((x) => x.ruleId === 'MB-01').map((x) => x.message)).toEqual([
      'The brief asks for #AcmeRuns in the caption. Add it.',
      'The brief asks for @acme in the caption. Add it.',
      'The brief asks for acme.example/spring in the caption. Add it.',
      'The brief asks for code MAYA15 in the caption. Add it.',
    ])
  })
  it('present elements pass, case-insensitively, glued to punctuation', () => {
    expect(ids('#ad @Acme #acmeruns acme.example/spring use maya15!', { mandatory })).toEqual([])
  })
  it('MB-02: present but below the fold warns', () => {
    const f = check('#ad @acme acme.example/spring code MAYA15\n2\n3\n#AcmeRuns', { mandatory })
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['MB-02', 'warning']])
  })
  it('the promo code must be a whole word', () => {
    expect(ids('#ad @acme #acmeruns acme.example/spring MAYA150', { mandatory })).toContain('MB-01')
  })
  it('CL-02 banned words, each occurrence, whole words only', () => {
    const f = check('#ad best shoes ever, the BEST, bestseller', { bannedWords: ['best'] })
    expect(f.filter((x) => x.ruleId === 'CL-02').map((x) => x.span)).toEqual([
      { start: 4, end: 8 },
      { start: 25, end: 29 },
    ])
  })
  it('RV-02 employees must say so', () => {
    expect(ids('#ad new shoes', { connectionType: 'employee' })).toContain('RV-02')
    expect(ids('#AcmeEmployee new shoes', { connectionType: 'employee' })).toEqual([])
    expect(ids('I work for Acme and #ad new shoes', { connectionType: 'employee' })).toEqual([])
  })
  it('brand names with spaces work in tags and phrases', () => {
    expect(ids('#GlowLabsPartner new serum', { brandName: 'Glow Labs' })).toEqual([])
    expect(ids('Paid partnership with Glow Labs', { brandName: 'Glow Labs' })).toEqual([])
  })
  it('LN-01: over the limit is blocking, and the span starts at the limit', () => {
    const f = check('#ad ' + 'x'.repeat(2200)).find((x) => x.ruleId === 'LN-01')!
    expect(f.severity).toBe('blocking')
    expect(f.span).toEqual({ start: 2200, end: 2204 })
    expect(ids('#ad ' + 'x'.repeat(2000))).toEqual([])
  })
  it('a 10,000-character caption with many hashtags is checked quickly and deterministically', () => {
    const caption = ('#ad love these ' + '#tag '.repeat(20) + '\n').repeat(90)
    const started = performance.now()
    const a = check(caption, { platform: 'youtube', format: 'youtube_video', mandatory, bannedWords: ['love'] })
    const b = check(caption, { platform: 'youtube', format: 'youtube_video', mandatory, bannedWords: ['love'] })
    expect(a).toEqual(b)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(a.filter((f) => f.ruleId === 'CL-02').length).toBe(90)
  })
  it('findings are sorted by position and carry a source', () => {
    const f = check('#collab best\n2\n3\n4 #ad', { bannedWords: ['best'] })
    const starts = f.map((x) => x.span?.start ?? -1)
    expect([...starts].sort((a, b) => a - b)).toEqual(starts)
    expect(f.every((x) => x.source.length > 10 && x.message.length > 10)).toBe(true)
  })
})

describe('RV-01 briefs', () => {
  it('flags payment conditioned on sentiment', () => {
    expect(checkBriefText('Leave a 5-star review and only positive comments').map((f) => f.ruleId)).toEqual(['RV-01', 'RV-01'])
  })
  it('leaves honest briefs alone', () => {
    expect(checkBriefText('Share your honest opinion of the shoes after 3 runs.')).toEqual([])
  })
})

// France: Loi n° 2023-451 du 9 juin 2023, art. 5 I — « Publicité » ou « Collaboration commerciale ».
describe('France (FR-01): « Publicité » or « Collaboration commerciale »', () => {
  const fr = { jurisdiction: 'FR' } as const
  it.each([
    ['Publicité first', 'Publicité | mes nouvelles baskets @acme'],
    ['without the accent, as phones often type it', 'Publicite - mes nouvelles baskets'],
    ['upper case', 'PUBLICITÉ mes nouvelles baskets'],
    ['as a hashtag', '#publicité mes nouvelles baskets'],
    ['Collaboration commerciale', 'Collaboration commerciale avec Acme : mes nouvelles baskets'],
    ['#CollaborationCommerciale', '#CollaborationCommerciale mes nouvelles baskets'],
  ])('accepts %s', (_name, caption) => {
    expect(ids(caption, fr)).toEqual([])
  })
  it('#ad alone is not the French mention: LX-01 plus FR-01 on the tag, with the law as source', () => {
    const caption = 'Mes nouvelles baskets #ad'
    const f = check(caption, fr)
    expect(f.map((x) => x.ruleId)).toEqual(['LX-01', 'FR-01'])
    const fr01 = f.find((x) => x.ruleId === 'FR-01')!
    expect(caption.slice(fr01.span!.start, fr01.span!.end)).toBe('#ad')
    expect(fr01.severity).toBe('blocking')
    expect(fr01.source).toMatch(/Loi n° 2023-451/)
    expect(f.find((x) => x.ruleId === 'LX-01')!.message).toContain('« Publicité » or « Collaboration commerciale »')
  })
  it.each(['#sponsorisé', 'en partenariat avec Acme', '#pub', 'Sponsored', '#gifted'])('"%s" is not enough in France', (label) => {
    expect(ids(`Mes baskets ${label}`, { ...fr, connectionType: 'gifted' })).toEqual(expect.arrayContaining(['LX-01', 'FR-01']))
  })
  it('a word containing the mention does not count ("publicitaire")', () => {
    expect(ids('Un look publicitaire', fr)).toEqual(['LX-01'])
  })
  it('the fold still applies: « Publicité » after "more" on Instagram is PL-01', () => {
    expect(ids('Une longue journée\nde course\nau soleil\nencore\nPublicité', fr)).toEqual(['PL-01'])
  })
  it('no "Ad first" rule (PL-05) in France', () => {
    expect(ids('Mes baskets Publicité', fr)).toEqual([])
  })
  it('English #ad next to « Publicité » is fine', () => {
    expect(ids('Publicité #ad mes baskets', fr)).toEqual([])
  })
})

// Germany: § 5a Abs. 4 UWG, § 22 MStV, Leitfaden der Medienanstalten — "Werbung" or "Anzeige" at the start.
describe('Germany (DE-01, DE-02): "Werbung" or "Anzeige" at the start', () => {
  const de = { jurisdiction: 'DE' } as const
  it.each([
    ['Werbung first', 'Werbung | meine neuen Laufschuhe von @acme'],
    ['Anzeige first', 'Anzeige: meine neuen Laufschuhe'],
    ['#Werbung first', '#Werbung meine neuen Laufschuhe'],
    ['#anzeige first', '#anzeige meine neuen Laufschuhe'],
    ['Unbezahlte Werbung (a gift)', 'Unbezahlte Werbung: meine neuen Laufschuhe'],
  ])('accepts %s', (_name, caption) => {
    expect(ids(caption, de)).toEqual([])
  })
  it('"Werbung" later in the caption is DE-02 (blocking), pointing at the label', () => {
    const caption = 'Meine neuen Laufschuhe #werbung'
    const f = check(caption, de)
    expect(f.map((x) => [x.ruleId, x.severity])).toEqual([['DE-02', 'blocking']])
    expect(caption.slice(f[0]!.span!.start, f[0]!.span!.end)).toBe('#werbung')
    expect(f[0]!.source).toMatch(/UWG/)
  })
  it.each(['Ad', '#ad', 'Sponsored by Acme', 'In Kooperation mit Acme', '#gesponsert'])('"%s" is not enough in Germany: LX-01 + DE-01', (label) => {
    const f = check(`${label} meine neuen Laufschuhe`, de)
    expect(f.map((x) => x.ruleId)).toEqual(['LX-01', 'DE-01'])
    expect(f[1]!.span).toEqual({ start: 0, end: label.indexOf(' Acme') > 0 ? label.indexOf(' Acme') : label.length })
    expect(f.find((x) => x.ruleId === 'LX-01')!.message).toContain('"Werbung" or "Anzeige"')
  })
  it('no English "Ad first" rule (PL-05) in Germany', () => {
    expect(ids('Werbung meine Schuhe', de)).not.toContain('PL-05')
  })
  it('an employee says so in German', () => {
    expect(ids('Werbung: ich arbeite bei Acme und liebe die Schuhe', { ...de, connectionType: 'employee' })).toEqual([])
    expect(ids('Werbung: ich liebe die Schuhe', { ...de, connectionType: 'employee' })).toEqual(['RV-02'])
  })
})
