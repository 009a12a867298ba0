import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Card, Chip, EmptyState, PageHeader, StatusChip, Tabs } from '#app/components/ui.tsx'
import { InvoiceListTable } from '#app/components/invoice-parts.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { listBrandInvoices } from '#app/services/invoices/list-invoices.server.ts'
import { cursorParam } from '#app/domain/keyset-cursor.ts'
import { Pager, pagerLink } from '#app/components/pager.tsx'

export const meta: MetaFunction = () => [{ title: 'Invoices · Greenroom' }]

const STATUSES = ['submitted', 'approved', 'paid', 'rejected'] as const

// Managers and admins approve invoices; finance works from the payables desk.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'invoice.approve')
  const params = new URL(args.request.url).searchParams
  const q = params.get('status')
  const status = (STATUSES as readonly string[]).includes(q ?? '') ? q! : 'submitted'
  const page = await listBrandInvoices(actor, status, { cursor: cursorParam.parse(params.get('cursor') ?? undefined) })
  return { status, invoices: page.rows, nextCursor: page.nextCursor, prevCursor: page.prevCursor }
}

export default function BrandInvoices() {
  const { status, invoices, nextCursor, prevCursor } = useLoaderData<typeof loader>()
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
          <InvoiceListTable
            rows={invoices}
            whoLabel="Creator"
            who={(i) => (
              <>
                {i.creatorName}
                {i.payeeName !== i.creatorName ? <span className="muted"> via {i.payeeName}</span> : null}
              </>
            )}
            stateLabel="Match"
            state={(i) => (
              <>
                <StatusChip status={i.status} /> {i.matchOk ? <Chip tone="success">✓ Matched</Chip> : <div className="small">{i.failing}</div>}
              </>
            )}
          />
        )}
        <Pager prev={prevCursor ? pagerLink('', { status }, prevCursor) : null} next={nextCursor ? pagerLink('', { status }, nextCursor) : null} />
      </Card>
    </>
  )
}
