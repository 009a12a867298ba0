import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigate } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { Button, Card, Chip, DateTime, EmptyState, PageHeader, RelativeDue, SelectField } from '#app/components/ui.tsx'
import { PLATFORMS, PLATFORM_LABEL } from '#app/domain/catalog.ts'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { listReviewQueue } from '#app/services/content/list-review-queue.server.ts'
import { cursorParam } from '#app/domain/keyset-cursor.ts'
import { reviewQueueFiltersSchema } from '#app/validation/content.ts'
import { Pager, pagerLink } from '#app/components/pager.tsx'
import { CampaignChoicesNote, CampaignFilter } from '#app/components/campaign-filter.tsx'

export const meta: MetaFunction = () => [{ title: 'Review queue · Greenroom' }]


// Managers and admins (content.review).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'content.review')
  const q = Object.fromEntries([...new URL(args.request.url).searchParams].filter(([, v]) => v !== ''))
  const filters = reviewQueueFiltersSchema.parse(q)
  const queue = await listReviewQueue(actor.brand.id, filters, { cursor: cursorParam.parse(q.cursor) })
  return { slug: actor.brand.slug, filters, ...queue, now: new Date().toISOString() }
}

function waited(fromIso: string, nowIso: string) {
  const hours = Math.max(0, Math.floor((Date.parse(nowIso) - Date.parse(fromIso)) / 3_600_000))
  if (hours < 1) return { text: 'just now', tone: 'neutral' as const }
  if (hours < 24) return { text: `${hours} h`, tone: 'neutral' as const }
  const days = Math.floor(hours / 24)
  return { text: `${days} day${days === 1 ? '' : 's'}`, tone: days >= 2 ? ('danger' as const) : ('warning' as const) }
}

export default function ReviewQueue() {
  const { slug, filters, rows, total, campaigns, reviewers, now, nextCursor, prevCursor } = useLoaderData<typeof loader>()
  const navigate = useNavigate()
  const tableRef = useRef<HTMLTableSectionElement>(null)
  const filtered = Boolean(filters.campaign || filters.platform || filters.reviewer)

  // Keyboard: j / k move between drafts, Enter (or o) opens one.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const t = e.target as HTMLElement
      if (e.metaKey || e.ctrlKey || e.altKey || t.closest('input, textarea, select, [contenteditable]')) return
      const links = Array.from(tableRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-review-link]') ?? [])
      if (!links.length) return
      const at = links.findIndex((l) => l === document.activeElement)
      if (e.key === 'j' || e.key === 'k') {
        e.preventDefault()
        const next = e.key === 'j' ? Math.min(links.length - 1, at + 1) : Math.max(0, at < 0 ? 0 : at - 1)
        links[next]!.focus()
      } else if (e.key === 'o' && at >= 0) {
        navigate(links[at]!.getAttribute('href')!)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [navigate])

  return (
    <>
      <PageHeader title="Review queue" subtitle="Drafts waiting for a decision across all campaigns, most urgent first." />
      <Card>
        <Form method="get" className="filters cluster" aria-label="Filter the queue">
          <CampaignFilter campaigns={campaigns} defaultValue={filters.campaign} />
          <SelectField label="Platform" name="platform" defaultValue={filters.platform ?? ''} options={[{ value: '', label: 'All platforms' }, ...PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABEL[p] }))]} />
          <SelectField label="Campaign owner" name="reviewer" defaultValue={filters.reviewer ?? ''} options={[{ value: '', label: 'Anyone' }, ...reviewers.map((r) => ({ value: r.id, label: r.name }))]} />
          <div className="cluster filters-actions">
            <Button type="submit">Filter</Button>
            {filtered ? <Link to={`/b/${slug}/review`}>Clear</Link> : null}
          </div>
        </Form>
        <CampaignChoicesNote campaigns={campaigns} />
      </Card>
      <Card title={total ? `Waiting (${total})` : 'Waiting'} actions={rows.length ? <span className="muted xsmall">Keys: j / k to move, Enter to open</span> : null}>
        {rows.length === 0 ? (
          <EmptyState title={filtered ? 'No drafts match these filters' : 'Nothing to review'}>
            {filtered ? 'Clear the filters to see every waiting draft.' : 'When a creator submits a draft it appears here, and reviewers get an email.'}
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Creator · deliverable</th>
                  <th scope="col">Campaign</th>
                  <th scope="col">Version</th>
                  <th scope="col">Checker</th>
                  <th scope="col">Goes live</th>
                  <th scope="col">Waiting</th>
                </tr>
              </thead>
              <tbody ref={tableRef}>
                {rows.map((r) => {
                  const w = waited(r.submittedAt, now)
                  const due = r.postWindowStart ?? r.draftDueOn
                  return (
                    <tr key={r.draftId} data-draft={r.draftId}>
                      <td>
                        <Link to={`/b/${slug}/review/${r.draftId}`} data-review-link className="strong">
                          {r.creatorName}
                        </Link>
                        <div className="muted small">
                          {deliverableLabel(r)}
                        </div>
                      </td>
                      <td>
                        {r.campaignName}
                        {r.ownerName ? <div className="muted xsmall">{r.ownerName}</div> : null}
                      </td>
                      <td>v{r.version}</td>
                      <td>
                        {r.blocking ? <Chip tone="danger">{r.blocking} to fix</Chip> : r.warnings ? <Chip tone="warning">{r.warnings} to check</Chip> : <Chip tone="success">Clear</Chip>}
                        {r.mediaRunning ? (
                          <>
                            {' '}
                            <Chip tone="info" title="Approval waits for the media check">Media check running</Chip>
                          </>
                        ) : null}
                      </td>
                      <td>{due ? <><DateTime value={due} dateOnly /> <RelativeDue due={due} /></> : <span className="muted">No date</span>}</td>
                      <td>
                        <Chip tone={w.tone}>{w.text}</Chip>
                        <div className="muted xsmall">
                          since <DateTime value={r.submittedAt} />
                        </div>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )}
        {total > rows.length ? (
          <p className="muted small table-note">
            {rows.length} of {total} on this page, most urgent first.
          </p>
        ) : null}
        <Pager prev={prevCursor ? pagerLink(`/b/${slug}/review`, filters, prevCursor) : null} next={nextCursor ? pagerLink(`/b/${slug}/review`, filters, nextCursor) : null} />
      </Card>
    </>
  )
}
