import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, Chip, EmptyState, LinkButton, Money, PageHeader, StatusChip } from '#app/components/ui.tsx'
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
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Invoice</th>
                  <th scope="col">Brand · campaign</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col">Status</th>
                  <th scope="col">Due</th>
                </tr>
              </thead>
              <tbody>
                {invoices.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <Link to={i.id} className="strong">
                        {i.number}
                      </Link>
                      <div className="muted small">Issued {i.issueDate}</div>
                    </td>
                    <td>
                      {i.brandName}
                      <div className="muted small">{i.campaignName}</div>
                    </td>
                    <td className="num">{i.totalMinor !== null ? <Money minor={i.totalMinor} currency={i.currency} /> : <span className="muted">hidden</span>}</td>
                    <td>
                      <StatusChip status={i.status} />
                      {i.status === 'paid' ? (
                        <div className="muted small">
                          Paid {i.paidOn} · ref {i.paymentReference}
                        </div>
                      ) : null}
                      {i.status === 'rejected' && i.rejectReason ? <div className="muted small">{i.rejectReason}</div> : null}
                    </td>
                    <td>
                      {i.dueDate ? i.dueDate : <span className="muted">When the post is verified</span>}
                      {i.late ? (
                        <div>
                          <Chip tone="danger">Late</Chip>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {!canSeeAmounts ? <p className="muted small">Amounts are hidden: the creator has not given your agency the “See payments” permission.</p> : null}
      </Card>
    </>
  )
}
