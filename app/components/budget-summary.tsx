import { Link } from '@remix-run/react'
import { Money, StatusChip } from '#app/components/ui.tsx'
import type { CreatorCost } from '#app/services/budget/get-campaign-costs.server.ts'

export interface BudgetFigures {
  currency: string
  plannedMinor: number
  committedMinor: number
  invoicedMinor: number
  paidMinor: number
  overCommitted: boolean
}

/** The five figures of app/domain/money-figures.ts, by the names every page uses. */
export const FIGURE_LABEL = { planned: 'Planned', committed: 'Committed', invoiced: 'Invoiced', paid: 'Paid', remaining: 'Remaining' } as const

/**
 * Planned, committed, invoiced, paid and remaining as figures (each marked data-figure, one value per
 * figure), over a bar of paid / invoiced unpaid / committed not invoiced, with the over-plan warning.
 */
export function BudgetSummary({ b }: { b: BudgetFigures & { remainingMinor?: number } }) {
  const remaining = b.remainingMinor ?? b.plannedMinor - b.committedMinor
  const parts = [
    { label: 'Paid', minor: b.paidMinor, tone: 'success' },
    { label: 'Invoiced, unpaid', minor: Math.max(0, b.invoicedMinor - b.paidMinor), tone: 'info' },
    { label: 'Committed, not invoiced', minor: Math.max(0, b.committedMinor - b.invoicedMinor), tone: 'neutral' },
  ]
  const scale = Math.max(b.plannedMinor, parts.reduce((s, p) => s + p.minor, 0), 1)
  const pct = (n: number) => `${((Math.max(0, n) / scale) * 100).toFixed(3)}%`
  const figures: { key: keyof typeof FIGURE_LABEL; minor: number }[] = [
    { key: 'planned', minor: b.plannedMinor },
    { key: 'committed', minor: b.committedMinor },
    { key: 'invoiced', minor: b.invoicedMinor },
    { key: 'paid', minor: b.paidMinor },
    { key: 'remaining', minor: remaining },
  ]
  return (
    <div className="budget">
      <div className="budget-bar" aria-hidden="true" title={parts.map((p) => p.label).join(' · ')}>
        {parts.map((p) => (
          <span key={p.label} className={`budget-seg tone-${p.tone}`} style={{ width: pct(p.minor) }} />
        ))}
        {b.committedMinor > b.plannedMinor && b.plannedMinor > 0 ? <span className="budget-limit" style={{ left: pct(b.plannedMinor) }} /> : null}
      </div>
      <dl className="budget-legend">
        {figures.map((f) => (
          <div key={f.key} className={`budget-legend-item${f.key === 'remaining' && f.minor < 0 ? ' is-over' : ''}${f.key === 'planned' ? ' budget-legend-total' : ''}`}>
            <dt>
              {f.key === 'paid' || f.key === 'committed' || f.key === 'invoiced' ? (
                <span className={`swatch tone-${f.key === 'paid' ? 'success' : f.key === 'invoiced' ? 'info' : 'neutral'}`} aria-hidden="true" />
              ) : null}
              {f.key === 'remaining' && f.minor < 0 ? 'Over plan by' : FIGURE_LABEL[f.key]}
            </dt>
            <dd data-figure={f.key} data-minor={f.minor}>
              <Money minor={f.key === 'remaining' ? Math.abs(f.minor) : f.minor} currency={b.currency} />
            </dd>
          </div>
        ))}
      </dl>
      {b.overCommitted ? (
        <div className="callout callout-warning" role="note">
          <p>
            Committed is over plan by <Money minor={b.committedMinor - b.plannedMinor} currency={b.currency} />.
          </p>
        </div>
      ) : null}
    </div>
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
