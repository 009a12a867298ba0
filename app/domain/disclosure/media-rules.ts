/**
 * Disclosure checks on the media itself (issue #15): pure functions from the text found in a video or
 * image (OCR segments, and speech segments when a speech engine ran) to findings with the same rule ids
 * and severities as the caption checker (rules.ts). What the machine cannot decide stays a manual tick
 * for the reviewer, with the reason ("no speech engine", "no text found").
 *
 * Decisions worth knowing:
 * - Text is compared after NFKD, accents removed and lower-cased: OCR often drops or adds accents
 *   ("Publicite"), and full-width letters count as their plain forms.
 * - Frames are sampled every `sampleIntervalMs` (2 fps), so a segment seen on frames at 0 s … 3.5 s
 *   ends at 4 s; the "~3 s" rule allows one sample of slack.
 * - VD-03: the label must appear at or before the first brand mention seen on screen (or heard, when a
 *   speech engine ran). A label in the first 3 s always passes; a later label with no brand seen before it
 *   cannot be decided without a speech engine (the brand may be named aloud first).
 * - France: the label must be on screen for the whole duration (VD-04 with the French rule); Germany: at
 *   the start (VD-03 with the German rule).
 */
import { VIDEO_FORMATS, type ConnectionType, type Format } from '#app/domain/catalog.ts'
import { RULES, type RuleId, type Severity } from './rules.ts'
import { JURISDICTION_MEDIA, type MediaJurisdiction } from './jurisdictions.ts'

export type MediaAnalysisStatus = 'queued' | 'running' | 'done' | 'failed' | 'unavailable'
export const MEDIA_PENDING: readonly MediaAnalysisStatus[] = ['queued', 'running']
export type MediaSegmentKind = 'ocr_text' | 'speech'

export interface MediaBox {
  x: number
  y: number
  w: number
  h: number
}

export interface MediaSegment {
  kind: MediaSegmentKind
  text: string
  startMs: number
  endMs: number
  thumbnailFileId?: string | null
  bbox?: MediaBox | null
}

/**
 * How much of a long video was read: every sampleIntervalMs up to `denseUntilMs`, then one frame every
 * `sparseIntervalMs`, up to `readUntilMs` (less than the duration when the frame budget ran out).
 */
export interface MediaCoverage {
  denseUntilMs: number
  sparseIntervalMs: number
  readUntilMs: number
}

/** One analysed file of a draft version. */
export interface AnalysedMedia {
  fileId: string
  status: MediaAnalysisStatus
  reason?: string | null
  mediaKind: 'video' | 'image' | null
  /** 0 for an image. */
  durationMs: number
  sampleIntervalMs: number
  /** Whether a speech engine transcribed the audio (none is installed today: see DECISIONS.md). */
  speechEngine: boolean
  /** Null: read every sampleIntervalMs from start to end. */
  coverage?: MediaCoverage | null
  segments: MediaSegment[]
}

export interface MediaCheckInput {
  format: Format
  jurisdiction: MediaJurisdiction
  connectionType?: ConnectionType
  /** Brand names, handles and product names from the brief: the "brand mentions". */
  brandTerms: string[]
  /** The brief says the media is retouched or generated (France: « Image retouchée » / « Image virtuelle »). */
  retouched?: boolean
  generated?: boolean
  media: AnalysedMedia[]
}

export interface MediaFinding {
  ruleId: string
  severity: Severity
  message: string
  source: string
  fileId: string
  /** The moment in the video the finding points at (null: the whole file). */
  atMs: number | null
  thumbnailFileId: string | null
}

export interface UndecidedCheck {
  id: string
  reason: string
}

export interface MediaCheckResult {
  findings: MediaFinding[]
  /** Rule ids the machine decided for every file (passed or failed): no manual tick for these. */
  decided: string[]
  /** Checks left to the reviewer, with the reason the machine could not decide. */
  undecided: UndecidedCheck[]
  /** Some analysis is still queued or running: approval waits. */
  pending: boolean
  /** What the machine did not read (long videos), one sentence each, for the creator and the reviewer. */
  notes: string[]
}

/** Minimum time on screen (FTC: long enough to be noticed and read). */
export const MIN_ON_SCREEN_MS = 3000
/** A label in this window counts as "at the start". */
export const START_WINDOW_MS = 3000

