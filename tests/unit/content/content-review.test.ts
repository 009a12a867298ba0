import { describe, expect, it } from 'vitest'
import { approvalCheck, captionSegments, hasBlockingFinding, deliverableTimeline, isExtraRound, mandatoryChecklist, revisionsLeft, revisionsSentence, toFindings } from '#app/domain/content-review.ts'
import { attestationsFor, checkCaption } from '#app/domain/disclosure/index.ts'

const base = { platform: 'instagram', format: 'reel', connectionType: 'paid', jurisdiction: 'US', brandName: 'Acme' } as const
const mandatory = { hashtags: ['AcmeRun'], handles: ['acme'], links: ['https://acme.test/run'], promoCode: 'MAYA15' }

describe('approvalCheck', () => {
  const reel = attestationsFor('instagram', 'reel')
  it('is clear with no blocking finding and every attestation ticked', () => {
    const f = checkCaption({ ...base, caption: '#ad Race day' })
    expect(approvalCheck(f, reel, reel.map((a) => a.id))).toMatchObject({ clear: true, blocking: [], missing: [] })
  })
  it('lists the blocking findings (warnings do not block) and the unticked checks', () => {
    const f = [
      { ruleId: 'LX-01', severity: 'blocking' as const, message: 'x', span: null },
      { ruleId: 'PL-03', severity: 'warning' as const, message: 'y', span: null },
    ]
    const r = approvalCheck(f, reel, ['VD-01', 'VD-02'])
    expect(r.clear).toBe(false)
    expect(r.blocking.map((b) => b.ruleId)).toEqual(['LX-01'])
    expect(r.missing.map((m) => m.id)).toEqual(['VD-03', 'VD-04', 'PT-01'])
  })
  it('a feed post has only the platform tool to tick', () => {
    expect(approvalCheck([], attestationsFor('instagram', 'feed_post'), []).missing.map((m) => m.id)).toEqual(['PT-01'])
  })
})

describe('revision rounds', () => {
  it('counts down and never below zero', () => {
    expect([revisionsLeft(2, 0), revisionsLeft(2, 1), revisionsLeft(2, 2), revisionsLeft(2, 5)]).toEqual([2, 1, 0, 0])
  })
  it('a request is extra once every included round is used', () => {
    expect([isExtraRound(2, 1), isExtraRound(2, 2), isExtraRound(0, 0)]).toEqual([false, true, true])
  })
  it('says it in words', () => {
    expect(revisionsSentence(2, 0)).toBe('2 of 2 revision rounds left.')
    expect(revisionsSentence(2, 1)).toBe('1 of 2 revision rounds left.')
    expect(revisionsSentence(1, 1)).toBe('All 1 included revision round used.')
    expect(revisionsSentence(0, 0)).toBe('No revision rounds are included in this deal.')
  })
})

describe('mandatoryChecklist (ticks itself from the checker)', () => {
  it('ticks what the caption has and leaves the rest', () => {
    const caption = '#ad Race day with @Acme — code maya15'
    const items = mandatoryChecklist(mandatory, checkCaption({ ...base, caption, mandatory }))
    expect(items).toEqual([
      { label: '#AcmeRun', done: false },
      { label: '@acme', done: true },
      { label: 'acme.test/run', done: false },
      { label: 'code MAYA15', done: true },
    ])
  })
  it('ticks everything once all are present, even glued to punctuation', () => {
    const caption = '#ad Race day (#AcmeRun), @acme! acme.test/run code MAYA15.'
    expect(mandatoryChecklist(mandatory, checkCaption({ ...base, caption, mandatory })).every((i) => i.done)).toBe(true)
  })
  it('nothing to tick without a brief', () => {
    expect(mandatoryChecklist(null, [])).toEqual([])
  })
})

