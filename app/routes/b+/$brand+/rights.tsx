import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, Chip, DateTime, EmptyState, FormError, PageHeader, SelectField, TextField } from '#app/components/ui.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { roleCan } from '#app/auth/capabilities.ts'
import { offerRightsExtension } from '#app/services/contracts/offer-rights-extension.server.ts'
import { extendOfferParam, extendRightsSchema } from '#app/validation/contracts.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import { ADS_PERMISSION_LABEL } from '#app/domain/contract-labels.ts'
import { RIGHTS_LEDGER_ORDER, RIGHTS_STATUS_LABEL, type RightsStatus } from '#app/domain/rights.ts'
import { listRightsPage } from '#app/services/contracts/list-rights.server.ts'
import { cursorParam } from '#app/domain/keyset-cursor.ts'
import { Pager, pagerLink } from '#app/components/pager.tsx'

export const meta: MetaFunction = () => [{ title: 'Usage rights · Greenroom' }]

// Every member of the brand may see what content it may still use.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.view')
  const today = new Date().toISOString().slice(0, 10)
  const search = new URL(args.request.url).searchParams
  const cursor = cursorParam.parse(search.get('cursor') ?? undefined)
  const canExtend = roleCan(actor.role, 'offer.send')
  return { slug: actor.brand.slug, ...(await listRightsPage(actor.brand.id, { cursor })), canExtend, extending: canExtend ? (extendOfferParam.parse(search.get('extend') ?? undefined) ?? null) : null, cursor: cursor ?? null, today }
}

// Offering an extension is negotiating terms: offer.send (managers and admins).
export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'offer.send')
  return handleAction(async () => {
    const input = await parseForm(args.request, extendRightsSchema)
    await offerRightsExtension(actor, { offerId: input.offerId, months: input.months, feeMinor: input.fee, usageRights: input.usageRights, usageTerritory: input.usageTerritory, expiresOn: input.expiresOn, message: input.message })
    return redirectWithFlash(`/b/${actor.brand.slug}/rights`, `Extension offered: ${input.months} more month${input.months === 1 ? '' : 's'}. The creator accepts and signs it like any offer; the licence runs longer once both have signed.`)
  })
}

/** The page's URL with `extend` set (or dropped), keeping the page it is on. */
function extendLink(cursor: string | null, offerId: string | null) {
  const p = new URLSearchParams()
  if (cursor) p.set('cursor', cursor)
  if (offerId) p.set('extend', offerId)
  const q = p.toString()
  return q ? `?${q}` : '.'
}

/**
 * "Extend rights" on a licence: a link that opens the form on this row (the page again with ?extend=, so it
 * works without JavaScript and keeps the scroll position with it); the form itself once opened, or when the
 * last submission for this offer came back with errors.
 */
function ExtendRights({ offerId, rowId, currency, today, paidAds, open, cursor }: { offerId: string; rowId: string; currency: string; today: string; paidAds: boolean; open: boolean; cursor: string | null }) {
  const failure = failureOf(useActionData<typeof action>())
  const values = (useActionData<typeof action>() as { values?: Record<string, string> } | undefined)?.values
  const mine = values?.offerId === offerId ? failure : null
  const pending = useIsPending({ intent: 'extend' })
  if (!open && !mine) {
    return (
      <Link to={`${extendLink(cursor, offerId)}#${rowId}`} preventScrollReset className="small" style={{ minHeight: 44, display: 'inline-flex', alignItems: 'center' }}>
        Extend rights
      </Link>
    )
  }
  return (
    <section className="stack-sm" aria-label="Extend rights">
      <strong>Extend rights</strong>
      <Form method="post" className="stack-sm" noValidate aria-label="Extend rights">
        <input type="hidden" name="intent" value="extend" />
        <input type="hidden" name="offerId" value={offerId} />
        <FormError errors={mine?.formError ?? null} />
        <TextField label="Extra months" name="months" type="number" min={1} max={60} required defaultValue={3} echo={Boolean(mine)} error={fieldError(mine, 'months')} />
        <TextField label={`Extension fee (${currency})`} name="fee" inputMode="decimal" echo={Boolean(mine)} error={fieldError(mine, 'fee')} />
        <SelectField
          label="What the brand may do"
          name="usageRights"
          required
          defaultValue={paidAds ? 'paid' : 'organic'}
          echo={Boolean(mine)}
          options={[
            { value: 'paid', label: 'Organic repost and paid ads / whitelisting' },
            { value: 'organic', label: 'Organic repost' },
          ]}
          error={fieldError(mine, 'usageRights')}
        />
        <TextField label="Territory" name="usageTerritory" maxLength={80} echo={Boolean(mine)} hint="Empty: as in the contract." error={fieldError(mine, 'usageTerritory')} />
        <TextField label="Answer by" name="expiresOn" type="date" required min={today} echo={Boolean(mine)} error={fieldError(mine, 'expiresOn')} />
        <div className="cluster">
          <Button type="submit" variant="primary" pending={pending} pendingText="Sending…">
            Send the extension offer
          </Button>
          <Link to={`${extendLink(cursor, null)}#${rowId}`} preventScrollReset>
            Cancel
          </Link>
        </div>
      </Form>
    </section>
  )
}

