import { useEffect, useRef } from 'react'
import { Form } from '@remix-run/react'
import { Button, Card, EmptyState, SelectField, TextField } from '#app/components/ui.tsx'
import { CURRENCIES } from '#app/domain/catalog.ts'
import { RATE_SCALE } from '#app/domain/orders.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import type { OrderImportSummary } from '#app/services/attribution/import-orders.server.ts'

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/** The orders import: choose a file, see what it would change (counts first), then import. */
export function OrdersImportCard({ preview, csv, fileName, fieldError }: { preview: OrderImportSummary | null; csv: string | null; fileName: string | null; fieldError?: string | null }) {
  const previewing = useIsPending({ intent: 'orders-preview' })
  const importing = useIsPending({ intent: 'orders-import' })
  const result = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (preview) result.current?.focus()
  }, [preview])
  const toWrite = preview ? preview.newOrders + preview.changedOrders : 0
  return (
    <Card title="Import orders (Shopify or WooCommerce CSV)">
      <p className="small">
        Shopify: Orders → Export → CSV. WooCommerce: an orders CSV export with status, total, refunds, currency and coupons. We credit an order to the creator whose promo
        code it carries, count each order number once, and keep its status: refunds are netted, cancelled, voided, unpaid and test orders do not count. Import a later export
        to update orders that were refunded or cancelled since.
      </p>
      <Form method="post" encType="multipart/form-data" className="cluster" noValidate>
        <input type="hidden" name="intent" value="orders-preview" />
        <input className="input-file" type="file" name="file" accept=".csv,text/csv" aria-label="Orders CSV" aria-invalid={fieldError ? true : undefined} aria-describedby={fieldError ? 'orders-file-error' : undefined} />
        <Button type="submit" pending={previewing} pendingText="Reading…">
          Preview
        </Button>
      </Form>
      {fieldError ? (
        <p className="field-error" id="orders-file-error" role="alert">
          {fieldError}
        </p>
      ) : null}
      {preview ? (
        <div className="stack" style={{ marginTop: '1rem' }} ref={result} tabIndex={-1} aria-live="polite" data-testid="orders-preview">
          <p>
            <strong>
              {preview.formatLabel} export{fileName ? ` “${fileName}”` : ''}: {plural(preview.orders, 'order')}.
            </strong>{' '}
            {plural(preview.newOrders, 'new order')}, {plural(preview.changedOrders, 'changed order')}, {plural(preview.unchangedOrders, 'unchanged order')} with your codes;{' '}
            {plural(preview.withoutCode, 'order')} without a code
            {preview.otherCodes.length ? `, ${plural(preview.otherCodes.reduce((n, c) => n + c.orders, 0), 'order')} with other codes (${preview.otherCodes.map((c) => c.code).slice(0, 5).join(', ')}${preview.otherCodes.length > 5 ? '…' : ''})` : ''}{' '}
            (not credited to a creator).
          </p>
          {preview.changes.length ? (
            <details open={preview.changes.length <= 5}>
              <summary className="small">What changes</summary>
              <ul className="small">
                {preview.changes.map((c) => (
                  <li key={c.orderId}>
                    {c.orderId}: {c.before} → <strong>{c.after}</strong>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {preview.refusedCount ? (
            <div className="callout callout-danger small" role="alert">
              <p>
                <strong>{plural(preview.refusedCount, 'row')} cannot be read</strong>, so nothing will be imported until the file is fixed:
              </p>
              <ul className="plain">
                {preview.refused.map((e) => (
                  <li key={`${e.line}-${e.column}`}>
                    Line {e.line}
                    {e.column ? `, column “${e.column}”` : ''}: {e.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {!preview.refusedCount && toWrite > 0 && csv ? (
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="intent" value="orders-import" />
              <input type="hidden" name="csv" value={csv} />
              <Button type="submit" variant="primary" pending={importing} pendingText="Importing…">
                Import {plural(toWrite, 'order')}
              </Button>
            </Form>
          ) : !preview.refusedCount ? (
            <p className="muted small">Nothing to import: every order with your codes is already up to date.</p>
          ) : null}
        </div>
      ) : null}
    </Card>
  )
}

export interface RateRow {
  id: string
  fromCurrency: string
  toCurrency: string
  rateMicros: number
  effectiveOn: string
}

/** Exchange rates the brand enters: the only way an order in another currency reaches revenue. */
export function ExchangeRatesCard({ rates, brandCurrency, errors }: { rates: RateRow[]; brandCurrency: string; errors?: Record<string, string[] | undefined> }) {
  const adding = useIsPending({ intent: 'rate-add' })
  const options = CURRENCIES.map((c) => ({ value: c, label: c }))
  return (
    <Card title="Exchange rates" id="rates">
      <p className="small">
        An order in another currency than its collaboration is counted only at a rate you enter here (the latest rate on or before the order’s day). Without one it is shown
        apart, in its own currency, and left out of revenue and ROAS.
      </p>
      {rates.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Rate</th>
                <th scope="col">From</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rates.map((r) => (
                <tr key={r.id}>
                  <td>
                    1 {r.fromCurrency.trim()} = {(r.rateMicros / RATE_SCALE).toLocaleString('en-US', { maximumFractionDigits: 6 })} {r.toCurrency.trim()}
                  </td>
                  <td>{r.effectiveOn}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="rate-delete" />
                      <input type="hidden" name="rateId" value={r.id} />
                      <Button type="submit" className="btn-sm" aria-label={`Delete the ${r.fromCurrency.trim()} to ${r.toCurrency.trim()} rate from ${r.effectiveOn}`}>
                        Delete
                      </Button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState title="No rates yet">Add one when you import orders in another currency.</EmptyState>
      )}
      <Form method="post" className="form-row" noValidate>
        <input type="hidden" name="intent" value="rate-add" />
        <SelectField label="From" name="fromCurrency" options={options} defaultValue={brandCurrency === 'EUR' ? 'USD' : 'EUR'} error={errors?.fromCurrency} />
        <SelectField label="To" name="toCurrency" options={options} defaultValue={brandCurrency} error={errors?.toCurrency} />
        <TextField label="Rate" name="rate" inputMode="decimal" placeholder="1.0832" error={errors?.rate} />
        <TextField label="From day" name="effectiveOn" type="date" error={errors?.effectiveOn} />
        <Button type="submit" pending={adding} pendingText="Adding…">
          Add rate
        </Button>
      </Form>
    </Card>
  )
}

/** The server-to-server conversion endpoint: its address, how to sign, and the secret (admins). */
export function ConversionEndpointCard({ url, secret, canManage }: { url: string; secret: string | null; canManage: boolean }) {
  const rotating = useIsPending({ intent: 'endpoint-rotate' })
  return (
    <Card title="Conversion endpoint (tracked links)">
      <p className="small">
        Every tracked-link visit lands on your site with a <code>gr_click</code> parameter. When that visitor orders, your store can tell Greenroom by POSTing JSON{' '}
        <code>{'{"order_id","amount","currency","click_id"}'}</code> (optional <code>ordered_at</code>, <code>status</code>, <code>refunded_amount</code>) to:
      </p>
      <p>
        <code className="break">{url}</code>
      </p>
      <p className="small">
        Sign it: header <code>X-Greenroom-Timestamp</code> (Unix seconds) and <code>X-Greenroom-Signature: sha256=</code>HMAC-SHA256 of{' '}
        <code>timestamp + "." + body</code> with your secret, hex. Unsigned, stale (over 5 minutes) and replayed calls are refused. An order that also carries a creator’s
        promo code counts once, for the code.
      </p>
      {canManage ? (
        <>
          {secret ? (
            <p className="small">
              Secret: <code className="break" data-testid="conversion-secret">{secret}</code>
            </p>
          ) : (
            <p className="small muted">No secret yet: the endpoint refuses every call until you create one.</p>
          )}
          <Form method="post">
            <input type="hidden" name="intent" value="endpoint-rotate" />
            <Button type="submit" pending={rotating} pendingText="Creating…">
              {secret ? 'Replace the secret' : 'Create a secret'}
            </Button>
          </Form>
          {secret ? <p className="small muted">Replacing it stops the old secret at once.</p> : null}
        </>
      ) : (
        <p className="small muted">A brand admin creates and sees the secret.</p>
      )}
    </Card>
  )
}
