import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, Chip, DateTime, EmptyState, FormError, LinkButton, Money, PageHeader, SelectField, Stat, StatusChip, TextField, TextareaField } from '#app/components/ui.tsx'
import { CreatorAccountsCard } from '#app/components/roster/creator-accounts-card.tsx'
import { CreatorContactCard } from '#app/components/roster/creator-contact-card.tsx'
import { humanizeStatus } from '#app/components/format.ts'
import { PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { ROSTER_STATUSES } from '#app/domain/roles.ts'
import { formatGrowth } from '#app/domain/roster.ts'
import { TIER_LABEL, type Tier } from '#app/domain/tiers.ts'
import { roleCan } from '#app/auth/capabilities.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { addCreatorNote } from '#app/services/roster/add-creator-note.server.ts'
import { getRosterProfile } from '#app/services/roster/get-roster-profile.server.ts'
import { updateRosterEntry } from '#app/services/roster/update-roster-entry.server.ts'
import { rosterEntryActionSchema } from '#app/validation/roster.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import { CONNECTOR_LABEL } from '#app/domain/connectors.ts'
import { listConnections } from '#app/services/connectors/connections.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.profile.creator.name ?? 'Creator'} · Roster · Greenroom` }]

// Members who may see the roster; the creator must be on this brand's roster (404 otherwise).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'roster.view')
  const profile = await handleLoader(() => getRosterProfile(actor.brand, args.params.creator!))
  // Connected / not connected / expired per platform (never the tokens); empty when no platform app is set up.
  const connections = (await listConnections(profile.creator.id)).map((c) => ({ platform: c.platform, status: c.status, username: c.username }))
  return { profile, connections, brandSlug: actor.brand.slug, currency: actor.brand.currency, canEdit: roleCan(actor.role, 'roster.edit') }
}

// Managers and admins: add a relationship note, change the status or the tags.
export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'roster.edit')
  const creatorId = args.params.creator!
  const here = `/b/${actor.brand.slug}/roster/${creatorId}`
  return handleAction(async () => {
    const input = await parseForm(args.request, rosterEntryActionSchema)
    if (input.intent === 'add-note') {
      await addCreatorNote(actor, creatorId, input.body)
      return redirectWithFlash(`${here}#notes`, 'Note added.')
    }
    if (input.intent === 'set-status') {
      await updateRosterEntry(actor, creatorId, { status: input.status })
      return redirectWithFlash(here, `Status set to ${humanizeStatus(input.status).toLowerCase()}.`)
    }
    await updateRosterEntry(actor, creatorId, { tags: input.tags })
    return redirectWithFlash(here, input.tags.length ? 'Tags saved.' : 'Tags cleared.')
  })
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })
const nf = new Intl.NumberFormat('en-US')
const specsLabel = (specs: { platform: string; format: string; quantity?: number }[]) => specs.map((s) => deliverableLabel(s)).join(', ') || '—'