export const normalizeText = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Whether `text` contains `term` as whole words ("ad" in "#ad" or "AD |", never in "add" or "made"). */
export function containsTerm(text: string, term: string): boolean {
  const t = normalizeText(term).trim()
  if (!t) return false
  const body = t
    .replace(/^[#@]/, '')
    .split(/\s+/)
    .map(escapeRe)
    .join('\\s+')
  const re = new RegExp(`(?<![\\p{L}\\p{N}])[#@]?${body}(?![\\p{L}\\p{N}])`, 'u')
  return re.test(normalizeText(text))
}

/** Brand terms as they may appear on screen: "Acme", "@acmeco" -> also "acmeco". */
export function brandVariants(terms: readonly string[]): string[] {
  const out = new Set<string>()
  for (const raw of terms) {
    const t = raw.trim()
    if (t.length < 2) continue
    out.add(t)
    if (/^[@#]/.test(t)) out.add(t.slice(1))
  }
  return [...out]
}

const mmss = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}
export { mmss as formatMoment }

function finding(ruleId: RuleId, m: AnalysedMedia, message: string, atMs: number | null, thumb: string | null | undefined, source?: string): MediaFinding {
  const rule = RULES[ruleId]
  return { ruleId, severity: rule.severity, message, source: source ?? rule.source, fileId: m.fileId, atMs, thumbnailFileId: thumb ?? null }
}

/** Segments showing a disclosure label accepted in this jurisdiction. */
export function labelSegments(segments: readonly MediaSegment[], jurisdiction: MediaJurisdiction, kind: MediaSegmentKind = 'ocr_text'): MediaSegment[] {
  const labels = JURISDICTION_MEDIA[jurisdiction].labels
  return segments.filter((s) => s.kind === kind && labels.some((l) => containsTerm(s.text, l)))
}

/** Merged time ranges (overlapping or touching segments join), sorted. */
export function mergeRanges(segments: readonly { startMs: number; endMs: number }[], gapMs = 0): { startMs: number; endMs: number }[] {
  const sorted = [...segments].sort((a, b) => a.startMs - b.startMs)
  const out: { startMs: number; endMs: number }[] = []
  for (const s of sorted) {
    const last = out.at(-1)
    if (last && s.startMs <= last.endMs + gapMs) last.endMs = Math.max(last.endMs, s.endMs)
    else out.push({ startMs: s.startMs, endMs: s.endMs })
  }
  return out
}

interface FileResult {
  findings: MediaFinding[]
  decided: Set<string>
  undecided: UndecidedCheck[]
}

function checkVideo(input: MediaCheckInput, m: AnalysedMedia): FileResult {
  const j = JURISDICTION_MEDIA[input.jurisdiction]
  const res: FileResult = { findings: [], decided: new Set(), undecided: [] }
  const decide = (id: string) => res.decided.add(id)
  const manual = (id: string, reason: string) => res.undecided.push({ id, reason })
  const ocr = m.segments.filter((s) => s.kind === 'ocr_text')
  const labels = labelSegments(m.segments, input.jurisdiction)
  const terms = brandVariants(input.brandTerms)
  const brandSeen = m.segments
    .filter((s) => (s.kind === 'ocr_text' || m.speechEngine) && terms.some((t) => containsTerm(s.text, t)))
    .sort((a, b) => a.startMs - b.startMs)
  const suggestion = j.suggestion

  // VD-02: spoken disclosure.
  if (!m.speechEngine) manual('VD-02', 'no speech engine: listen for a spoken disclosure')
  else {
    decide('VD-02')
    const spokenLabel = labelSegments(m.segments, input.jurisdiction, 'speech')
    const spokenBrand = m.segments.some((s) => s.kind === 'speech' && terms.some((t) => containsTerm(s.text, t)))
    if (spokenBrand && spokenLabel.length === 0) res.findings.push(finding('VD-02', m, `The brand is named aloud but the disclosure is not. Say ${suggestion} when you name it.`, null, null))
  }

  if (labels.length === 0) {
    if (ocr.length === 0) {
      for (const id of ['VD-01', 'VD-03', 'VD-04']) manual(id, 'no text found on screen: check the video by eye')
      return res
    }
    decide('VD-01')
    decide('VD-03')
    decide('VD-04')
    const first = brandSeen[0] ?? ocr[0]!
    res.findings.push(finding('VD-01', m, `No disclosure on screen. Add ${suggestion} as text over the video, from the start.`, first.startMs, first.thumbnailFileId, j.source))
    return res
  }
  decide('VD-01')
  const firstLabel = [...labels].sort((a, b) => a.startMs - b.startMs)[0]!
  const slack = m.sampleIntervalMs

  // VD-03: at or before the first brand mention (Germany: at the start).
  const beforeLabel = brandSeen.find((s) => s.startMs < firstLabel.startMs - slack / 2)
  if (j.atStart && firstLabel.startMs > START_WINDOW_MS) {
    decide('VD-03')
    res.findings.push(finding('VD-03', m, `${j.name}: the label must be shown at the start. "${firstLabel.text}" first appears at ${mmss(firstLabel.startMs)}.`, firstLabel.startMs, firstLabel.thumbnailFileId, j.source))
  } else if (beforeLabel) {
    decide('VD-03')
    res.findings.push(
      finding('VD-03', m, `The brand is on screen at ${mmss(beforeLabel.startMs)} ("${beforeLabel.text}") but the disclosure only appears at ${mmss(firstLabel.startMs)}. Show it at or before the first mention.`, beforeLabel.startMs, beforeLabel.thumbnailFileId),
    )
  } else if (firstLabel.startMs <= START_WINDOW_MS || m.speechEngine) {
    decide('VD-03')
  } else {
    manual('VD-03', `no speech engine: the label first appears at ${mmss(firstLabel.startMs)}; check the brand is not named aloud before it`)
  }

  // VD-04: long enough to read (France: the whole duration).
  const ranges = mergeRanges(labels, slack)
  const readUntil = m.coverage?.readUntilMs ?? m.durationMs
  if (j.wholeDuration) {
    decide('VD-04')
    const covered = ranges.reduce((n, r) => n + Math.max(0, Math.min(r.endMs, readUntil) - Math.max(0, r.startMs)), 0)
    if (covered < readUntil - slack) {
      const gap = gapIn(ranges, readUntil)
      res.findings.push(
        finding('VD-04', m, `${j.name}: the label must stay on screen for the whole video (${mmss(m.durationMs)}); it is missing from ${mmss(gap.startMs)} to ${mmss(gap.endMs)}.`, gap.startMs, firstLabel.thumbnailFileId, j.source),
      )
    }
  } else {
    const longest = ranges.reduce((best, r) => (r.endMs - r.startMs > best.endMs - best.startMs ? r : best), ranges[0]!)
    const shown = longest.endMs - longest.startMs
    const sparse = m.coverage && longest.startMs >= m.coverage.denseUntilMs ? m.coverage : null
    // Seen only where frames are seconds apart: it was up for at least the measured time minus one step.
    if (sparse && shown < MIN_ON_SCREEN_MS + sparse.sparseIntervalMs) {
      manual('VD-04', `the label is only seen after ${mmss(sparse.denseUntilMs)}, where one frame every ${(sparse.sparseIntervalMs / 1000).toFixed(1)} s is read: check it stays up for ${MIN_ON_SCREEN_MS / 1000} s`)
      return res
    }
    decide('VD-04')
    if (shown < MIN_ON_SCREEN_MS - slack) {
      res.findings.push(
        finding('VD-04', m, `The disclosure is on screen for about ${(shown / 1000).toFixed(1)} s (from ${mmss(longest.startMs)}). Keep it up for at least ${MIN_ON_SCREEN_MS / 1000} s so people can read it.`, longest.startMs, firstLabel.thumbnailFileId),
      )
    }
  }
  return res
}

/** The first stretch of [0, duration) no range covers. */
function gapIn(ranges: { startMs: number; endMs: number }[], durationMs: number) {
  let at = 0
  for (const r of ranges) {
    if (r.startMs > at) return { startMs: at, endMs: r.startMs }
    at = Math.max(at, r.endMs)
  }
  return { startMs: at, endMs: durationMs }
}

/** ST-01 for one story frame (an image, or a video story as a whole). */
function checkStoryFrame(input: MediaCheckInput, m: AnalysedMedia): FileResult {
  const j = JURISDICTION_MEDIA[input.jurisdiction]
  const res: FileResult = { findings: [], decided: new Set(), undecided: [] }
  const ocr = m.segments.filter((s) => s.kind === 'ocr_text')
  if (labelSegments(m.segments, input.jurisdiction).length) {
    res.decided.add('ST-01')
  } else if (ocr.length === 0) {
    res.undecided.push({ id: 'ST-01', reason: 'no text found on a story frame: check it by eye' })
  } else {
    res.decided.add('ST-01')
    res.findings.push(finding('ST-01', m, `This story frame has no disclosure. Add ${j.suggestion} on the frame itself: people tap through frames one by one.`, null, ocr[0]!.thumbnailFileId, j.source))
  }
  return res
}

/** France: « Image retouchée » / « Image virtuelle » when the brief says the media is retouched or generated. */
function checkRetouched(input: MediaCheckInput, m: AnalysedMedia): FileResult {
  const res: FileResult = { findings: [], decided: new Set(), undecided: [] }
  const j = JURISDICTION_MEDIA[input.jurisdiction]
  if (!j.retouchLabels || !(input.retouched || input.generated)) return res
  const want = input.generated ? j.retouchLabels.generated : j.retouchLabels.retouched
  const ocr = m.segments.filter((s) => s.kind === 'ocr_text')
  if (ocr.some((s) => containsTerm(s.text, want))) res.decided.add('FR-02')
  else if (ocr.length === 0) res.undecided.push({ id: 'FR-02', reason: `no text found: check « ${want} » is on the media` })
  else {
    res.decided.add('FR-02')
    res.findings.push(finding('FR-02', m, `The brief says this media is ${input.generated ? 'generated' : 'retouched'}: French law requires « ${want} » on it.`, null, ocr[0]!.thumbnailFileId))
  }
  return res
}

/**
 * The media findings of one draft version: each analysed file is checked on its own; a rule is decided
 * only when every file's analysis decided it, otherwise the reviewer ticks it (with every reason).
 */
export function checkMedia(input: MediaCheckInput): MediaCheckResult {
  const findings: MediaFinding[] = []
  const undecided = new Map<string, string[]>()
  const decidedBy = new Map<string, number>()
  const video = VIDEO_FORMATS.includes(input.format)
  const ids = [...(video ? ['VD-01', 'VD-02', 'VD-03', 'VD-04'] : []), ...(input.format === 'story' ? ['ST-01'] : [])]
  const pending = input.media.some((m) => MEDIA_PENDING.includes(m.status))
  const relevant = input.media.filter((m) => (video ? m.mediaKind !== 'image' || input.media.length === 1 : true))
  const note = (id: string, reason: string) => undecided.set(id, [...new Set([...(undecided.get(id) ?? []), reason])])
  if (relevant.length === 0) for (const id of ids) note(id, 'no media analysed')
  for (const m of relevant) {
    if (m.status !== 'done') {
      const why = MEDIA_PENDING.includes(m.status) ? 'the media check is still running' : `could not analyse: ${m.reason ?? 'unknown error'}`
      for (const id of ids) note(id, why)
      continue
    }
    const parts: FileResult[] = []
    if (video) parts.push(checkVideo(input, m))
    if (input.format === 'story') parts.push(checkStoryFrame(input, m))
    parts.push(checkRetouched(input, m))
    for (const p of parts) {
      findings.push(...p.findings)
      for (const u of p.undecided) note(u.id, u.reason)
      for (const id of p.decided) decidedBy.set(id, (decidedBy.get(id) ?? 0) + 1)
    }
  }
  const decided = [...decidedBy.keys()].filter((id) => !undecided.has(id))
  const notes = relevant.filter((m) => m.status === 'done' && m.coverage).map((m) => coverageNote(m.coverage!, m.durationMs, relevant.length > 1 ? m.fileId : null))
  return {
    notes,
    findings: findings.sort((a, b) => (a.atMs ?? -1) - (b.atMs ?? -1) || a.ruleId.localeCompare(b.ruleId)),
    decided: decided.sort(),
    undecided: [...undecided].map(([id, reasons]) => ({ id, reason: reasons.join('; ') })),
    pending,
  }
}

/** One sentence on what of a long video was not read closely (or at all). */
export function coverageNote(c: MediaCoverage, durationMs: number, fileId: string | null): string {
  const parts = [`The video was read every 0.5 s for the first ${mmss(c.denseUntilMs)}`]
  if (c.readUntilMs > c.denseUntilMs) parts.push(`then one frame every ${(c.sparseIntervalMs / 1000).toFixed(1)} s up to ${mmss(c.readUntilMs)}: text shown for a shorter time after ${mmss(c.denseUntilMs)} may have been missed`)
  if (c.readUntilMs < durationMs) parts.push(`${mmss(c.readUntilMs)} to ${mmss(durationMs)} was not read (too many frames): check it by eye`)
  return `${fileId ? `${fileId}: ` : ''}${parts.join(', ')}.`
}

/** The reviewer's checklist once the machine has decided what it could. */
export function remainingAttestations<A extends { id: string }>(attestations: readonly A[], result: Pick<MediaCheckResult, 'decided'>): A[] {
  return attestations.filter((a) => !result.decided.includes(a.id))
}

/**
 * The "brand mentions" VD-03 looks for on screen: the brand's name, the brief's @handles and the products
 * named in the campaign (brief field "Products named in this campaign"); blanks and repeats dropped.
 */
export function mediaBrandTerms(brandName: string, brief: { handles?: readonly string[]; productNames?: readonly string[] } | null | undefined): string[] {
  const out: string[] = []
  for (const t of [brandName, ...(brief?.handles ?? []), ...(brief?.productNames ?? [])]) {
    const term = t.trim()
    if (term && !out.some((x) => x.toLowerCase() === term.toLowerCase())) out.push(term)
  }
  return out
}
