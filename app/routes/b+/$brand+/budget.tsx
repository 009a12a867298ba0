import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { BudgetSummary } from '#app/components/budget-summary.tsx'
import { CostCampaignPick, CostCreatorFields } from '#app/components/cost-creator-fields.tsx'
import { CAMPAIGN_CHOICES } from '#app/domain/campaign-choices.ts'
import { Button, Card, Chip, EmptyState, FormError, Money, PageHeader, SelectField, TextField } from '#app/components/ui.tsx'
import { formatMoneyExact } from '#app/components/format.ts'
import { roleCan } from '#app/auth/capabilities.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { addCostEntry } from '#app/services/budget/add-cost-entry.server.ts'
import { getBudget } from '#app/services/budget/get-budget.server.ts'
import { echoedValues } from '#app/utils/echoed-values.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import { parseForm, peekForm } from '#app/validation/parse-form.server.ts'
import { campaignCurrency } from '#app/services/money/currency-of.server.ts'
import { costEntrySchema, parseBudgetQuery } from '#app/validation/money.ts'
import { Pager, pagerLink } from '#app/components/pager.tsx'

export const meta: MetaFunction = () => [{ title: 'Budget · Greenroom' }]

const KIND_LABEL: Record<string, string> = {
  fee: 'Creator fees',
  gifting: 'Gifting (product)',
  shipping: 'Gift shipping',
  production: 'Production',
  commission: 'Agency commission',
  usage: 'Usage fees',
  other: 'Other',
}

// Anyone who sees reports sees the budget; managers and admins add costs.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'report.view')
  const query = parseBudgetQuery(new URL(args.request.url))
  return { ...(await getBudget(actor, { campaignId: query.campaignId, cursor: query.cursor, ledgerCursor: query.ledger })), cursor: query.cursor ?? null, ledger: query.ledger ?? null, canEdit: roleCan(actor.role, 'campaign.edit') }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'campaign.edit')
  return handleAction(async () => {
    // Amounts are typed in the campaign's currency: look it up (this brand's campaigns only) before parsing.
    const campaignId = String((await peekForm(args.request)).get('campaignId') ?? '')
    const currency = /^[A-Za-z0-9_-]{1,64}$/.test(campaignId) ? await campaignCurrency(actor.brand.id, campaignId) : actor.brand.currency
    const input = await parseForm(args.request, costEntrySchema(currency))
    await addCostEntry(actor, {
      campaignId: input.campaignId,
      offerId: input.offerId || null,
      creatorId: input.creatorId || null,
      kind: input.kind,
      amountMinor: input.amount,
      shippingMinor: input.shipping,
      note: input.note,
      carrier: input.carrier,
      trackingNumber: input.trackingNumber,
      shippedOn: input.shippedOn || null,
      deliveredOn: input.deliveredOn || null,
    })
    // Back to the page with the form still on this campaign (its creators are the ones loaded).
    return redirectWithFlash(`/b/${actor.brand.slug}/budget?${new URLSearchParams({ campaignId: input.campaignId })}`, 'Cost added to the ledger.')
  })
}

