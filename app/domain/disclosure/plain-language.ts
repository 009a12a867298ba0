/**
 * Plain-language disclosures: sentences, not tags. The FTC accepts clear words ("Acme paid me for this
 * video", "Acme sent me these for free", "I earn a commission if you buy through my link") as well as #ad.
 * Vague ones ("thanks Acme!", "love my friends at Acme", "in partnership with Acme") are not disclosures.
 * Denials ("not sponsored", "keine Werbung") and maybes ("I wish Acme would sponsor me", "is this an ad?")
 * are not either, and they switch off an "ad" or "sponsored" they contain.
 *
 * This module only finds what a sentence says. The caption checker decides what that is worth in each
 * jurisdiction: a paid sentence is a disclosure in the US; in the UK/IE it is not the "Ad" the CMA asks
 * for; in France and Germany the law names the words (« Publicité », "Werbung"), so a sentence is explained
 * as not that mention. Sources per example are in tests/unit/disclosure/plain-language-corpus.ts.
 *
 * Pure and deterministic; offsets are UTF-16 indexes into the original caption.
 */

export type PlainKind =
  /** The brand paid, sponsored or hired the creator for this. */
  | 'paid'
  /** The brand gave the product free. */
  | 'gift'
  /** The creator earns from purchases through their link or code. */
  | 'affiliate'
  /** The creator works for the brand. */
  | 'employee'
  /** Names the brand warmly without saying there is a connection ("thanks Acme", "in partnership with"). */
  | 'vague'
  /** Says there is no connection ("not sponsored", "I bought it myself", "keine Werbung"). */
  | 'denied'
  /** A question or a maybe ("is this an ad?", "if Acme paid me…", "I wish Acme would send me this"). */
  | 'hedged'

export type PlainLanguage = 'en' | 'fr' | 'de'

export interface PlainHit {
  start: number
  end: number
  kind: PlainKind
  lang: PlainLanguage
  /** For 'denied': it denies payment only ("not sponsored"), which is true of a gift. */
  paymentOnly?: boolean
}

