/**
 * The caption checker: pure, deterministic, runs in the browser as the creator types and on the
 * server at submit. Offsets are UTF-16 indexes into the original caption (caption.slice(start, end)).
 *
 * Decisions worth knowing:
 * - Tokens are compared after NFKC + lower-casing, so full-width "＃ａｄ" counts as #ad, while look-alike
 *   letters from other scripts (Cyrillic "а" in "#аd") never do — the message says why.
 * - "#gifted" is accepted for a gifted connection (US and UK/IE); on a paid/mixed/affiliate deal it is
 *   not a disclosure and MC-03 warns that it misdescribes the deal.
 * - Stories and live have no caption fold: the attestations (ST-01, VD-*) cover them.
 * - Character limits count code points (what the platforms count), offsets stay UTF-16.
 */
import type { ConnectionType, Format, Jurisdiction, Platform } from '#app/domain/catalog.ts'
import { RULES, type RuleId, type Severity } from './rules.ts'
import { compareCodes } from '#app/domain/compare-text.ts'
import { findPlainLanguage, hedgedWord, type PlainHit } from './plain-language.ts'

export type { Severity } from './rules.ts'

export interface MandatoryElements {
  hashtags: string[]
  handles: string[]
  links: string[]
  promoCode?: string | null
}

export interface CaptionCheckInput {
  caption: string
  platform: Platform
  format: Format
  connectionType: ConnectionType
  jurisdiction: Jurisdiction
  brandName: string
  mandatory?: MandatoryElements
  bannedWords?: string[]
  approvedClaims?: string[]
}

export interface Finding {
  ruleId: string
  severity: Severity
  message: string
  span: { start: number; end: number } | null
  source: string
}

export const CAPTION_LIMITS: Record<Platform, number> = { instagram: 2200, facebook: 2200, tiktok: 4000, youtube: 5000, pinterest: 500 }

const FOLD_FORMATS: readonly Format[] = ['feed_post', 'carousel', 'reel']
const FIRST_100_FORMATS: readonly Format[] = ['tiktok_video', 'youtube_video', 'short']

interface Token {
  raw: string
  norm: string
  kind: 'hashtag' | 'mention' | 'url' | 'word'
  start: number
  end: number
}

const TOKEN_RE = /[#＃][\p{L}\p{N}\p{M}_]+|[@＠][\p{L}\p{N}_.]+|https?:\/\/[^\s<>"]+|[\p{L}\p{N}\p{M}]+/gu

export function tokenize(caption: string): Token[] {
  const out: Token[] = []
  for (const m of caption.matchAll(TOKEN_RE)) {
    const raw = m[0]
    const start = m.index!
    const norm = raw.normalize('NFKC').toLowerCase().replace(/\.+$/, '')
    const first = norm[0]
    const kind = first === '#' ? 'hashtag' : first === '@' ? 'mention' : norm.startsWith('http') ? 'url' : 'word'
    out.push({ raw, norm, kind, start, end: start + raw.length })
  }
  return out
}

/** A word is standalone unless it is glued into a domain, a hyphenated word or a contraction. */
function standalone(caption: string, t: Token): boolean {
  const prev = caption[t.start - 1] ?? ' '
  const next = caption[t.end] ?? ' '
  const after = caption[t.end + 1] ?? ' '
  if ("-‐'’/_".includes(prev) || "-‐'’/_".includes(next)) return false
  if (prev === '.' && /[\p{L}\p{N}]/u.test(caption[t.start - 2] ?? ' ')) return false
  if (next === '.' && /[\p{L}\p{N}]/u.test(after)) return false
  return true
}

const compact = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const brandPattern = (brand: string) =>
  brand
    .trim()
    .split(/\s+/)
    .map(escapeRe)
    .join('\\s*')

/** Common look-alikes from other scripts, to explain why "#аd" is not "#ad". */
const CONFUSABLE: Record<string, string> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', і: 'i', ѕ: 's', ԁ: 'd', ԛ: 'q', ᴀ: 'a', ɑ: 'a', α: 'a', ο: 'o' }
const unconfuse = (s: string) => [...s].map((ch) => CONFUSABLE[ch] ?? ch).join('')

interface Hit {
  start: number
  end: number
  /** foreign: a label of another language or an abbreviation where the law names the words (FR-01, DE-01). */
  kind: 'accepted' | 'rejected' | 'uk-rejected' | 'gifted' | 'employee' | 'foreign' | 'denied' | 'hedged'
  hashtag: boolean
  /** A denial of payment only ("not sponsored"), which is true of a gift. */
  paymentOnly?: boolean
}

/** How a jurisdiction's caption rules read a caption: US, UK/IE (the Ad family), France, Germany. */
type CaptionRegime = 'US' | 'UK' | 'FR' | 'DE'
export const captionRegime = (j: Jurisdiction): CaptionRegime => (j === 'UK' || j === 'IE' ? 'UK' : j)

/** Accents removed, for the French and German words ("Publicite" and "PUBLICITÉ" are « Publicité »). */
const bare = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '')

