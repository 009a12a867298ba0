import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useParams } from '@remix-run/react'
import { Button, Card, FormError, PageHeader, StatusChip } from '#app/components/ui.tsx'
import { InvoiceReview } from '#app/components/invoice-review.tsx'
import { ReasonForm } from '#app/components/invoice-parts.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { moneyWords } from '#app/domain/offer-terms.ts'
import { approvalLimitProblem, invoiceControls } from '#app/domain/brand-settings.ts'
import { decideInvoice } from '#app/services/invoices/decide-invoice.server.ts'
import { getBrandInvoice } from '#app/services/invoices/get-invoice.server.ts'
import { failureOf } from '#app/utils/forms.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { decideInvoiceSchema } from '#app/validation/money.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Invoice ${data?.invoice.number ?? ''} · Greenroom` }]

// Managers and admins of the brand.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'invoice.approve')
  return handleLoader(async () => {
    const data = await getBrandInvoice(actor, args.params.invoice ?? '')
    // Said before the click: above the brand's approval limit only an admin may approve.
    const approvalBlock = data.invoice.status === 'submitted' ? approvalLimitProblem(actor.role, invoiceControls(actor.brand.settings), actor.brand.currency, data.invoice) : null
    return { ...data, approvalBlock }
  })
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'invoice.approve')
  return handleAction(async () => {
    const input = await parseForm(args.request, decideInvoiceSchema)
    const inv = await decideInvoice(actor, { invoiceId: args.params.invoice ?? '', decision: input.intent, reason: input.reason })
    const msg =
      input.intent === 'approve'
        ? `Invoice ${inv.number} approved (${moneyWords(inv.totalMinor, inv.currency)}). Finance pays it from the payables desk.`
        : `Invoice ${inv.number} rejected. The creator was told why.`
    return redirectWithFlash(`/b/${actor.brand.slug}/invoices`, msg)
  })
}

export default function BrandInvoice() {
  const brandSlug = useParams().brand ?? ''
  const data = useLoaderData<typeof loader>()
  const i = data.invoice
  const failure = failureOf(useActionData<typeof action>())
  const approving = useIsPending({ intent: 'approve' })
  const rejecting = useIsPending({ intent: 'reject' })
  const amount = moneyWords(i.totalMinor, i.currency)
  return (
    <>
      <PageHeader title={`Invoice ${i.number}`} subtitle={`${i.creatorName} · ${i.campaignName}`} back={{ to: `/b/${brandSlug}/invoices`, label: 'Invoices' }} actions={<StatusChip status={i.status} />} />
      <div className="stack">
        <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
        <InvoiceReview data={data} />
        {i.status === 'submitted' ? (
          <div className="grid-2">
            <Card title="Approve">
              <Form
                method="post"
                className="stack"
                onSubmit={(e) => {
                  if (!confirm(`Approve invoice ${i.number} for ${amount}? It goes to finance to be paid.`)) e.preventDefault()
                }}
              >
                <p>
                  Approving sends {amount} to finance to pay{i.dueDate ? ` by ${i.dueDate}` : ''}.
                  {i.matchOk ? '' : ' Some checks failed: finance must approve the exception with a note before paying.'}
                </p>
                {data.approvalBlock ? (
                  <p className="callout callout-warning" role="note">
                    {data.approvalBlock}
                  </p>
                ) : (
                  <div>
                    <Button type="submit" name="intent" value="approve" variant="primary" pending={approving} pendingText="Approving…">
                      Approve invoice
                    </Button>
                  </div>
                )}
              </Form>
            </Card>
            <Card title="Reject">
              <ReasonForm
                confirmText={`Reject invoice ${i.number}? The creator is emailed your reason and must send a new invoice.`}
                label="Reason (the creator sees this)"
                name="reason"
                intent="reject"
                button="Reject invoice"
                pendingText="Rejecting…"
                pending={rejecting}
                failure={failure}
              />
            </Card>
          </div>
        ) : null}
        {i.status === 'rejected' && i.rejectReason ? <p className="muted">Rejected: {i.rejectReason}</p> : null}
        {i.status === 'paid' ? (
          <p className="muted">
            Paid {i.paidOn} by {i.paymentMethod?.toUpperCase()}, reference {i.paymentReference}.
          </p>
        ) : null}
      </div>
    </>
  )
}
