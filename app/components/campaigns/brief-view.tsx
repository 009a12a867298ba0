import { BRIEF_FIELD_LABEL, JURISDICTION_LABEL, MEDIA_ALTERATION_LABEL, type BriefChange, type BriefContent, type BriefListField } from '#app/domain/brief.ts'
import { Chip } from '#app/components/ui.tsx'
import { BriefFileList } from './brief-files.tsx'

function List({ items, tone }: { items: string[]; tone?: 'tags' }) {
  if (tone === 'tags') {
    return (
      <ul className="cluster plain">
        {items.map((x) => (
          <li key={x}>
            <span className="tag">{x}</span>
          </li>
        ))}
      </ul>
    )
  }
  return (
    <ul>
      {items.map((x) => (
        <li key={x}>{x}</li>
      ))}
    </ul>
  )
}

const SECTIONS: { field: BriefListField; tags?: boolean }[] = [
  { field: 'keyMessages' },
  { field: 'hashtags', tags: true },
  { field: 'handles', tags: true },
  { field: 'productNames' },
  { field: 'links' },
  { field: 'dos' },
  { field: 'donts' },
  { field: 'approvedClaims' },
  { field: 'bannedWords', tags: true },
  { field: 'deadlines' },
]

/** A published brief, read-only: every field that has content, in the brief's order. */
export function BriefView({ brief }: { brief: BriefContent }) {
  return (
    <div className="stack brief-view">
      {brief.overview ? <p className="prose">{brief.overview}</p> : null}
      <dl className="dl dl-stacked">
        {SECTIONS.filter((s) => brief[s.field].length > 0).map((s) => (
          <div key={s.field}>
            <dt>{BRIEF_FIELD_LABEL[s.field]}</dt>
            <dd>
              <List items={brief[s.field]} tone={s.tags ? 'tags' : undefined} />
            </dd>
          </div>
        ))}
        {brief.productNotes ? (
          <div>
            <dt>{BRIEF_FIELD_LABEL.productNotes}</dt>
            <dd className="prose">{brief.productNotes}</dd>
          </div>
        ) : null}
        {brief.shippingNotes ? (
          <div>
            <dt>{BRIEF_FIELD_LABEL.shippingNotes}</dt>
            <dd className="prose">{brief.shippingNotes}</dd>
          </div>
        ) : null}
        <div>
          <dt>{BRIEF_FIELD_LABEL.jurisdiction}</dt>
          <dd>{JURISDICTION_LABEL[brief.jurisdiction]}</dd>
        </div>
        {brief.mediaAlteration !== 'none' ? (
          <div>
            <dt>{BRIEF_FIELD_LABEL.mediaAlteration}</dt>
            <dd>
              {MEDIA_ALTERATION_LABEL[brief.mediaAlteration]}
              {brief.jurisdiction === 'FR' ? ` — show « ${brief.mediaAlteration === 'generated' ? 'Image virtuelle' : 'Image retouchée'} » on the media.` : null}
            </dd>
          </div>
        ) : null}
        {brief.files.length ? (
          <div>
            <dt>{BRIEF_FIELD_LABEL.files}</dt>
            <dd>
              <BriefFileList files={brief.files} />
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  )
}

/** What changed between two brief versions, one row per field. */
export function BriefDiff({ changes }: { changes: BriefChange[] }) {
  if (changes.length === 0) return <p className="muted">No changes.</p>
  return (
    <ul className="list brief-diff">
      {changes.map((c) => (
        <li key={c.field} className="list-row">
          <div className="stack-sm">
            <strong>{c.label}</strong>
            {c.kind === 'list' ? (
              <ul className="plain stack-sm">
                {c.added.map((x) => (
                  <li key={`+${x}`}>
                    <Chip tone="success">Added</Chip> {x}
                  </li>
                ))}
                {c.removed.map((x) => (
                  <li key={`-${x}`}>
                    <Chip tone="danger">Removed</Chip> <s>{x}</s>
                  </li>
                ))}
              </ul>
            ) : (
              <div className="stack-sm">
                <div>
                  <Chip tone="danger">Was</Chip> <s>{c.before || '(empty)'}</s>
                </div>
                <div>
                  <Chip tone="success">Now</Chip> {c.after || '(empty)'}
                </div>
              </div>
            )}
          </div>
        </li>
      ))}
    </ul>
  )
}
