import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Button, Card, Chip, DateTime, EmptyState, FormError, LinkButton, Money, PageHeader, SelectField, StatusChip, TextField } from '#app/components/ui.tsx'
import { PLATFORMS, PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'
import { ROSTER_STATUSES } from '#app/domain/roles.ts'
import { formatGrowth, ROSTER_SORT_DEFAULT_DIR, type RosterSort } from '#app/domain/roster.ts'
import { TIERS, TIER_LABEL, tierRange, type Tier } from '#app/domain/tiers.ts'
import { humanizeStatus } from '#app/components/format.ts'
import { roleCan } from '#app/auth/capabilities.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { inviteCreator } from '#app/services/invitations/invite-creator.server.ts'
import { listRoster } from '#app/services/roster/list-roster.server.ts'
import { inviteSchema } from '#app/validation/auth.ts'
import { parseRosterQuery } from '#app/validation/roster.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { InvalidInputError } from '#app/utils/errors.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Roster · Greenroom' }]

// Members who may see the roster (admin, manager, viewer).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'roster.view')
  const url = new URL(args.request.url)
  const query = parseRosterQuery(url)
  const page = await listRoster(actor.brand, query)
  return { canEdit: roleCan(actor.role, 'roster.edit'), currency: actor.brand.currency, query, page }
}

// Managers and admins: invite a creator by email (they join the roster as a prospect; private details once they accept).
export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'roster.edit')
  return handleAction(async () => {
    const input = await parseForm(args.request, inviteSchema)
    if (input.intent !== 'invite-creator') throw new InvalidInputError('Invite team members from the members page.')
    const result = await inviteCreator(actor, input)
    // The same answer whether or not the email has a Greenroom account (no enumeration).
    const msg = result.alreadyWorkingTogether
      ? `You already work with the creator at ${input.email}.`
      : `We emailed ${input.email} an invitation to work with ${actor.brand.name}. They are on your roster as a prospect; their contact details and follower counts are shared once they accept.`
    return redirectWithFlash(`/b/${actor.brand.slug}/roster`, msg)
  })
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })
const pct = (bp: number | null) => (bp === null ? '—' : `${Math.round(bp / 100)}%`)