/**
 * France (loi n° 2023-451, art. 5 I) names the two mentions; Germany (Medienanstalten) asks for "Werbung"
 * or "Anzeige". The English labels, gift tags and abbreviations below are explained as not enough there.
 */
const LOCAL: Record<'FR' | 'DE', { words: Set<string>; tags: Set<string>; phrases: RegExp[]; foreign: Set<string>; foreignPhrases: RegExp[] }> = {
  FR: {
    words: new Set(['publicite']),
    tags: new Set(['#publicite', '#collaborationcommerciale']),
    phrases: [/\bcollaboration\s+commerciale\b/giu],
    foreign: new Set(['#ad', 'ad', '#sponsored', 'sponsored', '#sponsorise', 'sponsorise', '#partenariat', 'partenariat', '#pub', 'pub', '#gifted', '#advert', 'advert', 'advertisement', '#advertisement', '#paid', '#cadeau', '#offert']),
    foreignPhrases: [/\ben\s+partenariat\s+avec\b/giu, /\bpaid partnership\b/giu],
  },
  DE: {
    words: new Set(['werbung', 'anzeige']),
    tags: new Set(['#werbung', '#anzeige', '#unbezahltewerbung']),
    phrases: [],
    foreign: new Set(['#ad', 'ad', '#sponsored', 'sponsored', '#gesponsert', 'gesponsert', '#kooperation', 'kooperation', '#gifted', '#advert', 'advert', 'advertisement', '#advertisement', '#paid', '#partner']),
    foreignPhrases: [/\bsponsored by\b/giu, /\bpowered by\b/giu, /\bin kooperation mit\b/giu, /\bpaid partnership\b/giu],
  },
}

