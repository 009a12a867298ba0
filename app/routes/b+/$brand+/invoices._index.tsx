import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, Chip, EmptyState, Money, PageHeader, StatusChip, Tabs } from '#app/components/ui.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { listBrandInvoices } from '#app/services/invoices/list-invoices.server.ts'

export const meta: MetaFunction = () => [{ title: 'Invoices · Greenroom' }]

const STATUSES = ['submitted', 'approved', 'paid', 'rejected'] as const

// Managers and admins approve invoices; finance works from the payables desk.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'invoice.approve')
  const q = new URL(args.request.url).searchParams.get('status')
  const status = (STATUSES as readonly string[]).includes(q ?? '') ? q! : 'submitted'
  return { status, invoices: await listBrandInvoices(actor, status) }
}

export default function BrandInvoices() {
  const { status, invoices } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Invoices" subtitle="Approve or reject what creators invoice. Each is matched against its contract, posts and tax form." />
      <Tabs items={STATUSES.map((s) => ({ to: `?status=${s}`, label: s === 'submitted' ? 'To approve' : s[0]!.toUpperCase() + s.slice(1), end: true }))} />
      <Card>
        {invoices.length === 0 ? (
          <EmptyState title={status === 'submitted' ? 'Nothing to approve' : `No ${status} invoices`}>
            Creators invoice from their portal once a deliverable is delivered.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Invoice</th>
                  <th scope="col">Creator · campaign</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col">Match</th>
                  <th scope="col">Due</th>
                </tr>
              </thead>
              <tbody>
                {invoices.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <Link to={i.id} className="strong">
                        {i.number}
                      </Link>{' '}
                      <StatusChip status={i.status} />
                    </td>
                    <td>
                      {i.creatorName}
                      {i.payeeName !== i.creatorName ? <span className="muted"> via {i.payeeName}</span> : null}
                      <div className="muted small">{i.campaignName}</div>
                    </td>
                    <td className="num">
                      <Money minor={i.totalMinor!} currency={i.currency} />
                    </td>
                    <td>{i.matchOk ? <Chip tone="success">✓ Matched</Chip> : <span className="small">{i.failing}</span>}</td>
                    <td>
                      {i.dueDate ?? <span className="muted">—</span>} {i.late ? <Chip tone="danger">Late</Chip> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  )
}
