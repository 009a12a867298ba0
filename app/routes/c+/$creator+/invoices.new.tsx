import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useParams } from '@remix-run/react'
import { Button, Card, EmptyState, FormError, Money, PageHeader, StatusChip, TextField } from '#app/components/ui.tsx'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { toDecimalString } from '#app/domain/money.ts'
import { PAYMENT_CLOCK_LABEL, type PaymentClockStart } from '#app/domain/offer-terms.ts'
import { getInvoiceDraft, listInvoiceableCollaborations } from '#app/services/invoices/get-invoice-draft.server.ts'
import { submitInvoice } from '#app/services/invoices/submit-invoice.server.ts'
import { newId } from '#db/ids.ts'
import { InvalidInputError } from '#app/utils/errors.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { echoedValues } from '#app/utils/echoed-values.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import { parseForm, peekForm } from '#app/validation/parse-form.server.ts'
import { submitInvoiceSchema } from '#app/validation/money.ts'

export const meta: MetaFunction = () => [{ title: 'New invoice · Greenroom' }]

// The creator, or an agent with the 'invoice' permission.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'invoice')
  const offerId = new URL(args.request.url).searchParams.get('offer')
  const collaborations = await listInvoiceableCollaborations(actor)
  const draft = offerId ? await handleLoader(() => getInvoiceDraft(actor, offerId)) : null
  // A fresh key per form render: a double click or a resubmitted form creates one invoice.
  return { collaborations, draft, idempotencyKey: newId(24) }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireCreatorActor(args, 'invoice')
  return handleAction(async () => {
    // Amounts are read in the offer's currency: find it (the creator's own offer, or a 404) before parsing.
    const offerId = String((await peekForm(args.request)).get('offerId') ?? '')
    const currency = offerId && /^[A-Za-z0-9_-]{1,64}$/.test(offerId) ? (await getInvoiceDraft(actor, offerId)).offer.currency : 'USD'
    const input = await parseForm(args.request, submitInvoiceSchema(currency), { arrayFields: ['line', 'lineAmount'] })
    if (input.line.length !== input.lineAmount.length) throw new InvalidInputError('The form was incomplete. Reload the page and try again.')
    const lines: { deliverableId: string | null; amountMinor: number }[] = []
    input.line.forEach((deliverableId, i) => {
      const minor = input.lineAmount[i]!
      if (minor > 0) lines.push({ deliverableId, amountMinor: minor })
    })
    if (input.usageAmount > 0) lines.push({ deliverableId: null, amountMinor: input.usageAmount })
    const r = await submitInvoice(actor, {
      offerId: input.offerId,
      number: input.number,
      issueDate: input.issueDate,
      payeeName: input.payeeName,
      idempotencyKey: input.idempotencyKey,
      lines,
      taxMinor: input.tax,
    })
    const msg = r.created
      ? `Invoice ${r.invoice.number} sent.${r.invoice.matchOk ? '' : ' Some checks did not pass yet: see below.'}`
      : `Invoice ${r.invoice.number} was already sent; nothing was sent twice.`
    return redirectWithFlash(`/c/${actor.creator.id}/invoices/${r.invoice.id}`, msg)
  })
}

