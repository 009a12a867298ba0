import { useEffect } from 'react'
import { useRevalidator } from '@remix-run/react'
import { Chip } from '#app/components/ui.tsx'

export interface MediaCheckView {
  analysed: boolean
  pending: boolean
  findings: { ruleId: string; severity: 'blocking' | 'warning'; message: string; source: string; fileId: string; atMs: number | null; thumbnailFileId: string | null }[]
  decided: string[]
  undecided: { id: string; reason: string }[]
  /** What of a long video was not read closely. */
  notes?: string[]
  /** Rule id -> title for `decided` and `undecided` (from the server: the rule catalogue stays there). */
  ruleTitles: Record<string, string>
}

const moment = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** Reloads the page data every few seconds while the media check runs (no-JS: the meta refresh does it). */
export function usePollWhile(active: boolean, everyMs = 3000) {
  const revalidator = useRevalidator()
  useEffect(() => {
    if (!active) return
    const t = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, everyMs)
    return () => clearInterval(t)
  }, [active, everyMs, revalidator])
}

/** What the machine found in the video or images (issue #15): each finding with its moment and frame. */
export function MediaFindings({ media, audience }: { media: MediaCheckView; audience: 'creator' | 'brand' }) {
  usePollWhile(media.pending)
  if (!media.analysed) return <p className="muted small">This draft was sent before the media checks existed: check the video by eye.</p>
  return (
    <div className="stack-sm" data-testid="media-check">
      {media.pending ? (
        <p role="status" className="callout callout-info small" data-testid="media-pending">
          Checking the {audience === 'creator' ? 'video for an on-screen disclosure' : 'media'}… this usually takes under a minute. This page updates by itself.
        </p>
      ) : null}
      {media.findings.length ? (
        <ul className="plain stack-sm" aria-label="Media findings" data-testid="media-findings">
          {media.findings.map((f, i) => (
            <li key={i} className="cluster" data-rule={f.ruleId}>
              {f.thumbnailFileId ? (
                <img src={`/files/${f.thumbnailFileId}`} alt={f.atMs !== null ? `Frame at ${moment(f.atMs)}` : 'Frame'} width={96} loading="lazy" style={{ maxWidth: '30%', height: 'auto' }} />
              ) : null}
              <div className="stack-xs" style={{ flex: 1, minWidth: '12rem' }}>
                <p className="small">
                  <Chip tone={f.severity === 'blocking' ? 'danger' : 'warning'}>{f.severity === 'blocking' ? 'Must fix' : 'Warning'}</Chip> <strong>{f.ruleId}</strong>
                  {f.atMs !== null ? <> · at <span data-testid="media-moment">{moment(f.atMs)}</span></> : null}
                </p>
                <p className="small">{f.message}</p>
                <p className="xsmall muted">Source: {f.source}</p>
              </div>
            </li>
          ))}
        </ul>
      ) : !media.pending ? (
        <p className="small">{media.decided.length ? 'The media check found nothing to fix in what it could read.' : 'The media check could not decide anything on its own.'}</p>
      ) : null}
      {!media.pending && media.notes?.length
        ? media.notes.map((n, i) => (
            <p key={i} className="xsmall muted" data-testid="media-coverage">
              {n}
            </p>
          ))
        : null}
      {media.decided.length ? <p className="xsmall muted">Checked by the machine: {media.decided.map((id) => media.ruleTitles[id] ?? id).join('; ')}.</p> : null}
      {!media.pending && media.undecided.length ? (
        <ul className="plain xsmall muted" aria-label="Left to a person">
          {media.undecided.map((u) => (
            <li key={u.id}>
              {media.ruleTitles[u.id] ?? u.id}: {u.reason}.
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