function findDisclosures(input: CaptionCheckInput, tokens: Token[]): { hits: Hit[]; lookalike: Token | null } {
  const { caption, jurisdiction, connectionType } = input
  const brand = compact(input.brandName)
  const regime = captionRegime(jurisdiction)
  const uk = regime === 'UK'
  const hits: Hit[] = []
  let lookalike: Token | null = null
  const phrase = (re: RegExp, kind: Hit['kind']) => {
    for (const m of caption.matchAll(re)) hits.push({ start: m.index!, end: m.index! + m[0].length, kind, hashtag: false })
  }
  const b = brandPattern(input.brandName)

  if (regime === 'FR' || regime === 'DE') {
    const local = LOCAL[regime]
    for (const t of tokens) {
      const n = bare(t.norm)
      if (t.kind === 'hashtag') {
        if (local.tags.has(n)) hits.push({ start: t.start, end: t.end, kind: 'accepted', hashtag: true })
        else if (local.foreign.has(n)) hits.push({ start: t.start, end: t.end, kind: 'foreign', hashtag: true })
        else if (['#sp', '#spon', '#collab', '#ambassador', '#partnership'].includes(n)) hits.push({ start: t.start, end: t.end, kind: 'rejected', hashtag: true })
        else if (!lookalike && local.tags.has(unconfuse(n))) lookalike = t
      } else if (t.kind === 'word' && standalone(caption, t)) {
        if (local.words.has(n)) hits.push({ start: t.start, end: t.end, kind: 'accepted', hashtag: false })
        else if (local.foreign.has(n)) hits.push({ start: t.start, end: t.end, kind: 'foreign', hashtag: false })
        else if (!lookalike && local.words.has(unconfuse(n))) lookalike = t
      }
    }
    for (const re of local.phrases) phrase(re, 'accepted')
    for (const re of local.foreignPhrases) phrase(re, 'foreign')
    if (regime === 'FR') phrase(new RegExp(`\\bje (?:travaille pour|suis salariée? (?:de|chez)) @?${b}`, 'giu'), 'employee')
    else phrase(new RegExp(`\\bich arbeite (?:für|bei) @?${b}`, 'giu'), 'employee')
    return { hits: withPlainLanguage(input, hits), lookalike }
  }

  const acceptedTags = uk
    ? new Set(['#ad', '#advert', '#advertisement'])
    : new Set(['#ad', '#advertisement', '#sponsored', '#paid', `#${brand}partner`, `#${brand}ambassador`, `#${brand}employee`])
  const acceptedWords = uk ? new Set(['ad', 'advert', 'advertisement']) : new Set(['ad', 'advertisement', 'sponsored'])
  const rejectedTags = new Set(['#sp', '#spon', '#collab', '#partner', '#ambassador', '#partnership'])
  const ukRejected = new Set(['#sponsored', 'sponsored', '#affiliate', '#paid'])

  for (const t of tokens) {
    if (t.kind === 'hashtag') {
      if (acceptedTags.has(t.norm)) hits.push({ start: t.start, end: t.end, kind: t.norm === `#${brand}employee` ? 'employee' : 'accepted', hashtag: true })
      else if (t.norm === '#gifted') hits.push({ start: t.start, end: t.end, kind: connectionType === 'gifted' ? 'accepted' : 'gifted', hashtag: true })
      else if (uk && ukRejected.has(t.norm)) hits.push({ start: t.start, end: t.end, kind: 'uk-rejected', hashtag: true })
      else if (rejectedTags.has(t.norm)) hits.push({ start: t.start, end: t.end, kind: 'rejected', hashtag: true })
      else if (!uk && t.norm === `#${brand}employee`) hits.push({ start: t.start, end: t.end, kind: 'employee', hashtag: true })
      else if (!lookalike && (acceptedTags.has(unconfuse(t.norm)) || unconfuse(t.norm) === '#gifted')) lookalike = t
    } else if (t.kind === 'word' && standalone(caption, t)) {
      if (acceptedWords.has(t.norm)) hits.push({ start: t.start, end: t.end, kind: 'accepted', hashtag: false })
      else if (uk && t.norm === 'sponsored') hits.push({ start: t.start, end: t.end, kind: 'uk-rejected', hashtag: false })
      else if (!lookalike && acceptedWords.has(unconfuse(t.norm)) && t.norm.length <= 13) lookalike = t
    }
  }

  if (uk) {
    phrase(/\badvertisement feature\b/giu, 'accepted')
    phrase(/\bin association with\b/giu, 'uk-rejected')
  }
  return { hits: withPlainLanguage(input, hits), lookalike }
}

/**
 * What a plain-language sentence is worth here (plain-language.ts finds them): in the US a sentence that
 * says the brand paid, gave or pays per sale is a disclosure; in the UK/IE it is not the "Ad" the CMA asks
 * for; in France and Germany the law names the words. Denials and maybes switch off the labels inside them.
 */
function plainKind(h: PlainHit, regime: CaptionRegime, connectionType: ConnectionType): Hit['kind'] {
  if (h.kind === 'vague') return 'rejected'
  if (h.kind === 'denied' || h.kind === 'hedged' || h.kind === 'employee') return h.kind
  if (regime === 'FR' || regime === 'DE') return 'foreign'
  if (h.kind === 'gift') {
    const giftDeal = connectionType === 'gifted' || (regime === 'US' && connectionType === 'mixed')
    return giftDeal ? 'accepted' : 'gifted'
  }
  return regime === 'UK' ? 'uk-rejected' : 'accepted'
}

function withPlainLanguage(input: CaptionCheckInput, tokenHits: Hit[]): Hit[] {
  const { caption, connectionType } = input
  const regime = captionRegime(input.jurisdiction)
  const plain = findPlainLanguage(caption, input.brandName, input.mandatory?.handles ?? [])
  const off = (h: Hit) => plain.some((p) => (p.kind === 'denied' || p.kind === 'hedged') && p.start <= h.start && p.end >= h.end)
  const hits: Hit[] = []
  for (const h of tokenHits) {
    if (off(h)) continue
    // "If this were an ad…": a label word inside a maybe is not a label.
    if (!h.hashtag && h.kind === 'accepted' && h.end - h.start < 20 && hedgedWord(caption, h.start)) {
      hits.push({ ...h, kind: 'hedged' })
      continue
    }
    hits.push(h)
  }
  for (const p of plain) {
    // France's and Germany's own lists already explain "Sponsored by" and "In Kooperation mit", and the
    // UK list "in association with" (LX-03). A denial still switches them off.
    const explained = p.kind !== 'denied' && p.kind !== 'hedged' && tokenHits.some((h) => (h.kind === 'foreign' || h.kind === 'uk-rejected') && h.start < p.end && p.start < h.end)
    if (explained) continue
    hits.push({ start: p.start, end: p.end, kind: plainKind(p, regime, connectionType), hashtag: false, ...(p.paymentOnly ? { paymentOnly: true } : {}) })
  }
  // "Sponsored by Acme" is one finding, not one for the sentence and one for "Sponsored".
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.kind === h.kind && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start))
  return kept.sort((x, y) => x.start - y.start)
}

