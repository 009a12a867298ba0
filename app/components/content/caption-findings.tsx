import { captionSegments, type StoredFinding } from '#app/domain/content-review.ts'

/** The caption with what each finding points at underlined (red: blocking, amber: warning). */
export function HighlightedCaption({ caption, findings, id }: { caption: string; findings: readonly StoredFinding[]; id?: string }) {
  if (!caption) return <p className="muted caption-box" id={id}>No caption yet.</p>
  const segments = captionSegments(caption, findings)
  return (
    <p className="caption-box" id={id} data-testid="caption-highlight">
      {segments.map((s, i) =>
        s.severity ? (
          <mark key={i} className={`finding-mark finding-${s.severity}`} title={s.findings.map((n) => findings[n]!.message).join(' · ')}>
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  )
}

/** Findings as a list: rule id, severity in words (never colour alone) and how to fix it. */
export function FindingList({ findings, emptyText = 'The disclosure checker found nothing to fix.' }: { findings: readonly StoredFinding[]; emptyText?: string }) {
  if (findings.length === 0) return <p className="callout callout-success small">{emptyText}</p>
  return (
    <ul className="plain stack-sm" aria-label="Disclosure findings" data-testid="findings">
      {findings.map((f, i) => (
        <li key={`${f.ruleId}-${i}`} className={`callout ${f.severity === 'blocking' ? 'callout-danger' : 'callout-warning'} small`} data-rule={f.ruleId}>
          <strong>{f.severity === 'blocking' ? 'Must fix' : 'Check'}</strong> <span className="muted xsmall">{f.ruleId}</span> {f.message}
        </li>
      ))}
    </ul>
  )
}

export function Checklist({ items, label }: { items: { label: string; done: boolean }[]; label: string }) {
  if (items.length === 0) return null
  return (
    <ul className="checklist" aria-label={label}>
      {items.map((c) => (
        <li key={c.label} className={c.done ? 'is-done' : ''}>
          <span className="visually-hidden">{c.done ? 'Done: ' : 'Missing: '}</span>
          {c.label}
        </li>
      ))}
    </ul>
  )
}
