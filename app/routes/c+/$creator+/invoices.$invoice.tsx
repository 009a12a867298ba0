import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData, useParams } from '@remix-run/react'
import { Card, Chip, PageHeader, StatusChip } from '#app/components/ui.tsx'
import { InvoiceLines } from '#app/components/invoice-parts.tsx'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { getCreatorInvoice } from '#app/services/invoices/get-invoice.server.ts'
import { handleLoader } from '#app/utils/responses.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Invoice ${data?.invoice.number ?? ''} · Greenroom` }]

// The creator and their agents (amounts only with 'see_payments'); never another creator's invoice (404).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  return handleLoader(() => getCreatorInvoice(actor, args.params.invoice ?? ''))
}

export default function CreatorInvoice() {
  const creatorId = useParams().creator ?? ''
  const { invoice: i, amountsHidden } = useLoaderData<typeof loader>()
  const failed = i.checks.filter((c) => !c.ok)
  return (
    <>
      <PageHeader
        title={`Invoice ${i.number}`}
        subtitle={`${i.brandName} · ${i.campaignName}`}
        back={{ to: `/c/${creatorId}/invoices`, label: 'Invoices' }}
        actions={
          <button type="button" className="btn btn-secondary no-print" onClick={() => window.print()}>
            Print
          </button>
        }
      />
      <div className="stack invoice-print">
        <Card className="no-print">
          <div className="cluster-between">
            <div>
              <StatusChip status={i.status} /> {i.late ? <Chip tone="danger">Late</Chip> : null}
            </div>
            <div className="muted small">
              {i.status === 'paid' ? `Paid ${i.paidOn} by ${i.paymentMethod?.toUpperCase()}, reference ${i.paymentReference}` : null}
              {i.status === 'approved' ? 'Approved: finance pays it by the due date.' : null}
              {i.status === 'submitted' ? `Waiting for ${i.brandName}'s approval. Once approved, finance pays it by the due date.` : null}
            </div>
          </div>
          {i.status === 'rejected' && i.rejectReason ? (
            <div className="callout callout-warning">
              <p className="callout-title">{i.brandName} did not accept this invoice</p>
              <p>{i.rejectReason}</p>
              <p>Send a corrected invoice with a new number.</p>
            </div>
          ) : null}
        </Card>
        <Card className="invoice-document">
          <div className="grid-2">
            <dl className="dl">
              <dt>From</dt>
              <dd>{i.payeeName}</dd>
              <dt>Bill to</dt>
              <dd>{i.billTo}</dd>
              <dt>Campaign</dt>
              <dd>{i.campaignName}</dd>
            </dl>
            <dl className="dl">
              <dt>Invoice number</dt>
              <dd>{i.number}</dd>
              <dt>Issue date</dt>
              <dd>{i.issueDate}</dd>
              <dt>Due date</dt>
              <dd>{i.dueDate ?? 'Set when the post is verified'}</dd>
              <dt>Currency</dt>
              <dd>{i.currency}</dd>
            </dl>
          </div>
          <div className="table-wrap">
            <InvoiceLines withHeader lines={i.lines} currency={i.currency} subtotalMinor={i.subtotalMinor} taxMinor={i.taxMinor} totalMinor={i.totalMinor} />
          </div>
          <p className="muted small">No tax identification number is printed: the tax form on file with {i.brandName} carries it.</p>
          {amountsHidden ? <p className="muted small">Amounts are hidden: the creator has not given your agency the “See payments” permission.</p> : null}
        </Card>
        {i.status === 'submitted' || i.status === 'approved' ? (
          <Card title="Checks" className="no-print">
            {failed.length === 0 ? (
              <p>Everything matches: your agreement, your verified posts and your tax form.</p>
            ) : (
              <ul className="checklist">
                {i.checks.map((c) => (
                  <li key={c.id} className={c.ok ? 'is-done' : 'is-missing'}>
                    {c.ok ? c.label : c.reason}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}
      </div>
    </>
  )
}