export default function RosterCreator() {
  const { profile, connections, brandSlug, currency, canEdit } = useLoaderData<typeof loader>()
  const { creator, entry } = profile
  const failure = failureOf(useActionData<typeof action>())
  const addingNote = useIsPending({ intent: 'add-note' })
  const savingStatus = useIsPending({ intent: 'set-status' })
  const savingTags = useIsPending({ intent: 'set-tags' })
  return (
    <>
      <PageHeader
        back={{ to: `/b/${brandSlug}/roster`, label: 'Roster' }}
        title={
          <span className="cluster">
            {creator.name} <StatusChip status={entry.status} />
            {profile.accounts.some((a) => a.rising) ? <Chip tone="success">Rising</Chip> : null}
          </span>
        }
        subtitle={
          <>
            On your roster since <DateTime value={entry.addedAt} dateOnly />
            {connections.map((c) => (
              <span key={c.platform}>
                {' '}
                · {CONNECTOR_LABEL[c.platform]}:{' '}
                <Chip tone={c.status === 'connected' ? 'success' : c.status === 'expired' ? 'warning' : 'neutral'}>
                  {c.status === 'connected' ? 'connected' : c.status === 'expired' ? 'expired' : 'not connected'}
                </Chip>
              </span>
            ))}
            {entry.lastCollaborationAt ? (
              <>
                {' '}
                · last collaboration <DateTime value={entry.lastCollaborationAt} dateOnly />
              </>
            ) : null}
          </>
        }
        actions={
          canEdit ? (
            <LinkButton to="accounts" variant="secondary">
              Track accounts & followers
            </LinkButton>
          ) : undefined
        }
      />
      <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
      <div className="grid-4 roster-stats">
        <Stat label="Total paid" value={<Money minor={profile.money.paidMinor} currency={profile.money.currency} />} hint={<>Cost <Money minor={profile.money.costMinor} currency={profile.money.currency} /> · invoiced <Money minor={profile.money.invoicedMinor} currency={profile.money.currency} /></>} />
        <Stat label="Avg cost / engagement" value={profile.costPerEngagement === null ? '—' : <Money minor={Math.round(profile.costPerEngagement)} currency={currency} />} />
        <Stat label="On time" value={entry.onTimeRateBp === null ? '—' : `${Math.round(entry.onTimeRateBp / 100)}%`} hint="Drafts and posts delivered by their dates" />
        <Stat label="Collaborations" value={profile.rates.length} />
      </div>

      <div className="grid-2">
        <CreatorContactCard name={creator.name} contact={creator.contact} hasAccount={creator.hasAccount} agencies={profile.agencies} representedBy={entry.representedBy} />
        <Card title="Status and tags">
          {canEdit ? (
            <div className="stack">
              <Form method="post" className="cluster roster-inline-form">
                <input type="hidden" name="intent" value="set-status" />
                <SelectField label="Status" name="status" defaultValue={entry.status} options={ROSTER_STATUSES.map((s) => ({ value: s, label: humanizeStatus(s) }))} error={fieldError(failure, 'status')} />
                <Button type="submit" pending={savingStatus} pendingText="Saving…">
                  Save status
                </Button>
              </Form>
              <Form method="post" className="cluster roster-inline-form">
                <input type="hidden" name="intent" value="set-tags" />
                <TextField label="Tags" name="tags" defaultValue={entry.tags.join(', ')} hint="Separate with commas, e.g. running, trail" error={fieldError(failure, 'tags')} />
                <Button type="submit" pending={savingTags} pendingText="Saving…">
                  Save tags
                </Button>
              </Form>
            </div>
          ) : (
            <p>
              <StatusChip status={entry.status} /> {entry.tags.length ? entry.tags.join(', ') : <span className="muted">No tags</span>}
            </p>
          )}
        </Card>
      </div>

      <CreatorAccountsCard accounts={profile.accounts} canEdit={canEdit} name={creator.name} />

      <Card title={`Relationship notes (${profile.notes.length})`} id="notes">
        {canEdit ? (
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="add-note" />
            <TextareaField label="Add a note" name="body" rows={3} hint="Only your brand's team sees notes." error={fieldError(failure, 'body')} />
            <div>
              <Button type="submit" variant="primary" pending={addingNote} pendingText="Adding…">
                Add note
              </Button>
            </div>
          </Form>
        ) : null}
        {profile.notes.length === 0 ? (
          <p className="muted">No notes yet. Record how the last collaboration went, what they like to work on, and anything the next manager should know.</p>
        ) : (
          <ol className="plain roster-notes">
            {profile.notes.map((n) => (
              <li key={n.id}>
                <div className="muted small">
                  {n.authorName ?? 'A former member'} · <DateTime value={n.createdAt} />
                </div>
                <p className="roster-note-body">{n.body}</p>
              </li>
            ))}
          </ol>
        )}
      </Card>

      <Card title="Rate history">
        {profile.rates.length === 0 ? (
          <p className="muted">No agreed fees yet. Every fee the creator accepts appears here, by deliverable and date.</p>
        ) : (
          <div className="table-wrap">
            <table className="table-compact">
              <thead>
                <tr>
                  <th scope="col">Agreed</th>
                  <th scope="col">Campaign</th>
                  <th scope="col">Deliverables</th>
                  <th scope="col" className="num">
                    Fee
                  </th>
                  <th scope="col" className="num">
                    Usage fee
                  </th>
                </tr>
              </thead>
              <tbody>
                {profile.rates.map((r) => (
                  <tr key={r.offerId}>
                    <td>
                      <DateTime value={r.agreedAt} dateOnly />
                    </td>
                    <td>{r.campaignName}</td>
                    <td>{specsLabel(r.specs)}</td>
                    <td className="num">
                      <Money minor={r.feeMinor} currency={r.currency} />
                    </td>
                    <td className="num">{r.usageFeeMinor ? <Money minor={r.usageFeeMinor} currency={r.currency} /> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title="Collaborations">
        {profile.collaborations.length === 0 ? (
          <p className="muted">No offers yet. Send one from a campaign's Offers tab.</p>
        ) : (
          <div className="table-wrap">
            <table className="table-compact">
              <thead>
                <tr>
                  <th scope="col">Campaign</th>
                  <th scope="col">Status</th>
                  <th scope="col">Deliverables</th>
                  <th scope="col" className="num">
                    Impressions
                  </th>
                  <th scope="col" className="num">
                    Engagements
                  </th>
                  <th scope="col" className="num">
                    CPE
                  </th>
                  <th scope="col" className="num">
                    Cost
                  </th>
                  <th scope="col" className="num">
                    Paid
                  </th>
                </tr>
              </thead>
              <tbody>
                {profile.collaborations.map((c) => (
                  <tr key={c.offerId}>
                    <td>
                      <Link to={`/b/${brandSlug}/campaigns/${c.campaignId}/offers`}>{c.campaignName}</Link>
                      <div className="muted small">
                        Sent <DateTime value={c.sentAt} dateOnly />
                      </div>
                    </td>
                    <td>
                      <StatusChip status={c.status} />
                    </td>
                    <td>
                      {c.deliverables.length ? (
                        <ul className="plain">
                          {c.deliverables.map((d) => (
                            <li key={d.id}>
                              {deliverableLabel(d)} <span className="muted small">{humanizeStatus(d.status).toLowerCase()}</span>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        specsLabel(c.specs)
                      )}
                    </td>
                    <td className="num">{c.results.impressions === null ? '—' : nf.format(c.results.impressions)}</td>
                    <td className="num">{c.results.engagements === null ? '—' : nf.format(c.results.engagements)}</td>
                    <td className="num">{c.results.cpe === null ? '—' : <Money minor={Math.round(c.results.cpe)} currency={c.currency} />}</td>
                    <td className="num">
                      <Money minor={c.money.costMinor} currency={c.currency} />
                      {c.money.giftingMinor ? (
                        <div className="muted xsmall">
                          incl. gifting <Money minor={c.money.giftingMinor} currency={c.currency} />
                        </div>
                      ) : null}
                    </td>
                    <td className="num">
                      <Money minor={c.money.paidMinor} currency={c.currency} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <div className="grid-2">
        <Card title="Payments">
          {profile.invoices.length === 0 ? (
            <p className="muted">No invoices from this creator yet.</p>
          ) : (
            <ul className="list">
              {profile.invoices.map((i) => (
                <li key={i.id} className="list-row">
                  <span>
                    <strong>{i.number}</strong> <StatusChip status={i.status} />
                    <span className="muted small">
                      {' '}
                      {i.paidAt ? (
                        <>
                          paid <DateTime value={i.paidAt} dateOnly />
                        </>
                      ) : (
                        <>
                          issued <DateTime value={i.issueDate} dateOnly />
                        </>
                      )}
                    </span>
                  </span>
                  <Money minor={i.totalMinor} currency={i.currency} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Disclosure findings history">
          {profile.findings.length === 0 ? (
            <p className="muted">No disclosure findings on this creator's drafts or posts.</p>
          ) : (
            <ul className="plain roster-findings">
              {profile.findings.slice(0, 30).map((f, i) => (
                <li key={i}>
                  <Chip tone={f.severity === 'blocking' ? 'danger' : f.severity === 'warning' ? 'warning' : 'info'}>{humanizeStatus(f.severity)}</Chip>{' '}
                  <span className="small">
                    {f.where} · <DateTime value={f.at} dateOnly />: {f.message}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <p className="muted xsmall">{compact.format(profile.accounts.reduce((s, a) => s + (a.followers ?? 0), 0))} followers across the accounts you can see.</p>
    </>
  )
}