/** Where "more" cuts the caption: first 3 lines and 125 code points, whichever ends first. */
export function foldOffset(caption: string, platform: Platform, format: Format): number | null {
  if ((platform === 'instagram' || platform === 'facebook') && FOLD_FORMATS.includes(format)) {
    let lines = 0
    let byLines = caption.length
    for (let i = 0; i < caption.length; i++) {
      if (caption[i] === '\n') {
        lines++
        if (lines === 3) {
          byLines = i
          break
        }
      }
    }
    return Math.min(byLines, utf16OffsetOfCodePoint(caption, 125))
  }
  if (FIRST_100_FORMATS.includes(format)) return utf16OffsetOfCodePoint(caption, 100)
  return null
}

function utf16OffsetOfCodePoint(s: string, n: number): number {
  let count = 0
  let i = 0
  while (i < s.length && count < n) {
    const cp = s.codePointAt(i)!
    i += cp > 0xffff ? 2 : 1
    count++
  }
  return i
}

/** Hashtags in a run of 3+ (only whitespace between them), or in the trailing hashtag block. */
function inHashtagCluster(caption: string, tokens: Token[], hit: Hit): boolean {
  const tags = tokens.filter((t) => t.kind === 'hashtag')
  const runs: Token[][] = []
  for (const t of tags) {
    const last = runs.at(-1)?.at(-1)
    if (last && /^\s*$/.test(caption.slice(last.end, t.start))) runs.at(-1)!.push(t)
    else runs.push([t])
  }
  const run = runs.find((r) => r.some((t) => t.start === hit.start))
  if (!run) return false
  if (run.length >= 3) return true
  const trailing = run.length >= 2 && /^\s*$/.test(caption.slice(run.at(-1)!.end))
  return trailing
}

function finding(ruleId: RuleId, message: string, span: { start: number; end: number } | null, severity?: Severity): Finding {
  const rule = RULES[ruleId]
  return { ruleId, severity: severity ?? rule.severity, message, span, source: rule.source }
}

const PLATFORM_NAME: Record<Platform, string> = { instagram: 'Instagram', facebook: 'Facebook', tiktok: 'TikTok', youtube: 'YouTube', pinterest: 'Pinterest' }

export function suggestedDisclosure(input: Pick<CaptionCheckInput, 'jurisdiction' | 'connectionType' | 'brandName'>): string {
  if (input.jurisdiction === 'FR') return '« Publicité » or « Collaboration commerciale »'
  if (input.jurisdiction === 'DE') return '"Werbung" or "Anzeige" (as the first word)'
  if (input.jurisdiction !== 'US') return input.connectionType === 'gifted' ? '"Ad" or #gifted' : '"Ad" (as the first word) or #ad'
  if (input.connectionType === 'gifted') return `#ad or "${input.brandName} gave me this for free"`
  if (input.connectionType === 'affiliate') return '#ad or "I earn a commission from purchases through my links"'
  if (input.connectionType === 'employee') return `#${input.brandName.replace(/\s+/g, '')}Employee`
  return `#ad or "Paid partnership with ${input.brandName}"`
}

