import { Form } from '@remix-run/react'
import { Button, Money } from '#app/components/ui.tsx'

export interface OverBudget {
  budgetMinor: number
  committedMinor: number
  offeredMinor: number
  currency: string
}

/** The action's answer when sending (or accepting a counter) would go over budget: the same form again, confirmed. */
export function OverBudgetCallout({ overBudget, resend }: { overBudget: OverBudget; resend: [string, string][] }) {
  const { budgetMinor, committedMinor, offeredMinor, currency } = overBudget
  return (
    <div className="callout callout-warning" role="alert">
      <p className="callout-title">This would take the campaign over budget</p>
      <p>
        Committed fees are <Money minor={committedMinor} currency={currency} /> of a <Money minor={budgetMinor} currency={currency} /> budget. If
        accepted, this adds <Money minor={offeredMinor} currency={currency} />, going over by{' '}
        <Money minor={committedMinor + offeredMinor - budgetMinor} currency={currency} />.
      </p>
      <Form method="post" className="cluster">
        {resend.map(([k, v], i) => (
          <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
        ))}
        <input type="hidden" name="confirmOverBudget" value="1" />
        <Button type="submit" variant="danger">
          Go over budget and continue
        </Button>
        <span className="muted small">Or change the fee or the creators below.</span>
      </Form>
    </div>
  )
}