export default function NewInvoice() {
  const creatorId = useParams().creator ?? ''
  const { collaborations, draft, idempotencyKey } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = failureOf(actionData)
  const pending = useIsPending({ intent: 'submit-invoice' })
  // Line amounts typed before a refusal (the TextFields echo themselves; these are plain inputs in a table).
  const echoed = echoedValues(actionData)
  const typedLine = (deliverableId: string) => {
    const i = (echoed.all('line') ?? []).indexOf(deliverableId)
    return i >= 0 ? echoed.all('lineAmount')?.[i] : undefined
  }
  if (!draft) {
    return (
      <>
        <PageHeader title="New invoice" subtitle="Choose the collaboration you are invoicing." back={{ to: `/c/${creatorId}/invoices`, label: 'Invoices' }} />
        <Card>
          {collaborations.length === 0 ? (
            <EmptyState title="Nothing to invoice yet">Invoices are made from an accepted offer. Accept one first.</EmptyState>
          ) : (
            <ul className="plain stack-sm">
              {collaborations.map((c) => (
                <li key={c.offerId}>
                  <Link to={`?offer=${c.offerId}`} className="strong">
                    {c.brandName} · {c.campaignName}
                  </Link>{' '}
                  <span className="muted">
                    fee <Money minor={c.feeMinor} currency={c.currency} />
                    {c.usageFeeMinor ? (
                      <>
                        {' '}
                        + usage <Money minor={c.usageFeeMinor} currency={c.currency} />
                      </>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </>
    )
  }
  const o = draft.offer
  const total = draft.lines.reduce((s, l) => s + (l.notInvoiceable ? 0 : l.amountMinor), 0)
  const major = (m: number) => toDecimalString(m, o.currency)
  return (
    <>
      <PageHeader title={`Invoice ${o.brandName}`} subtitle={`${o.campaignName}. Bill to ${o.billTo}.`} back={{ to: '.', label: 'Choose another collaboration' }} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="submit-invoice" />
        <input type="hidden" name="offerId" value={o.id} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : (fieldError(failure, 'lineAmount') ?? null)} />
        <div className="grid-2">
          <Card title="Invoice details">
            <div className="stack">
              <TextField label="Invoice number" name="number" required hint="Your own numbering, e.g. MC-2026-014. Each invoice needs a new number." error={fieldError(failure, 'number')} />
              <TextField label="Issue date" name="issueDate" type="date" required defaultValue={draft.issueDate} error={fieldError(failure, 'issueDate')} />
              <TextField
                label="Payee legal name"
                name="payeeName"
                required
                defaultValue={draft.payee.legalName}
                hint={
                  draft.payee.kind === 'agency'
                    ? 'Your agency invoices for you: this is the agency’s legal name.'
                    : 'Exactly as on your tax form, so finance can match it.'
                }
                error={fieldError(failure, 'payeeName')}
              />
            </div>
          </Card>
          <Card title="Payment terms">
            <dl className="dl">
              <dt>Terms</dt>
              <dd>
                Net {o.paymentNetDays} days, {PAYMENT_CLOCK_LABEL[o.paymentClockStart as PaymentClockStart] ?? o.paymentClockStart}
              </dd>
              <dt>Agreed fee</dt>
              <dd>
                <Money minor={o.feeMinor} currency={o.currency} />
              </dd>
              {o.usageFeeMinor ? (
                <>
                  <dt>Usage fee</dt>
                  <dd>
                    <Money minor={o.usageFeeMinor} currency={o.currency} />
                  </dd>
                </>
              ) : null}
              <dt>Tax form</dt>
              <dd>{draft.payee.taxFormStatus ? <StatusChip status={draft.payee.taxFormStatus} /> : <Link to="../invoices/tax-form">Upload your tax form</Link>}</dd>
            </dl>
          </Card>
        </div>
        <Card title="Lines">
          {draft.lines.length === 0 ? (
            <EmptyState title="Everything is invoiced">Every deliverable of this collaboration is already on an invoice.</EmptyState>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Line</th>
                    <th scope="col">Status</th>
                    <th scope="col">Amount ({o.currency})</th>
                  </tr>
                </thead>
                <tbody>
                  {draft.lines.map((l) => (
                    <tr key={l.deliverableId ?? 'usage'}>
                      <td>
                        {l.description}
                        {l.notInvoiceable ? <div className="muted small">{l.notInvoiceable}</div> : null}
                      </td>
                      <td>
                        <StatusChip status={l.status} />
                      </td>
                      <td>
                        {l.kind === 'usage' ? (
                          <input name="usageAmount" aria-label={`Amount for ${l.description}`} defaultValue={echoed.has ? echoed.get('usageAmount') : major(l.amountMinor)} inputMode="decimal" className="input" />
                        ) : (
                          <>
                            <input type="hidden" name="line" value={l.deliverableId!} />
                            <input name="lineAmount" aria-label={`Amount for ${l.description}`} defaultValue={typedLine(l.deliverableId!) ?? (l.notInvoiceable ? '' : major(l.amountMinor))} inputMode="decimal" className="input" />
                          </>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="muted small">
            Clear an amount to leave that line off this invoice. Prefilled total: <Money minor={total} currency={o.currency} />.
            {draft.lines.some((l) => l.notInvoiceable) ? ' Lines not delivered yet are left empty: invoice them once their post is verified (an amount typed now is flagged for the brand).' : ''}
          </p>
          <TextField label={`Tax / VAT (${o.currency}, optional)`} name="tax" inputMode="decimal" error={fieldError(failure, 'tax')} />
        </Card>
        <div className="callout callout-info">
          <p>
            Sending this invoice sends it to {o.brandName} for approval. It is checked against your agreement, your verified posts and your tax form; you
            will see the result right away.
          </p>
        </div>
        <div>
          <Button type="submit" variant="primary" pending={pending} pendingText="Sending…" disabled={draft.lines.length === 0}>
            Send invoice to {o.brandName}
          </Button>
        </div>
      </Form>
    </>
  )
}
