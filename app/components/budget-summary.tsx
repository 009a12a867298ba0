import { Link } from '@remix-run/react'
import { BudgetBar, Money, StatusChip } from '#app/components/ui.tsx'
import type { CreatorCost } from '#app/services/budget/get-campaign-costs.server.ts'

export interface BudgetFigures {
  currency: string
  plannedMinor: number
  committedMinor: number
  invoicedMinor: number
  paidMinor: number
  overCommitted: boolean
}

/** Planned vs paid / invoiced / committed as one bar (each part counted once), with the over-plan warning. */
export function BudgetSummary({ b }: { b: BudgetFigures }) {
  return (
    <>
      <BudgetBar
        total={b.plannedMinor}
        currency={b.currency}
        label="Planned"
        segments={[
          { label: 'Paid', minor: b.paidMinor, tone: 'success' },
          { label: 'Invoiced, unpaid', minor: b.invoicedMinor - b.paidMinor, tone: 'info' },
          { label: 'Committed, not invoiced', minor: Math.max(0, b.committedMinor - b.invoicedMinor), tone: 'neutral' },
        ]}
      />
      {b.overCommitted ? (
        <div className="callout callout-warning" role="note">
          <p>
            Committed is over plan by <Money minor={b.committedMinor - b.plannedMinor} currency={b.currency} />.
          </p>
        </div>
      ) : null}
    </>
  )
}

/** A creator's cost row as getCampaignCosts returns it (the loader passes it through unchanged). */
export type CreatorCostRow = CreatorCost

/** Each committed creator's cost: fee + gifting (product and shipping) + other, and what was invoiced and paid. */
export function CreatorCostTable({ rows, brandSlug }: { rows: CreatorCostRow[]; brandSlug: string }) {
  return (
    <div className="table-wrap">
      <table className="table-compact">
        <thead>
          <tr>
            <th scope="col">Creator</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">Fee</th>
            <th scope="col" className="num">Gifting</th>
            <th scope="col" className="num">Other</th>
            <th scope="col" className="num">Cost</th>
            <th scope="col" className="num">Invoiced</th>
            <th scope="col" className="num">Paid</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.offerId}>
              <td>
                <Link to={`/b/${brandSlug}/roster/${r.creatorId}`}>{r.creatorName}</Link>
              </td>
              <td>
                <StatusChip status={r.status} />
              </td>
              <td className="num">
                <Money minor={r.feeMinor} currency={r.currency} />
              </td>
              <td className="num">
                <Money minor={r.giftingMinor} currency={r.currency} />
              </td>
              <td className="num">
                <Money minor={r.otherMinor} currency={r.currency} />
              </td>
              <td className="num strong">
                <Money minor={r.totalMinor} currency={r.currency} />
              </td>
              <td className="num">
                <Money minor={r.invoicedMinor} currency={r.currency} />
              </td>
              <td className="num">
                <Money minor={r.paidMinor} currency={r.currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