export default function Budget() {
  const { campaigns, nextCursor, prevCursor, cursor, ledger, program, entries, ledgerNextCursor, ledgerPrevCursor, campaignChoices, campaignChoicesMore, costCampaignId, costCreators, canEdit } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = failureOf(actionData)
  const pending = useIsPending({ intent: 'add-cost' })
  return (
    <>
      <PageHeader title="Budget" subtitle="Planned, committed, invoiced and paid, per campaign and for the whole program." />
      <div className="stack">
        {program.map((p) => (
          <Card key={p.currency} title={`Program (${p.currency})`}>
            <BudgetSummary b={p} />
          </Card>
        ))}
        <Card title="Campaigns">
          {campaigns.length === 0 ? (
            <EmptyState title="No campaigns yet">Create a campaign with a budget to track spend here.</EmptyState>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Campaign</th>
                    <th scope="col" className="num">Planned</th>
                    <th scope="col" className="num">Committed</th>
                    <th scope="col" className="num">Invoiced</th>
                    <th scope="col" className="num">Paid</th>
                    <th scope="col" className="num">Remaining</th>
                  </tr>
                </thead>
                <tbody>
                  {campaigns.map((c) => (
                    <tr key={c.campaignId}>
                      <td>
                        <span className="strong">{c.name}</span>
                        {c.overCommitted ? (
                          <div>
                            <Chip tone="warning">Committed over plan</Chip>
                          </div>
                        ) : null}
                        <div className="muted small">
                          {Object.entries(c.byKind)
                            .map(([k, v]) => `${KIND_LABEL[k] ?? k} ${formatMoneyExact(v, c.currency)}`)
                            .join(' · ')}
                        </div>
                      </td>
                      <td className="num"><Money minor={c.plannedMinor} currency={c.currency} /></td>
                      <td className="num"><Money minor={c.committedMinor} currency={c.currency} /></td>
                      <td className="num"><Money minor={c.invoicedMinor} currency={c.currency} /></td>
                      <td className="num"><Money minor={c.paidMinor} currency={c.currency} /></td>
                      <td className="num"><Money minor={c.remainingMinor} currency={c.currency} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            prev={prevCursor ? pagerLink('', { campaignId: costCampaignId, ledger }, prevCursor) : null}
            next={nextCursor ? pagerLink('', { campaignId: costCampaignId, ledger }, nextCursor) : null}
          />
        </Card>
        <div className={canEdit ? 'grid-2 grid-wide-left' : ''}>
          <Card title="Cost ledger">
            {entries.length === 0 ? (
              <EmptyState title="No costs besides creator fees">Gifting, shipping, production and other costs appear here.</EmptyState>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">What</th>
                      <th scope="col" className="num">Amount</th>
                      <th scope="col">When</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((e) => (
                      <tr key={e.id}>
                        <td>
                          {KIND_LABEL[e.kind] ?? e.kind} · {e.campaignName}
                          {e.creatorName ? ` · ${e.creatorName}` : ''}
                          <div className="muted small">
                            {[e.note, e.carrier && `${e.carrier} ${e.trackingNumber ?? ''}`, e.shippedOn && `shipped ${e.shippedOn}`, e.deliveredOn && `delivered ${e.deliveredOn}`]
                              .filter(Boolean)
                              .join(' · ')}
                          </div>
                        </td>
                        <td className="num"><Money minor={e.amountMinor} currency={e.currency} /></td>
                        <td>{e.createdAt.slice(0, 10)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pager
              prev={ledgerPrevCursor ? pagerLink('', { campaignId: costCampaignId, cursor }, ledgerPrevCursor, 'ledger') : null}
              next={ledgerNextCursor ? pagerLink('', { campaignId: costCampaignId, cursor }, ledgerNextCursor, 'ledger') : null}
            />
          </Card>
          {canEdit && costCampaignId ? (
            <Card title="Add a cost" id="add-cost">
              <Form method="post" className="stack" noValidate>
                <input type="hidden" name="intent" value="add-cost" />
                {cursor ? <input type="hidden" name="cursor" value={cursor} /> : null}
                {ledger ? <input type="hidden" name="ledger" value={ledger} /> : null}
                <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
                <CostCreatorFields
                  campaigns={campaignChoices}
                  hint={campaignChoicesMore ? `Shows the ${CAMPAIGN_CHOICES} newest. For an older campaign, use “Add a cost” on its page.` : undefined}
                  costCreators={costCreators}
                  initialCampaignId={echoedValues(actionData).get('campaignId', costCampaignId)}
                  errors={{ campaignId: fieldError(failure, 'campaignId'), creatorId: fieldError(failure, 'creatorId') }}
                />
                <SelectField
                  label="Kind"
                  name="kind"
                  required
                  options={['gifting', 'production', 'commission', 'usage', 'other'].map((k) => ({ value: k, label: KIND_LABEL[k]! }))}
                  error={fieldError(failure, 'kind')}
                />
                <TextField label="Amount" name="amount" inputMode="decimal" required hint="For gifting: the product cost." error={fieldError(failure, 'amount')} />
                <TextField label="Note" name="note" error={fieldError(failure, 'note')} />
                <details>
                  <summary>Gift shipping</summary>
                  <div className="stack">
                    <TextField label="Shipping cost" name="shipping" inputMode="decimal" error={fieldError(failure, 'shipping')} />
                    <TextField label="Carrier" name="carrier" error={fieldError(failure, 'carrier')} />
                    <TextField label="Tracking number" name="trackingNumber" error={fieldError(failure, 'trackingNumber')} />
                    <TextField label="Shipped on" name="shippedOn" type="date" error={fieldError(failure, 'shippedOn')} />
                    <TextField label="Delivered on" name="deliveredOn" type="date" error={fieldError(failure, 'deliveredOn')} />
                  </div>
                </details>
                <div>
                  <Button type="submit" variant="primary" pending={pending} pendingText="Adding…">
                    Add cost
                  </Button>{' '}
                  <CostCampaignPick />
                </div>
              </Form>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  )
}
