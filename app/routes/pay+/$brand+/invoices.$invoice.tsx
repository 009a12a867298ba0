import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useParams } from '@remix-run/react'
import { Button, Card, FormError, PageHeader, StatusChip } from '#app/components/ui.tsx'
import { InvoiceReview } from '#app/components/invoice-review.tsx'
import { PaymentFields, ReasonForm } from '#app/components/invoice-parts.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { moneyWords } from '#app/domain/offer-terms.ts'
import { getBrandInvoice } from '#app/services/invoices/get-invoice.server.ts'
import { markInvoicePaid } from '#app/services/invoices/mark-invoice-paid.server.ts'
import { resolveInvoiceException } from '#app/services/invoices/resolve-invoice-exception.server.ts'
import { InvalidInputError } from '#app/utils/errors.ts'
import { failureOf } from '#app/utils/forms.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import { parseFormData, readFormLimited } from '#app/validation/parse-form.server.ts'
import { markPaidSchema, resolveExceptionSchema } from '#app/validation/money.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Invoice ${data?.invoice.number ?? ''} · Payables · Greenroom` }]

// Finance only.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'payables.view')
  return { ...(await handleLoader(() => getBrandInvoice(actor, args.params.invoice ?? ''))), today: new Date().toISOString().slice(0, 10) }
}

// Finance: approve the exception with a note, send the invoice back, or mark it paid.
export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'payables.pay')
  const invoiceId = args.params.invoice ?? ''
  return handleAction(async () => {
    const form = await readFormLimited(args.request)
    const back = `/pay/${actor.brand.slug}`
    if (form.get('intent') === 'mark-paid') {
      const input = parseFormData(form, markPaidSchema)
      const r = await markInvoicePaid(actor, { invoiceId, ...input })
      return redirectWithFlash(back, r.message)
    }
    const input = parseFormData(form, resolveExceptionSchema)
    const inv = await resolveInvoiceException(actor, { invoiceId, decision: input.intent === 'approve-exception' ? 'approve' : 'send_back', note: input.note })
    return redirectWithFlash(
      input.intent === 'approve-exception' ? `${back}/invoices/${invoiceId}` : back,
      input.intent === 'approve-exception' ? `Exception approved for invoice ${inv.number}: it can be paid now.` : `Invoice ${inv.number} sent back to the creator.`,
    )
  })
}

export default function PayablesInvoice() {
  const brandSlug = useParams().brand ?? ''
  const data = useLoaderData<typeof loader>()
  const i = data.invoice
  const failure = failureOf(useActionData<typeof action>())
  const paying = useIsPending({ intent: 'mark-paid' })
  const approving = useIsPending({ intent: 'approve-exception' })
  const sending = useIsPending({ intent: 'send-back' })
  const amount = moneyWords(i.totalMinor, i.currency)
  const canPay = i.status === 'approved' && (i.matchOk || !!i.exceptionNote)
  return (
    <>
      <PageHeader title={`Invoice ${i.number}`} subtitle={`${i.payeeName} · ${i.campaignName}`} back={{ to: `/pay/${brandSlug}`, label: 'Invoice queue' }} actions={<StatusChip status={i.status} />} />
      <div className="stack">
        <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
        <InvoiceReview data={data} />
        {i.status === 'paid' ? (
          <div className="callout callout-success">
            <p>
              Paid {i.paidOn} by {i.paymentMethod?.toUpperCase()}, reference {i.paymentReference}.
            </p>
          </div>
        ) : null}
        {i.status === 'submitted' ? <p className="muted">A manager has not approved this invoice yet.</p> : null}
        {i.status === 'approved' ? (
          <div className="grid-2">
            {canPay ? (
              <Card title="Mark paid">
                <Form
                  method="post"
                  className="stack"
                  noValidate
                  onSubmit={(e) => {
                    if (!confirm(`Mark invoice ${i.number} paid (${amount})? The creator is emailed; this happens once and cannot be undone.`)) e.preventDefault()
                  }}
                >
                  <input type="hidden" name="intent" value="mark-paid" />
                  <PaymentFields today={data.today} failure={failure} />
                  <p className="small muted">Marks {amount} paid to {i.payeeName} and emails the creator with the reference.</p>
                  <div>
                    <Button type="submit" variant="primary" pending={paying} pendingText="Marking paid…">
                      Mark paid
                    </Button>
                  </div>
                </Form>
              </Card>
            ) : (
              <Card title="Approve the exception">
                <ReasonForm
                  confirmText={`Approve paying invoice ${i.number} despite the failed checks? Your note is kept with the invoice.`}
                  label="Why paying is right"
                  name="note"
                  intent="approve-exception"
                  button="Approve exception"
                  pendingText="Approving…"
                  pending={approving}
                  failure={failure}
                  variant="primary"
                />
              </Card>
            )}
            <Card title="Reject">
              <ReasonForm
                confirmText={`Send invoice ${i.number} back? It is rejected; the creator sees your note and sends a new invoice.`}
                label="What the creator needs to fix"
                name="note"
                intent="send-back"
                button="Reject and send back"
                pendingText="Sending back…"
                pending={sending}
                failure={failure}
              />
            </Card>
          </div>
        ) : null}
      </div>
    </>
  )
}
