import { Link } from '@remix-run/react'
import { Chip, RelativeDue } from './ui.tsx'
import type { Tone } from './format.ts'

export interface AtRiskRow {
  kind: string
  label: string
  creatorName: string
  campaignName: string
  due: string | null
  to: string
}

const KIND_TONE: Record<string, Tone> = {
  draft_due: 'warning',
  post_overdue: 'danger',
  review_waiting: 'warning',
  verify_waiting: 'warning',
  stats_missing: 'info',
  no_tracking: 'neutral',
  rights_ending: 'info',
}

/** The brand home's at-risk list: what, who, when, one link each (first 25, soonest first). */
export function AtRiskList({ items, base }: { items: AtRiskRow[]; base: string }) {
  const shown = items.slice(0, 25)
  return (
    <>
      <ul className="list" aria-label="At risk">
        {shown.map((i, n) => (
          <li key={n} className="list-row" data-kind={i.kind}>
            <div className="stack-sm">
              <span className="cluster">
                <Chip tone={KIND_TONE[i.kind] ?? 'neutral'}>{i.label}</Chip>
                {i.due && i.kind !== 'review_waiting' && i.kind !== 'verify_waiting' ? <RelativeDue due={i.due} /> : null}
              </span>
              <span className="small">
                <strong>{i.creatorName}</strong> · <span className="muted">{i.campaignName}</span>
              </span>
            </div>
            <Link to={`${base}${i.to}`} className="btn btn-secondary btn-sm">
              Open
            </Link>
          </li>
        ))}
      </ul>
      {items.length > shown.length ? <p className="muted small">and {items.length - shown.length} more.</p> : null}
    </>
  )
}