export function checkCaption(input: CaptionCheckInput): Finding[] {
  const { caption, platform, format, jurisdiction, connectionType } = input
  const findings: Finding[] = []
  const tokens = tokenize(caption)
  const { hits, lookalike } = findDisclosures(input, tokens)
  const accepted = hits.filter((h) => h.kind === 'accepted' || (h.kind === 'employee' && jurisdiction === 'US'))
  const fold = foldOffset(caption, platform, format)
  const where = fold === null ? '' : FOLD_FORMATS.includes(format) ? ' in the first line' : ' in the first 100 characters'
  const suggestion = suggestedDisclosure(input)

  // Length
  const limit = CAPTION_LIMITS[platform]
  const length = [...caption].length
  if (length > limit) {
    findings.push(finding('LN-01', `The caption is ${length.toLocaleString('en-US')} characters; ${PLATFORM_NAME[platform]} allows ${limit.toLocaleString('en-US')}. Shorten it by ${(length - limit).toLocaleString('en-US')}.`, { start: utf16OffsetOfCodePoint(caption, limit), end: caption.length }))
  }

  // Wording
  if (accepted.length === 0) {
    const look = lookalike ? ` "${lookalike.raw}" uses look-alike letters from another alphabet, so it does not count: type it again on a plain keyboard.` : ''
    findings.push(finding('LX-01', `No disclosure found. Add ${suggestion}${where}.${look}`, lookalike ? { start: lookalike.start, end: lookalike.end } : null))
    for (const h of hits.filter((x) => x.kind === 'hedged')) {
      findings.push(finding('LX-02', `"${caption.slice(h.start, h.end)}" is a question or a maybe, so it does not tell people this is an ad. Say it plainly: ${suggestion}.`, { start: h.start, end: h.end }))
    }
    const rejected = hits.filter((h) => h.kind === 'rejected')
    for (const h of rejected) {
      findings.push(finding('LX-02', `"${caption.slice(h.start, h.end)}" is too vague to tell people this is an ad. Use ${suggestion} instead.`, { start: h.start, end: h.end }))
    }
    for (const h of hits.filter((x) => x.kind === 'foreign')) {
      const word = caption.slice(h.start, h.end)
      if (jurisdiction === 'FR') findings.push(finding('FR-01', `In France the post must say « Publicité » or « Collaboration commerciale »: "${word}" is not that mention. Write « Publicité » instead.`, { start: h.start, end: h.end }))
      else findings.push(finding('DE-01', `In Germany "${word}" is not enough: label the post "Werbung" or "Anzeige", in German, at the start.`, { start: h.start, end: h.end }))
    }
    if (captionRegime(jurisdiction) === 'UK') {
      for (const h of hits.filter((x) => x.kind === 'uk-rejected')) {
        findings.push(finding('LX-03', `In the ${jurisdiction === 'UK' ? 'UK' : 'Republic of Ireland'}, "${caption.slice(h.start, h.end)}" is not enough on its own. Start the caption with "Ad" or #ad.`, { start: h.start, end: h.end }))
      }
    }
  }
  for (const h of hits.filter((x) => x.kind === 'denied')) {
    // "Not sponsored" is true of a gift; anything else that says "no deal" contradicts this one.
    if (h.paymentOnly && connectionType === 'gifted') continue
    const fix = accepted.length > 0 ? 'Remove it' : `Remove it and add ${suggestion}`
    findings.push(finding('LX-02', `"${caption.slice(h.start, h.end)}" tells people there is no deal with ${input.brandName}, but this is a ${connectionType} deal. ${fix}.`, { start: h.start, end: h.end }))
  }
  for (const h of hits.filter((x) => x.kind === 'gifted')) {
    findings.push(finding('MC-03', `"${caption.slice(h.start, h.end)}" says the product was a gift, but this is a ${connectionType} deal. Use ${suggestion} so it matches what was agreed.`, { start: h.start, end: h.end }))
  }

  // Employee
  if (connectionType === 'employee' && !hits.some((h) => h.kind === 'employee')) {
    const tag = `#${input.brandName.replace(/\s+/g, '')}Employee`
    findings.push(finding('RV-02', `Say that you work for ${input.brandName}: add ${tag} or "I work for ${input.brandName}".`, null))
  }

  // Placement
  const first = accepted[0]
  if (first && fold !== null) {
    if (first.start >= fold) {
      const rule: RuleId = FOLD_FORMATS.includes(format) ? 'PL-01' : 'PL-02'
      findings.push(
        finding(rule, rule === 'PL-01'
          ? `"${caption.slice(first.start, first.end)}" is hidden behind "more". Move it to the first line (the first 3 lines and 125 characters are visible).`
          : `"${caption.slice(first.start, first.end)}" is past the first 100 characters. Move it to the start of the ${platform === 'youtube' ? 'description' : 'caption'}.`,
        { start: first.start, end: first.end }),
      )
    }
  }
  // PL-03: the disclosure is only inside a hashtag cluster (another clear, visible disclosure is enough).
  const visible = (h: Hit) => fold === null || h.start < fold
  const clear = accepted.some((h) => visible(h) && !(h.hashtag && inHashtagCluster(caption, tokens, h)))
  const buried = accepted.find((h) => h.hashtag && inHashtagCluster(caption, tokens, h))
  if (buried && !clear) {
    findings.push(
      finding('PL-03', `"${caption.slice(buried.start, buried.end)}" is buried in a group of hashtags where people skip it. Put it on its own, near the start.`, { start: buried.start, end: buried.end }, visible(buried) ? 'warning' : 'blocking'),
    )
  }
  if (jurisdiction === 'DE' && first) {
    // "Werbung" / "Anzeige" (or "Unbezahlte Werbung") opens the caption.
    const opening = tokens[0]?.norm === 'unbezahlte' ? tokens[1] : tokens[0]
    if (!opening || opening.start !== first.start) {
      findings.push(finding('DE-02', `Start the caption with "${caption.slice(first.start, first.end).replace(/^#/, '')}": in Germany the label comes first, before anything else.`, { start: first.start, end: first.end }))
    }
  }
  if (captionRegime(jurisdiction) === 'UK' && first) {
    const firstWord = tokens[0]
    const ok = firstWord && ['ad', '#ad', 'advert', '#advert', 'advertisement', '#advertisement'].includes(firstWord.norm)
    if (!ok) {
      findings.push(finding('PL-05', `Start the caption with "Ad" so it is the first thing people read.`, firstWord ? { start: firstWord.start, end: firstWord.end } : null, jurisdiction === 'IE' ? 'blocking' : 'warning'))
    }
  }

  // Mandatory elements from the brief
  const m = input.mandatory
  if (m) {
    const need: { label: string; find: () => { start: number; end: number } | null }[] = []
    for (const tag of m.hashtags.filter(Boolean)) {
      const want = ('#' + tag.replace(/^[#＃]/, '')).normalize('NFKC').toLowerCase()
      need.push({ label: `#${tag.replace(/^[#＃]/, '')}`, find: () => tokens.find((t) => t.kind === 'hashtag' && t.norm === want) ?? null })
    }
    for (const handle of m.handles.filter(Boolean)) {
      const want = ('@' + handle.replace(/^[@＠]/, '')).normalize('NFKC').toLowerCase()
      need.push({ label: `@${handle.replace(/^[@＠]/, '')}`, find: () => tokens.find((t) => t.kind === 'mention' && t.norm === want) ?? null })
    }
    for (const link of m.links.filter(Boolean)) {
      const bare = link.replace(/^https?:\/\//i, '').replace(/\/$/, '')
      const re = new RegExp(escapeRe(bare), 'iu')
      need.push({ label: bare, find: () => {
        const hit = re.exec(caption)
        return hit ? { start: hit.index, end: hit.index + hit[0].length } : null
      } })
    }
    if (m.promoCode) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(m.promoCode)}(?![\\p{L}\\p{N}])`, 'iu')
      need.push({ label: `code ${m.promoCode}`, find: () => {
        const hit = re.exec(caption)
        return hit ? { start: hit.index, end: hit.index + hit[0].length } : null
      } })
    }
    for (const n of need) {
      const at = n.find()
      if (!at) findings.push(finding('MB-01', `The brief asks for ${n.label} in the caption. Add it.`, null))
      else if (fold !== null && at.start >= fold) findings.push(finding('MB-02', `${n.label} is hidden behind "more". Move it up so people see it.`, at))
    }
  }

  // Banned words
  for (const word of (input.bannedWords ?? []).map((w) => w.trim()).filter(Boolean)) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(word)}(?![\\p{L}\\p{N}])`, 'giu')
    for (const hit of caption.matchAll(re)) {
      findings.push(finding('CL-02', `The brief does not allow "${hit[0]}". Remove it or use one of the approved claims.`, { start: hit.index!, end: hit.index! + hit[0].length }))
    }
  }

  return findings.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1) || compareCodes(a.ruleId, b.ruleId))
}

/** RV-01: a brief must never make payment depend on positive sentiment. */
export function checkBriefText(text: string): Finding[] {
  const out: Finding[] = []
  const re = /\b(?:5|five)[- ]?stars?\b|\bpositive reviews?\b|\bonly (?:positive|good)\b|\bgood reviews?\b|\bmust (?:love|praise)\b/giu
  for (const m of text.matchAll(re)) {
    out.push(finding('RV-01', `"${m[0]}" makes the content depend on a positive opinion, which the FTC prohibits. Ask for honest opinions instead.`, { start: m.index!, end: m.index! + m[0].length }))
  }
  return out
}

export const hasBlocking = (findings: readonly Finding[]) => findings.some((f) => f.severity === 'blocking')
