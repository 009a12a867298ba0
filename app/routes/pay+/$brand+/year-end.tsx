import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Button, Card, Chip, EmptyState, Money, PageHeader, TextField } from '#app/components/ui.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { getYearEndReport } from '#app/services/tax/get-year-end-report.server.ts'

export const meta: MetaFunction = () => [{ title: 'Year-end · Payables · Greenroom' }]

// Finance only.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'payables.view')
  const q = Number(new URL(args.request.url).searchParams.get('year'))
  const thisYear = new Date().getUTCFullYear()
  const year = Number.isInteger(q) && q >= 2000 && q <= thisYear ? q : thisYear
  return getYearEndReport(actor, year)
}

export default function YearEnd() {
  const { year, thresholdMinor, rows } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title={`Year-end ${year}`} subtitle="Total paid per payee in the calendar year, by payment date." />
      <div className="stack">
        <Form method="get" className="toolbar">
          <TextField label="Year" name="year" type="number" defaultValue={String(year)} min={2000} />
          <Button type="submit">Show</Button>
        </Form>
        <div className="callout callout-info">
          <p>
            1099-NEC threshold for {year}: <Money minor={thresholdMinor} currency="USD" /> ({year >= 2026 ? 'payments made from 2026-01-01' : 'payments made through 2025'}). Payees with a W-8 are
            foreign and not flagged.
          </p>
        </div>
        <Card>
          {rows.length === 0 ? (
            <EmptyState title="No payments this year">Paid invoices appear here by payment date.</EmptyState>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Payee</th>
                    <th scope="col">Tax form</th>
                    <th scope="col" className="num">
                      Invoices
                    </th>
                    <th scope="col" className="num">
                      Paid
                    </th>
                    <th scope="col">Flags</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.payeeKey}|${r.currency}`}>
                      <td>{r.payee}</td>
                      <td>{r.formKind ? `${r.formKind} · ${r.legalName}` : <span className="muted">none</span>}</td>
                      <td className="num">{r.invoices}</td>
                      <td className="num">
                        <Money minor={r.totalMinor} currency={r.currency} />
                      </td>
                      <td>
                        <div className="cluster">
                          {r.needs1099 ? <Chip tone="warning">1099-NEC due</Chip> : null}
                          {!r.formVerified ? <Chip tone="danger">No verified form</Chip> : null}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  )
}
