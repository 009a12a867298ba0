import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, Chip, EmptyState, FormError, Money, PageHeader, Stat } from '#app/components/ui.tsx'
import { PaymentFields } from '#app/components/invoice-parts.tsx'
import { formatMoneyExact } from '#app/components/format.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { createPaymentRun } from '#app/services/invoices/create-payment-run.server.ts'
import { listPayables } from '#app/services/invoices/list-invoices.server.ts'
import { cursorParam } from '#app/domain/keyset-cursor.ts'
import { Pager, pagerLink } from '#app/components/pager.tsx'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { paymentRunSchema } from '#app/validation/money.ts'

export const meta: MetaFunction = () => [{ title: 'Payables · Greenroom' }]

const AGING_LABEL: Record<string, string> = {
  current: 'Not due yet',
  '1-30': '1–30 days late',
  '31-60': '31–60 days late',
  '61-90': '61–90 days late',
  '90+': 'Over 90 days late',
  no_due_date: 'No due date yet',
}

// Finance only.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'payables.view')
  const cursor = cursorParam.parse(new URL(args.request.url).searchParams.get('cursor') ?? undefined)
  return { ...(await listPayables(actor, { cursor })), slug: actor.brand.slug, today: new Date().toISOString().slice(0, 10) }
}

// Finance: pay the selected invoices in one payment run (one date, method and reference).
export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'payables.pay')
  return handleAction(async () => {
    const input = await parseForm(args.request, paymentRunSchema, { arrayFields: ['invoiceIds'] })
    const r = await createPaymentRun(actor, input)
    const totals = Object.entries(r.totals)
      .map(([c, m]) => formatMoneyExact(m, c))
      .join(' + ')
    return redirectWithFlash(`/pay/${actor.brand.slug}?run=${r.run.id}`, `Paid ${r.invoices.length} invoice${r.invoices.length === 1 ? '' : 's'} (${totals}), reference ${r.run.reference}.`)
  })
}

export default function PayablesQueue() {
  const { rows, count, nextCursor, prevCursor, totals, buckets, runs, today, slug, waitingApproval } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const pending = useIsPending({ intent: 'pay-run' })
  const payable = rows.filter((r) => r.matchOk || r.exceptionApproved)
  return (
    <>
      <PageHeader title="Invoice queue" subtitle="Approved invoices, oldest due first. Pay matched ones; open an exception to approve it with a note or send it back." />
      <div className="stack">
        <div className="grid-4">
          {Object.keys(totals).length === 0 ? <Stat label="To pay" value="Nothing" /> : null}
          <Stat label="Waiting for approval" value={waitingApproval} hint="Sent by creators; payable once a manager approves." />
          {Object.entries(totals).map(([c, m]) => (
            <Stat key={c} label={`To pay (${c})`} value={<Money minor={m} currency={c} />} />
          ))}
          {(['1-30', '31-60', '61-90', '90+'] as const).map((b) =>
            buckets[b] ? <Stat key={b} label={AGING_LABEL[b]} value={buckets[b]!.count} hint={Object.entries(buckets[b]!.totals).map(([c, m]) => formatMoneyExact(m, c)).join(' + ')} /> : null,
          )}
        </div>
        <Card>
          {rows.length === 0 ? (
            <EmptyState title="No invoices to pay">
              Invoices appear here once a creator submits one and a manager approves it. Each is matched against its contract and delivered posts before you see it.
            </EmptyState>
          ) : (
            <Form
              method="post"
              className="stack"
              noValidate
              onSubmit={(e) => {
                const n = new FormData(e.currentTarget).getAll('invoiceIds').length
                if (!confirm(`Mark ${n} invoice${n === 1 ? '' : 's'} as paid with this date, method and reference? Each creator is emailed; this cannot be undone.`)) e.preventDefault()
              }}
            >
              <input type="hidden" name="intent" value="pay-run" />
              <FormError errors={failure ? (fieldError(failure, 'invoiceIds') ?? (Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null)) : null} />
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">
                        <span className="sr-only">Select</span>
                      </th>
                      <th scope="col">Due</th>
                      <th scope="col">Invoice</th>
                      <th scope="col">Payee</th>
                      <th scope="col" className="num">
                        Amount
                      </th>
                      <th scope="col">Match</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => {
                      const canPay = r.matchOk || r.exceptionApproved
                      return (
                        <tr key={r.id}>
                          <td>
                            {canPay ? (
                              <input type="checkbox" name="invoiceIds" value={r.id} aria-label={`Select invoice ${r.number}`} />
                            ) : (
                              <span className="muted small">—</span>
                            )}
                          </td>
                          <td>
                            {r.dueDate ?? <span className="muted">—</span>}
                            <div>
                              <Chip tone={r.aging === 'current' || r.aging === 'no_due_date' ? 'neutral' : 'danger'}>{AGING_LABEL[r.aging]}</Chip>
                            </div>
                          </td>
                          <td>
                            <Link to={`invoices/${r.id}`} className="strong">
                              {r.number}
                            </Link>
                            <div className="muted small">{r.campaignName}</div>
                          </td>
                          <td>
                            {r.payeeName}
                            {r.payeeName !== r.creatorName ? <div className="muted small">for {r.creatorName}</div> : null}
                          </td>
                          <td className="num">
                            <Money minor={r.totalMinor!} currency={r.currency} />
                          </td>
                          <td>
                            {r.matchOk ? (
                              <Chip tone="success">✓ Matched</Chip>
                            ) : r.exceptionApproved ? (
                              <Chip tone="info">Exception approved</Chip>
                            ) : (
                              <Link to={`invoices/${r.id}`} className="small">
                                {r.failing}
                                {r.failingCount > 1 ? ` (+${r.failingCount - 1} more)` : ''}
                              </Link>
                            )}
                          </td>
                        </tr>
                      )
                    })}
                  </tbody>
                </table>
              </div>
              {count > rows.length ? (
                <p className="small muted" data-testid="payables-page">
                  {rows.length} of the {count} approved invoices on this page; the figures above are of all {count}.
                </p>
              ) : null}
              <Pager prev={prevCursor ? pagerLink('', {}, prevCursor) : null} next={nextCursor ? pagerLink('', {}, nextCursor) : null} />
              {payable.length ? (
                <div className="callout callout-info stack">
                  <p className="strong">Pay the selected invoices in one payment run</p>
                  <div className="grid-3">
                    <PaymentFields today={today} failure={failure} referenceHint="The bank batch or transfer reference." />
                  </div>
                  <p className="small muted">Each selected invoice is marked paid once, its creator is emailed, and you can download the run as CSV.</p>
                  <div>
                    <Button type="submit" variant="primary" pending={pending} pendingText="Paying…">
                      Mark selected paid
                    </Button>
                  </div>
                </div>
              ) : null}
            </Form>
          )}
        </Card>
        {runs.length ? (
          <Card title="Payment runs">
            <ul className="plain stack-sm">
              {runs.map((r) => (
                <li key={r.id}>
                  {r.paidOn} · {r.method.toUpperCase()} · {r.reference} ·{' '}
                  <a href={`/pay/${slug}/runs/${r.id}.csv`} download>
                    Download CSV
                  </a>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  )
}
