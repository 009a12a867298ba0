import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Card, EmptyState, LinkButton, PageHeader, StatusChip } from '#app/components/ui.tsx'
import { InvoiceListTable } from '#app/components/invoice-parts.tsx'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { listCreatorInvoices } from '#app/services/invoices/list-invoices.server.ts'

export const meta: MetaFunction = () => [{ title: 'Invoices · Greenroom' }]

// The creator and every agent they granted access (any scope) see the list; amounts need 'see_payments'.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  const canInvoice = actor.via.kind === 'self' || actor.via.scopes.includes('invoice')
  const canSeeAmounts = actor.via.kind === 'self' || actor.via.scopes.includes('see_payments')
  return { invoices: await listCreatorInvoices(actor), canInvoice, canSeeAmounts }
}

export default function CreatorInvoices() {
  const { invoices, canInvoice, canSeeAmounts } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader
        title="Invoices"
        subtitle="Every invoice you sent, where it is, and when it is due."
        actions={
          canInvoice ? (
            <div className="cluster">
              <LinkButton to="tax-form">Tax form</LinkButton>
              <LinkButton to="new" variant="primary">
                New invoice
              </LinkButton>
            </div>
          ) : null
        }
      />
      <Card>
        {invoices.length === 0 ? (
          <EmptyState title="No invoices yet" action={canInvoice ? <LinkButton to="new" variant="primary">New invoice</LinkButton> : null}>
            Once a brand verifies your live post, invoice it here: the lines are filled in from your agreement.
          </EmptyState>
        ) : (
          <InvoiceListTable
            rows={invoices}
            whoLabel="Brand"
            who={(i) => i.brandName}
            stateLabel="Status"
            noDueDate="When the post is verified"
            state={(i) => (
              <>
                <StatusChip status={i.status} />
                {i.status === 'paid' ? (
                  <div className="muted small">
                    Paid {i.paidOn} · ref {i.paymentReference}
                  </div>
                ) : null}
                {i.status === 'submitted' ? <div className="muted small">{`Waiting for ${i.brandName}'s approval`}</div> : null}
                {i.status === 'rejected' && i.rejectReason ? <div className="muted small">{i.rejectReason}</div> : null}
              </>
            )}
          />
        )}
        {!canSeeAmounts ? <p className="muted small">Amounts are hidden: the creator has not given your agency the “See payments” permission.</p> : null}
      </Card>
    </>
  )
}
