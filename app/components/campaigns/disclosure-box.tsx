import type { Attestation, DisclosureRequirements } from '#app/domain/disclosure/index.ts'

type Rules = Pick<DisclosureRequirements, 'captionRules' | 'acceptedWording' | 'attestations'>

function Checklist({ rules, className }: { rules: Pick<Rules, 'captionRules' | 'attestations'>; className?: string }) {
  return (
    <ul className={className ?? 'checklist'}>
      {rules.captionRules.map((r) => (
        <li key={r}>{r}</li>
      ))}
      {rules.attestations.map((a: Attestation) => (
        <li key={a.id}>
          {a.label}
          <span className="muted small"> {a.help}</span>
        </li>
      ))}
    </ul>
  )
}

function Wording({ words, label }: { words: string[]; label: string }) {
  if (words.length === 0) return null
  return (
    <p className="small">
      <span className="muted">{label} </span>
      {words.map((w, i) => (
        <span key={w}>
          {i ? ', ' : ''}
          <strong>{w}</strong>
        </span>
      ))}
    </p>
  )
}

/**
 * "What your posts must include": the disclosure rules, said once. With several deliverables these are
 * the rules they all share (splitDisclosure); what differs is shown on each deliverable (DisclosureExtras).
 */
export function DisclosureBox({ requirement, summary, title = 'What your posts must include' }: { requirement: Rules | null; summary?: string; title?: string }) {
  if (!requirement) return null
  return (
    <div className="callout callout-info disclosure-box" data-testid="disclosure-shared">
      <p className="callout-title">{title}</p>
      {summary ? <p className="small">{summary}</p> : null}
      <Checklist rules={requirement} />
      <Wording words={requirement.acceptedWording} label="Wording that counts:" />
    </div>
  )
}

/**
 * What one deliverable needs beyond the shared rules, in one short paragraph (a phone shows several of
 * these one under the other); nothing when it needs nothing more.
 */
export function DisclosureExtras({ own }: { own: Rules | null }) {
  if (!own) return null
  const items: React.ReactNode[] = [
    ...own.captionRules.map((r) => <span key={r}>{r}</span>),
    ...own.attestations.map((a) => (
      <span key={a.id}>
        {a.label} <span className="muted">({a.help.replace(/\.$/, '')})</span>.
      </span>
    )),
  ]
  if (own.acceptedWording.length) items.push(<span key="wording">Also counts here: {own.acceptedWording.join(', ')}.</span>)
  if (items.length === 0) return null
  return (
    <p className="disclosure-extras small" data-testid="disclosure-own">
      <strong>For this one, also: </strong>
      {items.map((x, i) => (
        <span key={i}>
          {i ? ' ' : null}
          {x}
        </span>
      ))}
    </p>
  )
}
