/**
 * Invoice pieces shared by the creator portal (c+), the brand side (b+) and the payables desk (pay+):
 * the list table, the lines-and-totals table, the payment fields and the reason form.
 */
import type { ReactNode } from 'react'
import { Form, Link } from '@remix-run/react'
import { Button, Chip, Money, SelectField, TextareaField, TextField } from './ui.tsx'

export interface InvoiceListRow {
  id: string
  number: string
  issueDate: string
  currency: string
  /** Null when the viewer may not see amounts (an agent without "See payments"). */
  totalMinor: number | null
  dueDate: string | null
  late: boolean
  campaignName: string
}

/** One table for every invoice list: the number links to the invoice; `who` and `state` fill the two area-specific columns. */
export function InvoiceListTable<R extends InvoiceListRow>({
  rows,
  whoLabel,
  who,
  stateLabel,
  state,
  noDueDate = '—',
}: {
  rows: R[]
  whoLabel: string
  who: (r: R) => ReactNode
  stateLabel: string
  state: (r: R) => ReactNode
  noDueDate?: string
}) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Invoice</th>
            <th scope="col">{whoLabel} · campaign</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">{stateLabel}</th>
            <th scope="col">Due</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.id}>
              <td>
                <Link to={i.id} className="strong">
                  {i.number}
                </Link>
                <div className="muted small">Issued {i.issueDate}</div>
              </td>
              <td>
                {who(i)}
                <div className="muted small">{i.campaignName}</div>
              </td>
              <td className="num">{i.totalMinor !== null ? <Money minor={i.totalMinor} currency={i.currency} /> : <span className="muted">hidden</span>}</td>
              <td>{state(i)}</td>
              <td>
                {i.dueDate ?? <span className="muted">{noDueDate}</span>}
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
  )
}

/** The invoice's lines, tax and total. Amounts may be hidden (null) for agents without "See payments". */
export function InvoiceLines({
  lines,
  currency,
  subtotalMinor,
  taxMinor,
  totalMinor,
  withHeader = false,
}: {
  lines: { id: string; description: string; amountMinor: number | null }[]
  currency: string
  subtotalMinor?: number | null
  taxMinor: number | null
  totalMinor: number | null
  withHeader?: boolean
}) {
  const m = (minor: number | null) => (minor === null ? <span className="muted">hidden</span> : <Money minor={minor} currency={currency} />)
  return (
    <table className="invoice-lines">
      {withHeader ? (
        <thead>
          <tr>
            <th scope="col">Description</th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
      ) : null}
      <tbody>
        {lines.map((l) => (
          <tr key={l.id}>
            <td>{l.description}</td>
            <td className="num">{m(l.amountMinor)}</td>
          </tr>
        ))}
        {subtotalMinor !== undefined ? (
          <tr>
            <th scope="row">Subtotal</th>
            <td className="num">{m(subtotalMinor)}</td>
          </tr>
        ) : null}
        {taxMinor ? (
          <tr>
            <th scope="row">Tax</th>
            <td className="num">{m(taxMinor)}</td>
          </tr>
        ) : null}
        <tr>
          <th scope="row">Total</th>
          <td className="num strong">{m(totalMinor)}</td>
        </tr>
      </tbody>
    </table>
  )
}

type Failure = { fieldErrors: Record<string, string[] | undefined> } | null
const err = (f: Failure, name: string) => f?.fieldErrors[name]?.[0]

export const PAYMENT_METHODS = [
  { value: 'ach', label: 'ACH' },
  { value: 'wire', label: 'Wire' },
  { value: 'check', label: 'Check' },
  { value: 'paypal', label: 'PayPal' },
  { value: 'other', label: 'Other' },
]

/** Paid on / method / reference, for marking one invoice or a payment run paid. */
export function PaymentFields({ today, failure, referenceHint }: { today: string; failure: Failure; referenceHint?: string }) {
  return (
    <>
      <TextField label="Paid on" name="paidOn" type="date" required defaultValue={today} max={today} error={err(failure, 'paidOn')} />
      <SelectField label="Method" name="method" required options={PAYMENT_METHODS} error={err(failure, 'method')} />
      <TextField label="Reference" name="reference" required hint={referenceHint} error={err(failure, 'reference')} />
    </>
  )
}

/** A confirmed form with one required text box and one button: reject with a reason, send back, approve an exception. */
export function ReasonForm({
  confirmText,
  label,
  name,
  intent,
  button,
  pendingText,
  pending,
  failure,
  variant = 'danger',
}: {
  confirmText: string
  label: string
  name: string
  intent: string
  button: string
  pendingText: string
  pending: boolean
  failure: Failure
  variant?: 'primary' | 'danger'
}) {
  return (
    <Form
      method="post"
      className="stack"
      noValidate
      onSubmit={(e) => {
        if (!confirm(confirmText)) e.preventDefault()
      }}
    >
      <TextareaField label={label} name={name} rows={3} required error={err(failure, name)} />
      <div>
        <Button type="submit" name="intent" value={intent} variant={variant} pending={pending} pendingText={pendingText}>
          {button}
        </Button>
      </div>
    </Form>
  )
}
