/**
 * The draft review loop, pure and browser-safe: what blocks an approval, how many revision rounds are
 * left, the brief's mandatory checklist (ticking itself as the caption is typed), caption highlighting
 * segments from findings, and the deliverable timeline. No I/O; unit-tested.
 */
import type { Attestation, Finding, MandatoryElements } from './disclosure/index.ts'

export type StoredFinding = Pick<Finding, 'ruleId' | 'severity' | 'message' | 'span'>

/** Findings as stored in jsonb: keep only well-formed ones, never trust the shape blindly. */
export function toFindings(value: unknown): StoredFinding[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((v) => {
    if (!v || typeof v !== 'object') return []
    const f = v as Record<string, unknown>
    if (typeof f.ruleId !== 'string' || typeof f.message !== 'string') return []
    const severity = f.severity === 'blocking' || f.severity === 'warning' ? f.severity : 'warning'
    const s = f.span as { start?: unknown; end?: unknown } | null | undefined
    const span = s && typeof s.start === 'number' && typeof s.end === 'number' && s.end >= s.start ? { start: s.start, end: s.end } : null
    return [{ ruleId: f.ruleId, severity, message: f.message, span }]
  })
}

/** True when stored findings hold a blocking one (the only severities are 'blocking' and 'warning'). */
export function hasBlockingFinding(value: unknown): boolean {
  return toFindings(value).some((f) => f.severity === 'blocking')
}

export interface ApprovalCheck {
  blocking: StoredFinding[]
  missing: Attestation[]
  /** True when nothing blocks: approve without an override. */
  clear: boolean
}

/** Approval is refused while a blocking finding or an unticked attestation remains. */
export function approvalCheck(findings: readonly StoredFinding[], required: readonly Attestation[], ticked: Iterable<string>): ApprovalCheck {
  const t = new Set(ticked)
  const blocking = findings.filter((f) => f.severity === 'blocking')
  const missing = required.filter((a) => !t.has(a.id))
  return { blocking, missing, clear: blocking.length === 0 && missing.length === 0 }
}

/** Revision rounds left: each "request changes" uses one; never below zero. */
export function revisionsLeft(included: number, used: number): number {
  return Math.max(0, included - used)
}

/** Requesting changes now would go past the rounds in the contract. */
export function isExtraRound(included: number, used: number): boolean {
  return used >= included
}

export function revisionsSentence(included: number, used: number): string {
  const left = revisionsLeft(included, used)
  if (included === 0) return 'No revision rounds are included in this deal.'
  if (left === 0) return `All ${included} included revision round${included === 1 ? '' : 's'} used.`
  return `${left} of ${included} revision round${included === 1 ? '' : 's'} left.`
}

export interface ChecklistItem {
  label: string
  done: boolean
}

/** The brief's mandatory elements with a tick when the caption has them (reads the checker's MB-01 findings). */
export function mandatoryChecklist(mandatory: MandatoryElements | null | undefined, findings: readonly StoredFinding[]): ChecklistItem[] {
  if (!mandatory) return []
  const labels = [
    ...mandatory.hashtags.filter(Boolean).map((h) => `#${h.replace(/^[#＃]/, '')}`),
    ...mandatory.handles.filter(Boolean).map((h) => `@${h.replace(/^[@＠]/, '')}`),
    ...mandatory.links.filter(Boolean).map((l) => l.replace(/^https?:\/\//i, '').replace(/\/$/, '')),
    ...(mandatory.promoCode ? [`code ${mandatory.promoCode}`] : []),
  ]
  const missing = new Set(findings.filter((f) => f.ruleId === 'MB-01').map((f) => f.message))
  return labels.map((label) => ({ label, done: ![...missing].some((m) => m.includes(`for ${label} in the caption`)) }))
}

export type CaptionSegment = { text: string; start: number; findings: number[]; severity: 'blocking' | 'warning' | null }

/**
 * The caption cut into segments so the page can underline what each finding points at. Overlapping
 * spans are fine: a segment carries every finding covering it, and the worst severity.
 */
export function captionSegments(caption: string, findings: readonly StoredFinding[]): CaptionSegment[] {
  const cuts = new Set<number>([0, caption.length])
  findings.forEach((f) => {
    if (!f.span) return
    cuts.add(Math.max(0, Math.min(caption.length, f.span.start)))
    cuts.add(Math.max(0, Math.min(caption.length, f.span.end)))
  })
  const points = [...cuts].sort((a, b) => a - b)
  const out: CaptionSegment[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    if (end <= start) continue
    const covering = findings.flatMap((f, idx) => (f.span && f.span.start <= start && f.span.end >= end && f.span.end > f.span.start ? [idx] : []))
    const severity = covering.length ? (covering.some((idx) => findings[idx]!.severity === 'blocking') ? 'blocking' : 'warning') : null
    const last = out.at(-1)
    if (last && last.findings.length === 0 && covering.length === 0) last.text += caption.slice(start, end)
    else out.push({ text: caption.slice(start, end), start, findings: covering, severity })
  }
  return out
}

export type TimelineStep = { key: string; label: string; state: 'done' | 'current' | 'upcoming'; at?: string | null }

const AFTER_APPROVAL = [
  { key: 'live', label: 'Live post added', from: ['posted', 'post_changes_requested', 'verified'] },
  { key: 'verified', label: 'Post verified', from: ['verified'] },
] as const

/**
 * Offer accepted -> draft v1 -> changes requested -> v2 -> ... -> approved -> live -> verified, with the
 * current step marked. `versions` are the submitted drafts, oldest first.
 */
export function deliverableTimeline(
  status: string,
  versions: readonly { version: number; decision: string | null; submittedAt: string; decidedAt: string | null }[],
  acceptedAt: string | null,
): TimelineStep[] {
  const steps: TimelineStep[] = [{ key: 'accepted', label: 'Offer accepted', state: 'done', at: acceptedAt }]
  for (const v of versions) {
    steps.push({ key: `v${v.version}`, label: `Draft v${v.version} submitted`, state: 'done', at: v.submittedAt })
    if (v.decision === 'changes_requested') steps.push({ key: `v${v.version}-changes`, label: `Changes requested on v${v.version}`, state: 'done', at: v.decidedAt })
  }
  const approved = versions.find((v) => v.decision === 'approved')
  const waiting = versions.at(-1) && versions.at(-1)!.decision === null
  if (status === 'pending' || status === 'changes_requested') {
    steps.push({ key: 'next', label: versions.length ? `Draft v${versions.length + 1}` : 'Draft v1', state: 'current' })
  } else if (waiting) {
    steps[steps.length - 1] = { ...steps.at(-1)!, state: 'current', label: `${steps.at(-1)!.label} · waiting for review` }
  }
  steps.push({ key: 'approved', label: approved ? `Draft v${approved.version} approved` : 'Approved', state: approved ? 'done' : 'upcoming', at: approved?.decidedAt ?? null })
  for (const s of AFTER_APPROVAL) {
    const reached = (s.from as readonly string[]).includes(status)
    steps.push({ key: s.key, label: s.label, state: reached ? 'done' : 'upcoming' })
  }
  if (status === 'approved') {
    const live = steps.find((s) => s.key === 'live')!
    live.state = 'current'
  } else if (status === 'posted' || status === 'post_changes_requested') {
    steps.find((s) => s.key === 'verified')!.state = 'current'
  }
  return steps
}