export default function Roster() {
  const { page, query, canEdit, currency } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const pending = useIsPending({ intent: 'invite-creator' })
  const navigation = useNavigation()
  const filtering = navigation.state === 'loading' && navigation.location?.pathname.endsWith('/roster')

  // Filters and sort live in the URL; a new filter or sort starts again at page 1 (no cursor).
  const base = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (k === 'cursor' || v === undefined || v === false || v === '') continue
    base.set(k, v === true ? '1' : String(v))
  }
  const link = (changes: Record<string, string | null>) => {
    const p = new URLSearchParams(base)
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) p.delete(k)
      else p.set(k, v)
    }
    const s = p.toString()
    return s ? `?${s}` : '?'
  }
  const sortLink = (key: RosterSort) => {
    const dir = page.sort === key ? (page.dir === 'asc' ? 'desc' : 'asc') : ROSTER_SORT_DEFAULT_DIR[key]
    return link({ sort: key, dir })
  }
  const ariaSort = (key: RosterSort) => (page.sort === key ? (page.dir === 'asc' ? 'ascending' : 'descending') : undefined)
  const filtered = Boolean(query.q || query.status || query.platform || query.tier || query.tag || query.rising)
  const SortTh = ({ k, children, num }: { k: RosterSort; children: string; num?: boolean }) => (
    <th scope="col" className={num ? 'num' : undefined} aria-sort={ariaSort(k)}>
      <Link className="sort" to={sortLink(k)}>
        {children}
      </Link>
    </th>
  )

  return (
    <>
      <PageHeader
        title="Roster"
        subtitle="Every creator your brand works with or is considering: contacts, rates, results and who is rising."
        actions={
          <>
            <LinkButton to={link({ rising: '1' })} variant="secondary">
              Rising creators
            </LinkButton>
            {canEdit ? (
              <LinkButton to="import" variant="secondary">
                Import CSV
              </LinkButton>
            ) : null}
          </>
        }
      />
      <Card>
        <Form method="get" className="toolbar roster-filters" role="search" aria-label="Filter the roster">
          <TextField label="Search" name="q" defaultValue={query.q ?? ''} placeholder="Name, @handle or tag" type="search" />
          <SelectField
            label="Status"
            name="status"
            defaultValue={query.status ?? ''}
            placeholder="Any status"
            options={ROSTER_STATUSES.map((s) => ({ value: s, label: humanizeStatus(s) }))}
          />
          <SelectField label="Platform" name="platform" defaultValue={query.platform ?? ''} placeholder="Any platform" options={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABEL[p] }))} />
          <SelectField label="Tier" name="tier" defaultValue={query.tier ?? ''} placeholder="Any tier" options={TIERS.map((t) => ({ value: t, label: `${TIER_LABEL[t]} (${tierRange(t)})` }))} />
          <SelectField label="Tag" name="tag" defaultValue={query.tag ?? ''} placeholder="Any tag" options={page.tags.map((t) => ({ value: t, label: t }))} />
          <label className="roster-rising-toggle">
            <input type="checkbox" name="rising" value="1" defaultChecked={query.rising} /> Rising only
          </label>
          {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
          {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
          <div className="cluster">
            <Button type="submit" variant="primary" pending={filtering} pendingText="Filtering…">
              Filter
            </Button>
            {filtered ? (
              <Link to="?" className="small">
                Clear filters
              </Link>
            ) : null}
          </div>
        </Form>
      </Card>
      <div className="stack">
        <Card title={`${query.rising ? 'Rising creators' : 'Creators'} (${page.total.toLocaleString('en-US')})`}>
          {query.rising ? (
            <p className="muted small">
              Accounts whose followers grew fastest for their size over the last 90 days (at least +20% for micro, +15% mid-tier, +10% macro), with the engagement
              rate on your posts alongside. Sign them before they get expensive.
            </p>
          ) : null}
          {page.rows.length === 0 ? (
            filtered ? (
              <EmptyState title="No creators match" action={<Link to="?">Clear filters</Link>}>
                Try a broader search, another tier, or fewer filters.
              </EmptyState>
            ) : (
              <EmptyState title="No creators yet" action={canEdit ? <LinkButton to="import">Import a CSV</LinkButton> : undefined}>
                Invite the first creator with their email address, or import your spreadsheet of creators as a CSV.
              </EmptyState>
            )
          ) : (
            <div className="table-wrap">
              <table className="table-compact roster-table">
                <thead>
                  <tr>
                    <SortTh k="name">Creator</SortTh>
                    <SortTh k="followers">Accounts · followers</SortTh>
                    <SortTh k="status">Status</SortTh>
                    <SortTh k="last_collab">Last worked</SortTh>
                    <SortTh k="total_paid" num>
                      Total paid
                    </SortTh>
                    <th scope="col" className="num" title="Average cost per engagement: contracted fees of measured collaborations ÷ their engagements">
                      Cost / eng.
                    </th>
                    <SortTh k="on_time" num>
                      On time
                    </SortTh>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((r) => (
                    <tr key={r.entryId} data-creator={r.name}>
                      <th scope="row">
                        <Link to={r.creatorId} className="row-link">
                          {r.name}
                        </Link>
                        <div className="muted small">{r.email ?? 'contact details not shared yet'}</div>
                        {r.tags.length ? (
                          <div className="cluster roster-tags">
                            {r.tags.map((t) => (
                              <Link key={t} to={link({ tag: t })} className="tag">
                                {t}
                              </Link>
                            ))}
                          </div>
                        ) : null}
                      </th>
                      <td>
                        {r.accounts.length === 0 ? (
                          <span className="muted">—</span>
                        ) : (
                          <ul className="plain roster-account-list">
                            {r.accounts.map((a) => (
                              <li key={`${a.platform}:${a.handle}`}>
                                <span className="nowrap">
                                  {PLATFORM_LABEL[a.platform as Platform] ?? a.platform} @{a.handle}
                                </span>{' '}
                                {a.followers !== null ? (
                                  <span className="muted num nowrap">
                                    {compact.format(a.followers)}
                                    {a.tier ? ` · ${TIER_LABEL[a.tier as Tier]}` : ''}
                                  </span>
                                ) : (
                                  <span className="muted small" title="Follower counts are shared once you work together.">
                                    counts not shared
                                  </span>
                                )}
                                {a.enteredBy === 'brand' ? <span className="muted small"> · yours</span> : null}
                                {a.rising ? (
                                  <>
                                    {' '}
                                    <Chip tone="success" title={`${formatGrowth(a.growth90dBp)} followers in 90 days`}>
                                      Rising {formatGrowth(a.growth90dBp)}
                                    </Chip>
                                  </>
                                ) : null}
                                {a.rising && a.engagementRate !== null ? <span className="muted small"> · ER {(a.engagementRate * 100).toFixed(1)}%</span> : null}
                                {a.check ? (
                                  <>
                                    {' '}
                                    <Chip tone="warning" title={a.check}>
                                      Check followers
                                    </Chip>
                                  </>
                                ) : null}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td>
                        <StatusChip status={r.status} />
                      </td>
                      <td>{r.lastCollaborationAt ? <DateTime value={r.lastCollaborationAt} dateOnly /> : <span className="muted">Never</span>}</td>
                      <td className="num">{r.totalPaidMinor ? <Money minor={r.totalPaidMinor} currency={currency} /> : <span className="muted">—</span>}</td>
                      <td className="num">
                        {r.costPerEngagement === null ? <span className="muted">—</span> : <Money minor={Math.round(r.costPerEngagement)} currency={currency} />}
                      </td>
                      <td className="num">{pct(r.onTimeRateBp)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {page.prevCursor || page.nextCursor ? (
            <nav className="pager" aria-label="Pages">
              {page.prevCursor ? (
                <Link to={link({ cursor: page.prevCursor })} rel="prev">
                  ← Previous
                </Link>
              ) : (
                <span />
              )}
              {page.nextCursor ? (
                <Link to={link({ cursor: page.nextCursor })} rel="next">
                  Next →
                </Link>
              ) : null}
            </nav>
          ) : null}
        </Card>
        {canEdit ? (
          <Card title="Invite a creator">
            <Form method="post" className="roster-invite" noValidate>
              <input type="hidden" name="intent" value="invite-creator" />
              <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
              <TextField label="Name" name="name" required error={fieldError(failure, 'name')} />
              <TextField label="Email" name="email" type="email" required error={fieldError(failure, 'email')} />
              <Button type="submit" variant="primary" pending={pending} pendingText="Inviting…">
                Add to roster and invite
              </Button>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  )
}