const TONE: Record<RightsStatus, 'success' | 'warning' | 'danger' | 'neutral' | 'info'> = { active: 'success', ending: 'warning', expired: 'danger', upcoming: 'info', perpetual: 'neutral' }

export default function RightsPage() {
  const d = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Usage rights" subtitle="What you may still do with each creator's content, from the signed contracts." />
      {d.items.length === 0 ? (
        <EmptyState title="No usage rights yet">Rights appear here once a contract that licenses usage is signed by the creator and countersigned by the brand.</EmptyState>
      ) : null}
      {RIGHTS_LEDGER_ORDER.map((g) => {
        const rows = d.items.filter((i) => i.status === g)
        if (!rows.length) return null
        return (
          <Card key={g} title={`${RIGHTS_STATUS_LABEL[g]} (${d.counts[g]})`}>
            <ul className="list">
              {rows.map((i) => (
                <li key={i.id} id={`licence-${i.id}`} className="list-row" data-testid="rights-row">
                  <div className="stack-sm">
                    <span className="cluster">
                      <strong>{i.creatorName}</strong>
                      <span>
                        {i.deliverable} · {i.campaignName}
                      </span>
                      <Chip tone={TONE[i.status]}>
                        {RIGHTS_STATUS_LABEL[i.status]}
                        {i.status === 'ending' || i.status === 'active' ? ` · ${i.daysLeft} day${i.daysLeft === 1 ? '' : 's'} left` : ''}
                      </Chip>
                    </span>
                    <span className="small">
                      {[i.organic ? 'Organic repost' : null, i.paidAds ? 'Paid ads / whitelisting' : null].filter(Boolean).join(' + ')} · {i.channels.join(', ')} · {i.territory}
                    </span>
                    <span className="small">
                      <DateTime value={i.startsOn} dateOnly /> – {i.endsOn ? <DateTime value={i.endsOn} dateOnly /> : 'no end (perpetual)'}
                      {i.endsOn ? ` (until the end of that day, ${i.timeZone})` : ''}
                    </span>
                    {i.ads.map((a) => (
                      <span key={a.id} className={a.outlives ? 'small callout callout-danger' : 'small'}>
                        {ADS_PERMISSION_LABEL[a.kind]}
                        {a.brandAccount ? ` to ${a.brandAccount}` : ''}
                        {a.code ? `: ${a.code}` : ''} · {a.expiresOn ? `valid until ${a.expiresOn}` : 'no expiry'}
                        {a.outlives ? ` — ${a.outlives}: stop the ads when the licence ends.` : ''}
                      </span>
                    ))}
                    <span className="small cluster">
                      {i.postUrl ? (
                        <a href={i.postUrl} rel="noreferrer noopener" target="_blank">
                          Live post
                        </a>
                      ) : (
                        <span className="muted">Not posted yet</span>
                      )}
                      <Link to={`/b/${d.slug}/contracts/${i.contractId}`}>Contract</Link>
                    </span>
                    {d.canExtend && i.extendHere ? (
                      <ExtendRights offerId={i.offerId} rowId={`licence-${i.id}`} currency={i.currency} today={d.today} paidAds={i.paidAds} open={d.extending === i.offerId} cursor={d.cursor} />
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        )
      })}
      {d.items.length < d.total ? (
        <p className="small muted" data-testid="rights-page">
          {d.items.length} of {d.total} licences on this page, in this order; the counts are of all {d.total}.
        </p>
      ) : null}
      <Pager prev={d.prevCursor ? pagerLink('', {}, d.prevCursor) : null} next={d.nextCursor ? pagerLink('', {}, d.nextCursor) : null} />
    </>
  )
}