describe('captionSegments', () => {
  it('cuts the caption at finding spans and keeps every character once', () => {
    const caption = 'Great run 🏃\n#sp #run'
    const f = checkCaption({ ...base, caption })
    const segs = captionSegments(caption, f)
    expect(segs.map((s) => s.text).join('')).toBe(caption)
    const marked = segs.filter((s) => s.severity)
    expect(marked.map((s) => s.text)).toContain('#sp')
    expect(marked.find((s) => s.text === '#sp')!.severity).toBe('blocking')
  })
  it('overlapping spans: the worst severity wins on the overlap', () => {
    const f = [
      { ruleId: 'A', severity: 'warning' as const, message: '', span: { start: 0, end: 6 } },
      { ruleId: 'B', severity: 'blocking' as const, message: '', span: { start: 3, end: 9 } },
    ]
    expect(captionSegments('abcdefghij', f).map((s) => [s.text, s.severity, s.findings])).toEqual([
      ['abc', 'warning', [0]],
      ['def', 'blocking', [0, 1]],
      ['ghi', 'blocking', [1]],
      ['j', null, []],
    ])
  })
  it('spans past the end are clamped; an empty caption has no segments', () => {
    expect(captionSegments('ab', [{ ruleId: 'A', severity: 'warning', message: '', span: { start: 1, end: 99 } }]).map((s) => s.text)).toEqual(['a', 'b'])
    expect(captionSegments('', [])).toEqual([])
  })
})

describe('toFindings', () => {
  it('keeps well-formed findings and drops junk from jsonb', () => {
    expect(toFindings([{ ruleId: 'LX-01', severity: 'blocking', message: 'm', span: { start: 0, end: 2 } }, { nope: 1 }, null, 'x', { ruleId: 'X', message: 'n', severity: 'odd', span: { start: 5, end: 1 } }])).toEqual([
      { ruleId: 'LX-01', severity: 'blocking', message: 'm', span: { start: 0, end: 2 } },
      { ruleId: 'X', severity: 'warning', message: 'n', span: null },
    ])
    expect(toFindings('nope')).toEqual([])
  })
})

describe('deliverableTimeline', () => {
  const at = '2026-03-01T10:00:00.000Z'
  it('pending: the first draft is the current step', () => {
    const t = deliverableTimeline('pending', [], at)
    expect(t.map((s) => [s.label, s.state])).toEqual([
      ['Offer accepted', 'done'],
      ['Draft v1', 'current'],
      ['Approved', 'upcoming'],
      ['Live post added', 'upcoming'],
      ['Post verified', 'upcoming'],
    ])
  })
  it('after changes on v1, v2 is current; then v2 waits; then approved makes the live post current', () => {
    const v1 = { version: 1, decision: 'changes_requested', submittedAt: at, decidedAt: at }
    expect(deliverableTimeline('changes_requested', [v1], at).map((s) => [s.label, s.state])).toEqual([
      ['Offer accepted', 'done'],
      ['Draft v1 submitted', 'done'],
      ['Changes requested on v1', 'done'],
      ['Draft v2', 'current'],
      ['Approved', 'upcoming'],
      ['Live post added', 'upcoming'],
      ['Post verified', 'upcoming'],
    ])
    const v2 = { version: 2, decision: null, submittedAt: at, decidedAt: null }
    expect(deliverableTimeline('draft_submitted', [v1, v2], at).find((s) => s.state === 'current')!.label).toBe('Draft v2 submitted · waiting for review')
    const approved = deliverableTimeline('approved', [v1, { ...v2, decision: 'approved', decidedAt: at }], at)
    expect(approved.filter((s) => s.state !== 'upcoming').map((s) => s.label).slice(-2)).toEqual(['Draft v2 approved', 'Live post added'])
    expect(approved.find((s) => s.state === 'current')!.key).toBe('live')
  })
  it('verified: every step is done', () => {
    const v1 = { version: 1, decision: 'approved', submittedAt: at, decidedAt: at }
    expect(deliverableTimeline('verified', [v1], at).every((s) => s.state === 'done')).toBe(true)
  })
})

describe('hasBlockingFinding (what holds an invoice line)', () => {
  const finding = (severity: unknown) => ({ ruleId: 'disclosure.missing', severity, message: 'No disclosure', span: null })
  it('is true only for the domain severity "blocking"', () => {
    expect(hasBlockingFinding([finding('warning'), finding('blocking')])).toBe(true)
    expect(hasBlockingFinding([finding('warning')])).toBe(false)
  })
  it('does not invent severities the domain does not have', () => {
    // 'B' and 'block' were once accepted by the invoice rules; no checker produces them.
    expect(hasBlockingFinding([finding('B'), finding('block')])).toBe(false)
  })
  it('is false for junk and empty jsonb', () => {
    expect(hasBlockingFinding(null)).toBe(false)
    expect(hasBlockingFinding({ severity: 'blocking' })).toBe(false)
    expect(hasBlockingFinding([])).toBe(false)
  })
})
