import type { DisclosureRequirements } from '#app/domain/disclosure/index.ts'

/** "What your posts must include": the disclosure one deliverable needs, from disclosureRequirements(). */
export function DisclosureBox({ requirement }: { requirement: DisclosureRequirements | null }) {
  if (!requirement) return null
  return (
    <div className="callout callout-info disclosure-box">
      <p className="callout-title">What your posts must include</p>
      <p className="small">{requirement.summary}</p>
      <ul className="checklist">
        {requirement.captionRules.map((r) => (
          <li key={r}>{r}</li>
        ))}
        {requirement.attestations.map((a) => (
          <li key={a.id}>
            {a.label}
            <span className="muted small"> {a.help}</span>
          </li>
        ))}
      </ul>
      <p className="small">
        <span className="muted">Wording that counts: </span>
        {requirement.acceptedWording.map((w, i) => (
          <span key={w}>
            {i ? ', ' : ''}
            <strong>{w}</strong>
          </span>
        ))}
      </p>
    </div>
  )
}