/** Same length as the input, so offsets stay valid: curly apostrophes become straight ones. */
const straighten = (s: string) => s.replace(/[’‘ʼ`´]/g, "'")
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const compact = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

// Word edges that understand accents (JS \b is ASCII only).
const L = '(?<![\\p{L}\\p{N}_@#])'
const R = '(?![\\p{L}\\p{N}_])'
/** Up to n more words in the same sentence. */
const gap = (n: number) => `(?:[\\s,]+[^\\s.!?…]+){0,${n}}?`
const S = '[\\s,]+'

/** The brand as people write it: "Acme Labs", "AcmeLabs", "@acmelabs", "@acme_labs", and any handle from the brief. */
export function brandAlternatives(brandName: string, handles: readonly string[] = []): string {
  const alts = new Set<string>()
  const name = brandName.trim()
  if (name) {
    alts.add(name.split(/\s+/).map(escapeRe).join('[\\s_.-]*'))
    const c = compact(name)
    if (c) alts.add(escapeRe(c))
  }
  for (const h of handles) {
    const bare = h.trim().replace(/^[@＠]/, '')
    if (bare) alts.add(escapeRe(bare))
  }
  if (alts.size === 0) return '(?!)'
  // Longest first, so "Acme Labs" wins over "Acme".
  const sorted = [...alts].sort((a, b) => b.length - a.length)
  return `${L}@?(?:${sorted.join('|')})${R}(?:'s(?:\\s+team)?|\\s+team)?`
}

const FREE_EN = `(?:for\\s+free|free\\s+of\\s+charge|free|complimentary|at\\s+no\\s+(?:cost|charge)(?:\\s+to\\s+me)?|gratis|as\\s+(?:a\\s+)?gifts?|without\\s+(?:charge|paying))${R}`
/** "free shipping" is an offer to buyers, not a gift to the creator. */
const NOT_A_GIFT = /\bfree\s+(?:shipping|delivery|returns?|trials?|gift\s*wrap(?:ping)?|with\s+(?:purchase|every|any))\b/i
const ME = `(?:me|us)${R}`
const POST = `(?:this|these|today's|the|my|our)(?:\\s+[^\\s.!?…]+){0,2}?\\s+(?:post|posts|video|videos|reel|reels|content|review|tiktok|episode|short|story|stories|giveaway|trip|collab|series|vlog|tutorial|look|routine)${R}`

interface Pattern {
  kind: PlainKind
  lang: PlainLanguage
  re: RegExp
  /** The match must also pass this test (on the whole sentence). */
  sentence?: (sentence: string) => boolean
  paymentOnly?: boolean
  /** The pattern is itself a condition on the reader ("if you buy…"), so "if" does not hedge it. */
  conditionalOk?: boolean
}

let cache: { key: string; list: Pattern[] } | null = null
function patterns(B: string): Pattern[] {
  if (cache?.key === B) return cache.list
  const list = buildPatterns(B)
  cache = { key: B, list }
  return list
}

function buildPatterns(B: string): Pattern[] {
  const p = (kind: PlainKind, lang: PlainLanguage, source: string, extra: Omit<Pattern, 'kind' | 'lang' | 're'> = {}): Pattern => ({
    kind,
    lang,
    re: new RegExp(source, 'giu'),
    ...extra,
  })
  const thanks = `${L}(?:thanks|thank\\s+you|thx|ty|big\\s+thanks|many\\s+thanks|huge\\s+thanks)(?:\\s+so\\s+much)?,?(?:\\s+to)?\\s+${B}`
  const hasFree = (s: string) => new RegExp(FREE_EN, 'iu').test(s) && !NOT_A_GIFT.test(s)
  return [
    // ---------- English: paid ----------
    p('paid', 'en', `${B}${S}(?:(?:has|have|is|are|was|kindly|just|actually)\\s+)*(?:paid|pays|paying|compensated|compensates|compensating|hired|hires)\\s+${ME}(?!\\s+(?:a\\s+)?(?:visit|compliment|tribute|attention|no\\s+mind))`),
    p('paid', 'en', `${B}${S}(?:(?:has|have|is|are|was|kindly|just)\\s+)*(?:paid|pays|paying)\\s+for\\s+${POST}`),
    p('paid', 'en', `${B}${S}(?:(?:has|have|is|are|was|kindly|just|proudly)\\s+)*(?:sponsored|sponsors|sponsoring)\\s+(?:${ME}|${POST})`),
    p('paid', 'en', `${L}(?:I|we)(?:'m|'re|'ve\\s+been|\\s+am|\\s+are|\\s+was|\\s+were|\\s+have\\s+been|\\s+got|\\s+get|\\s+am\\s+being|'m\\s+being|\\s+was\\s+being)\\s+(?:being\\s+|getting\\s+)?(?:paid|compensated|sponsored|hired)${R}(?:\\s+by\\s+${B}|\\s+(?:to|for)\\s+(?:post|make|share|create|film|review|promote|talk|feature|try|wear|use|do|this|these|it)${R})`),
    p('paid', 'en', `${L}(?:paid|compensated|sponsored)(?:\\s+for)?\\s+by\\s+${B}`),
    p('paid', 'en', `${L}paid\\s+(?:partnership|partnerships|collaboration|collab|promotion|post|ad|advertisement|endorsement|sponsorship|review|content|placement)${R}`),
    p('paid', 'en', `${thanks},?\\s+for\\s+(?:sponsoring|paying|the\\s+sponsorship|hiring)${R}`),
    p('paid', 'en', `${L}brought\\s+to\\s+you\\s+by\\s+${B}`),
    p('paid', 'en', `${L}in\\s+(?:a\\s+)?paid\\s+(?:partnership|collaboration)\\s+with\\s+${B}`),

    // ---------- English: gift ----------
    p('gift', 'en', `${B}${S}(?:(?:has|have|kindly|generously|just|sweetly|was\\s+kind\\s+enough\\s+to)\\s+)*(?:gifted|gifts|gift)\\s+(?:${ME}|this|these|it|them)`),
    p('gift', 'en', `${B}${S}(?:(?:has|have|kindly|generously|just|sweetly)\\s+)*(?:sent|sends|gave|gives|provided|provides|offered|mailed|shipped)${gap(7)}[\\s,]+${FREE_EN}`, {
      sentence: (s) => /\b(?:me|us)\b/i.test(s) && hasFree(s),
    }),
    // "Acme launched these and they sent me a pair for free": a pronoun, with the brand in the same sentence.
    p('gift', 'en', `${L}(?:they|she|he|the\\s+team|the\\s+brand|the\\s+lovely\\s+people)${S}(?:(?:have|has|kindly|generously|just|sweetly)\\s+)*(?:gifted|sent|gave|provided|mailed|shipped)${gap(7)}[\\s,]+(?:${FREE_EN}|(?:me|us)${R})`, {
      sentence: (s) => new RegExp(B, 'iu').test(s) && /\b(?:me|us)\b/i.test(s) && (hasFree(s) || /\bgifted\b/i.test(s)),
    }),
    p('gift', 'en', `${L}(?:was|were|got|been|being|is|are)\\s+(?:kindly\\s+|generously\\s+)?(?:sent|given|gifted|provided|offered|mailed|shipped)${gap(6)}\\s+by\\s+${B}`, {
      sentence: (s) => /\bgifted\b/i.test(s) || hasFree(s),
    }),
    p('gift', 'en', `${L}(?:kindly\\s+|generously\\s+)?(?:gifted|given\\s+to\\s+me|sent\\s+to\\s+me\\s+for\\s+free|provided\\s+free\\s+of\\s+charge)\\s+by\\s+${B}`),
    p('gift', 'en', `${L}(?:I|we)(?:'ve|\\s+have|\\s+just|\\s+recently)?\\s+(?:got|gotten|received|get|receive|was\\s+given|was\\s+sent|were\\s+sent)${R}${gap(8)}\\s+from\\s+${B}`, {
      sentence: hasFree,
    }),
    p('gift', 'en', `${thanks},?\\s+for\\s+(?:the|my|these|this|sending|gifting|the\\s+lovely|the\\s+kind)${gap(6)}`, {
      sentence: (s) => hasFree(s) || /\b(?:gift|gifts|gifting|gifted)\b/i.test(s),
    }),
    p('gift', 'en', `${L}(?:(?:a|this|these|my)\\s+(?:is\\s+a\\s+|was\\s+a\\s+|were\\s+a\\s+)?)?(?:free|complimentary)\\s+(?:product|products|sample|samples|gift|gifts|pair|bottle|box|kit|item|items|copy|unit|package|pr\\s+package)\\s+(?:from|by|courtesy\\s+of)\\s+${B}`),
    p('gift', 'en', `${L}(?:a\\s+|this\\s+(?:is|was)\\s+a\\s+|these\\s+(?:are|were)\\s+a\\s+)?gifts?\\s+from\\s+${B}`),

    // ---------- English: affiliate ----------
    p('affiliate', 'en', `${L}(?:I|we)(?:\\s+may|\\s+might|\\s+will|\\s+could|\\s+do|'ll)?\\s+(?:earn|earns|get|make|receive|collect)\\s+(?:a\\s+)?(?:small\\s+|tiny\\s+)?(?:commissions?|a\\s+cut|money|a\\s+share|a\\s+percentage|a\\s+fee|paid|compensation|(?:a\\s+)?kickback)${R}`, {
      sentence: (s) => /\b(?:links?|purchases?|purchased|buy|buys|bought|shop|shopping|order|orders|code|sales?|sells?)\b/i.test(s),
      conditionalOk: true,
    }),
    p('affiliate', 'en', `${L}(?:I|we)\\s+earn\\s+from\\s+qualifying\\s+purchases${R}`, { conditionalOk: true }),
    p('affiliate', 'en', `${L}(?:commissions?\\s+(?:is|are)\\s+(?:earned|paid\\s+to\\s+me)|I\\s+(?:am|'m)\\s+paid\\s+(?:a\\s+commission\\s+)?(?:for|on)\\s+(?:every|each|any)\\s+(?:sale|purchase|order))${R}`, { conditionalOk: true }),

    // ---------- English: employee ----------
    p('employee', 'en', `${L}I(?:\\s+work\\s+(?:for|at)|\\s+am\\s+an\\s+employee\\s+(?:of|at)|'m\\s+an\\s+employee\\s+(?:of|at)|'m\\s+employed\\s+by|\\s+am\\s+employed\\s+by)\\s+${B}`),
    p('employee', 'en', `${L}(?:I'm|I\\s+am|as)\\s+an?\\s+${B}\\s+(?:employee|staff\\s+member|team\\s+member)${R}`),

    // ---------- English: vague ----------
    // A longer gift or paid sentence that starts with the same thanks wins over this one.
    p('vague', 'en', thanks),
    p('vague', 'en', `${L}(?:in\\s+(?:partnership|collaboration|association)\\s+with|partnered\\s+(?:up\\s+)?with|teamed\\s+up\\s+with|(?:collab|collaboration)\\s+with|working\\s+with|my\\s+(?:friends|pals|fam|family)\\s+(?:at|from)|shout\\s*-?\\s*out\\s+to|s\\/o\\s+(?:to\\s+)?|powered\\s+by|courtesy\\s+of|love\\s+(?:you\\s+)?)\\s*${B}`),
    p('vague', 'en', `${L}(?:(?:this|these)\\s+(?:is|are)\\s+(?:an?\\s+)?)?affiliate\\s+links?${R}`, {
      sentence: (s) => !/\b(?:commissions?|earn|earns|paid)\b/i.test(s),
    }),

    // ---------- English: denied ----------
    p('denied', 'en', `${L}(?:(?:this|it|that|the\\s+post|this\\s+post|this\\s+video)\\s+)?(?:(?:is|was)\\s+)?(?:not|never|no)\\s+(?:an?\\s+)?(?:ad|advert|advertisement|gifted|gift|affiliated)${R}`),
    p('denied', 'en', `${L}(?:isn't|wasn't|aren't|weren't)\\s+(?:an?\\s+)?(?:ad|advert|advertisement|gifted|gift)${R}`),
    p('denied', 'en', `${L}(?:isn't|wasn't|aren't|weren't|not|never|un)-?\\s*(?:been\\s+)?(?:sponsored|paid\\s+(?:post|ad|partnership|promotion|review|for))${R}(?:\\s+(?:post|video|content|by\\s+${B}))?`, { paymentOnly: true }),
    p('denied', 'en', `${L}(?:nobody|no\\s+one|no-one|noone)\\s+(?:(?:has|is|did)\\s+)?(?:paid|paying|pays|pay|sponsored|sponsoring|sponsor)\\s+(?:me|us|for)${R}`, { paymentOnly: true }),
    p('denied', 'en', `${B}${S}(?:didn't|did\\s+not|doesn't|does\\s+not|isn't|is\\s+not|hasn't|has\\s+not|never)\\s+(?:pay|paid|paying|sponsor|sponsored|sponsoring)${R}`, { paymentOnly: true }),
    p('denied', 'en', `${L}(?:I|we)(?:'m|\\s+am|\\s+was|\\s+were|'re|\\s+are|\\s+wasn't|\\s+weren't|'m\\s+not|\\s+am\\s+not|\\s+was\\s+not)\\s+(?:not\\s+)?(?:being\\s+)?(?:paid|sponsored|compensated)${R}`, {
      paymentOnly: true,
      sentence: (s) => /\b(?:not|wasn't|weren't)\b/i.test(s),
    }),
    p('denied', 'en', `${L}(?:I|we)\\s+(?:bought|paid\\s+for|purchased)\\s+(?:this|these|it|them|everything|all\\s+of\\s+(?:this|it|them)|my\\s+own)(?:\\s+[^\\s.!?…]+){0,3}?\\s+(?:myself|ourselves|with\\s+my\\s+own\\s+money)${R}`),
    p('denied', 'en', `(?<![\\p{L}\\p{N}_])(?:no\\s+affiliation|not\\s+affiliated|#notsponsored|#notanad|#nonsponsored|#notspon|#nospon)${R}`),

    // ---------- English: hedged ----------
    p('hedged', 'en', `${L}(?:is|was|isn't|wasn't)\\s+(?:this|it|that)\\s+(?:an?\\s+)?(?:ad|advert|advertisement|sponsored)\\s*\\?`),
    p('hedged', 'en', `${B}${S}(?:should|could|would|will|might|pls|please|plz)\\s+(?:\\w+\\s+)?(?:sponsor|pay|hire|gift|send)\\s+(?:me|us)${R}`),
    p('hedged', 'en', `${L}(?:sponsor|pay|hire)\\s+me\\s+${B}`),
    p('hedged', 'en', `${L}(?:did|does|will|would|could|should)\\s+${B}${S}(?:ever\\s+)?(?:pay|sponsor|send|gift|hire)${R}`),

    // ---------- French ----------
    p('paid', 'fr', `${L}(?:sponsorisée?s?|financée?s?|payée?s?|rémunérée?s?)\\s+par\\s+${B}`),
    p('paid', 'fr', `${B}\\s+m'a\\s+(?:payée?|rémunérée?)${R}`),
    p('paid', 'fr', `${L}(?:partenariat|collaboration)\\s+rémunérée?\\s+avec\\s+${B}`),
    p('paid', 'fr', `${L}(?:partenariat|collaboration)\\s+rémunérée?${R}`),
    p('gift', 'fr', `${L}(?:offerte?s?|envoyée?s?\\s+gratuitement|reçue?s?\\s+gratuitement)\\s+par\\s+${B}`),
    p('gift', 'fr', `${B}\\s+m'a\\s+(?:gentiment\\s+)?(?:offert|fait\\s+cadeau|envoyé\\s+gratuitement)${R}`),
    p('gift', 'fr', `${L}(?:cadeau|produit\\s+offert|produits\\s+offerts)\\s+(?:de|par)\\s+${B}`),
    p('gift', 'fr', `${L}(?:j'ai\\s+)?reçue?s?\\s+gratuitement${R}`),
    p('affiliate', 'fr', `${L}je\\s+(?:touche|perçois|reçois|gagne)\\s+une\\s+(?:petite\\s+)?commission${R}`, { conditionalOk: true }),
    p('vague', 'fr', `${L}(?:merci\\s+(?:à\\s+)?|en\\s+partenariat\\s+avec\\s+|en\\s+collaboration\\s+avec\\s+)${B}`),
    p('denied', 'fr', `${L}(?:ce\\s+n'est\\s+pas\\s+une\\s+(?:pub|publicité|collaboration\\s+commerciale)|pas\\s+de\\s+(?:pub|publicité)|non\\s+sponsorisée?|pas\\s+sponsorisée?|pas\\s+une\\s+(?:pub|publicité))${R}`),
    p('denied', 'fr', `${L}(?:acheté|achetée|achetés|achetées)\\s+(?:moi-même|par\\s+moi-même|avec\\s+mon\\s+argent)${R}`),

    // ---------- German ----------
    p('paid', 'de', `${L}(?:gesponsert|bezahlt|finanziert)\\s+(?:von|durch)\\s+${B}`),
    p('paid', 'de', `${B}\\s+hat\\s+mich\\s+(?:dafür\\s+)?bezahlt${R}`),
    p('paid', 'de', `${L}(?:bezahlte|bezahlter)\\s+(?:Partnerschaft|Kooperation|Zusammenarbeit)${R}`),
    p('gift', 'de', `${L}(?:kostenlos|gratis|unentgeltlich|kostenfrei)\\s+(?:zur\\s+Verfügung\\s+gestellt|bekommen|erhalten|zugeschickt|geschickt)${R}`),
    p('gift', 'de', `${L}(?:von\\s+${B}\\s+geschenkt|Geschenk\\s+von\\s+${B}|${B}\\s+hat\\s+mir${gap(5)}\\s+geschenkt)${R}`),
    p('affiliate', 'de', `${L}(?:ich|wir)\\s+(?:erhalte|bekomme|verdiene|erhalten|bekommen|verdienen)\\s+(?:eine\\s+)?(?:kleine\\s+)?Provision${R}`, { conditionalOk: true }),
    p('vague', 'de', `${L}(?:danke\\s+(?:an\\s+)?|in\\s+Kooperation\\s+mit\\s+|in\\s+Zusammenarbeit\\s+mit\\s+)${B}`),
    p('denied', 'de', `${L}(?:keine\\s+Werbung|keine\\s+Anzeige|nicht\\s+gesponsert|kein\\s+Sponsoring|nicht\\s+bezahlt|ohne\\s+Werbung)${R}`),
    p('denied', 'de', `${L}(?:selbst|selber)\\s+gekauft${R}`),
  ]
}

/** Words before a statement that make it a maybe: "if", "I wish", "hopefully", "would"... */
const HEDGE_BEFORE = /(?:^|[^\p{L}])(?:if|unless|wish|wished|hope|hoping|hopefully|would|could|should|might|maybe|perhaps|someday|one\s+day|dream|dreaming|imagine|pretend|when\s+will|si|j'aimerais|j'espère|peut-être|un\s+jour|wenn|falls|hoffe|hoffentlich|würde|wäre|vielleicht)(?:[^\p{L}]|$)/iu
const QUESTION_START = /^\s*(?:did|does|do|is|was|has|have|would|will|can|could|should|why|who|what|guess\s+if|est-ce\s+que|hat|ist|war|würde)(?:[^\p{L}]|$)/iu
/** "if you buy through my link" is a condition on the reader, not a maybe about the deal. */
const READER_CONDITION = /\b(?:if|when)\s+you\b|\bsi\s+vous\b|\bwenn\s+(?:ihr|du|sie)\b/giu

function sentenceBounds(text: string, at: number, end: number): { start: number; end: number } {
  let s = at
  while (s > 0 && !/[.!?…\n]/.test(text[s - 1]!)) s--
  let e = end
  while (e < text.length && !/[.!?…\n]/.test(text[e]!)) e++
  // The sentence's own mark ("?") belongs to it.
  while (e < text.length && /[.!?…]/.test(text[e]!)) e++
  return { start: s, end: e }
}

function hedged(text: string, start: number, end: number, conditionalOk: boolean): boolean {
  const b = sentenceBounds(text, start, end)
  let before = text.slice(b.start, start)
  if (conditionalOk) before = before.replace(READER_CONDITION, ' ')
  if (HEDGE_BEFORE.test(before)) return true
  // A question about the deal: "Did Acme pay me for this?" (not "Acme sent me these, which one first?").
  return /\?\s*$/.test(text.slice(b.start, b.end)) && QUESTION_START.test(before)
}

/** Everything the caption says about the connection, in plain words, in caption order. */
export function findPlainLanguage(caption: string, brandName: string, handles: readonly string[] = []): PlainHit[] {
  const text = straighten(caption)
  const B = brandAlternatives(brandName, handles)
  const raw: PlainHit[] = []
  for (const pat of patterns(B)) {
    for (const m of text.matchAll(pat.re)) {
      const start = m.index!
      // Trim trailing spaces and commas the gaps may have eaten.
      const end = start + m[0].replace(/[\s,]+$/u, '').length
      if (end <= start) continue
      const b = sentenceBounds(text, start, end)
      const sentence = text.slice(b.start, b.end)
      if (pat.sentence && !pat.sentence(sentence)) continue
      let kind = pat.kind
      if (kind !== 'denied' && kind !== 'hedged' && kind !== 'vague' && hedged(text, start, end, pat.conditionalOk ?? false)) kind = 'hedged'
      raw.push({ start, end, kind, lang: pat.lang, ...(pat.kind === 'denied' && pat.paymentOnly ? { paymentOnly: true } : {}) })
    }
  }
  // A denial wins over what it contains ("nobody paid me" is not "paid me"); otherwise the longer hit wins.
  const rank = (h: PlainHit) => (h.kind === 'denied' ? 3 : h.kind === 'hedged' ? 2 : 1)
  raw.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start))
  const kept: PlainHit[] = []
  for (const h of raw) {
    const clash = kept.findIndex((k) => h.start < k.end && k.start < h.end)
    if (clash === -1) {
      kept.push(h)
      continue
    }
    const k = kept[clash]!
    const better = rank(h) > rank(k) || (rank(h) === rank(k) && h.end - h.start > k.end - k.start && h.kind !== 'vague')
    if (better) kept[clash] = h
  }
  return kept.sort((a, b) => a.start - b.start)
}

/** Sentences around a position that are negations or maybes: a token "ad" inside them is not a disclosure. */
export function switchedOff(hits: readonly PlainHit[], start: number, end: number): PlainHit | undefined {
  return hits.find((h) => (h.kind === 'denied' || h.kind === 'hedged') && h.start <= start && h.end >= end)
}

/**
 * A label word ("ad", "sponsored", "Werbung") inside a maybe: "if this were an ad…", "I hope this gets
 * sponsored". Only the few words before it, in its sentence, are read; "if you buy…" is not a maybe.
 */
export function hedgedWord(caption: string, start: number): boolean {
  const text = straighten(caption)
  const b = sentenceBounds(text, start, start)
  const words = text.slice(b.start, start).replace(READER_CONDITION, ' ').split(/\s+/).filter(Boolean)
  return HEDGE_BEFORE.test(words.slice(-4).join(' '))
}
