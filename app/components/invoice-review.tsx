/**
 * The invoice review layout shared by the manager's invoice page and the payables desk: the match
 * checks in words, then three columns — contract | delivery proof | invoice lines.
 */
import { Card, Chip, Money, StatusChip } from './ui.tsx'
import { InvoiceLines } from './invoice-parts.tsx'

export interface ReviewCheck {
  id: string
  group: string
  ok: boolean
  label: string
  reason?: string
}

export interface InvoiceReviewData {
  invoice: {
    number: string
    status: string
    issueDate: string
    dueDate: string | null
    late: boolean
    currency: string
    subtotalMinor: number
    taxMinor: number
    totalMinor: number
    payeeName: string
    payeeKind: 'creator' | 'agency'
    creatorName: string
    campaignName: string
    matchOk: boolean
    checks: ReviewCheck[]
    exceptionNote: string | null
    rejectReason: string | null
    paidOn: string | null
    paymentMethod: string | null
    paymentReference: string | null
    lines: { id: string; kind: string; description: string; amountMinor: number; deliverableId: string | null }[]
  }
  contract: {
    feeMinor: number
    usageFeeMinor: number
    usageRights: string
    currency: string
    paymentNetDays: number
    invoicedToDateMinor: number
    otherInvoices: { id: string; number: string; status: string; totalMinor: number }[]
  }
  delivery: { id: string; label: string; status: string; invoiced: boolean; postUrl: string | null; postStatus: string | null; postVerifiedAt: string | null; blocking: boolean }[]
  taxForm: { kind: string; legalName: string; status: string } | null
}

const GROUP_LABEL: Record<string, string> = { contract: 'Contract', delivery: 'Delivery', payee: 'Payee', duplicates: 'Duplicates' }

export function MatchSummary({ checks, matchOk, exceptionNote }: { checks: ReviewCheck[]; matchOk: boolean; exceptionNote: string | null }) {
  const failed = checks.filter((c) => !c.ok)
  return (
    <div className={`callout ${matchOk ? 'callout-success' : exceptionNote ? 'callout-info' : 'callout-warning'}`} data-testid="match-summary">
      <p className="callout-title">
        {matchOk ? '✓ Matched: contract, delivery proof, payee and duplicates all check out.' : `${failed.length} check${failed.length === 1 ? '' : 's'} failed`}
      </p>
      {failed.length ? (
        <ul className="checklist">
          {failed.map((c) => (
            <li key={c.id} className="is-missing">
              <span className="strong">{GROUP_LABEL[c.group] ?? c.group}:</span> {c.reason ?? c.label}
            </li>
          ))}
        </ul>
      ) : null}
      {exceptionNote ? <p>Exception approved by finance: “{exceptionNote}”</p> : null}
    </div>
  )
}

export function InvoiceReview({ data }: { data: InvoiceReviewData }) {
  const { invoice: i, contract: c, delivery, taxForm } = data
  const m = (minor: number) => <Money minor={minor} currency={i.currency} />
  return (
    <div className="stack">
      <MatchSummary checks={i.checks} matchOk={i.matchOk} exceptionNote={i.exceptionNote} />
      <div className="split-3">
        <Card title="Contract">
          <dl className="dl">
            <dt>Fee</dt>
            <dd>{m(c.feeMinor)}</dd>
            {c.usageRights !== 'none' ? (
              <>
                <dt>Usage ({c.usageRights})</dt>
                <dd>{m(c.usageFeeMinor)}</dd>
              </>
            ) : null}
            <dt>Invoiced before</dt>
            <dd>{m(c.invoicedToDateMinor)}</dd>
            <dt>Left after this</dt>
            <dd>{m(c.feeMinor + c.usageFeeMinor - c.invoicedToDateMinor - i.totalMinor)}</dd>
            <dt>Terms</dt>
            <dd>Net {c.paymentNetDays}</dd>
          </dl>
          {c.otherInvoices.length ? (
            <ul className="plain small">
              {c.otherInvoices.map((o) => (
                <li key={o.id}>
                  {o.number} · {m(o.totalMinor)} · <StatusChip status={o.status} />
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
        <Card title="Delivery proof">
          <ul className="plain stack-sm">
            {delivery.map((d) => (
              <li key={d.id}>
                <span className={d.invoiced ? 'strong' : 'muted'}>{d.label}</span> <StatusChip status={d.status} />
                {d.blocking ? <Chip tone="danger">Blocking finding</Chip> : null}
                <div className="small">
                  {d.postUrl ? (
                    <a href={d.postUrl} target="_blank" rel="noreferrer noopener">
                      Live post
                    </a>
                  ) : (
                    <span className="muted">No live post yet</span>
                  )}
                  {d.postVerifiedAt ? <span className="muted"> · verified {d.postVerifiedAt.slice(0, 10)}</span> : null}
                  {!d.invoiced ? <span className="muted"> · not on this invoice</span> : null}
                </div>
              </li>
            ))}
          </ul>
          <p className="small">
            Tax form: {taxForm ? `${taxForm.kind}, ${taxForm.legalName} ` : 'none on file '}
            {taxForm ? <StatusChip status={taxForm.status} /> : null}
          </p>
        </Card>
        <Card title={`Invoice ${i.number}`}>
          <dl className="dl">
            <dt>Payee</dt>
            <dd>
              {i.payeeName}
              {i.payeeKind === 'agency' ? ' (agency)' : ''}
            </dd>
            <dt>Issued</dt>
            <dd>{i.issueDate}</dd>
            <dt>Due</dt>
            <dd>
              {i.dueDate ?? 'not yet'} {i.late ? <Chip tone="danger">Late</Chip> : null}
            </dd>
          </dl>
          <InvoiceLines lines={i.lines} currency={i.currency} taxMinor={i.taxMinor} totalMinor={i.totalMinor} />
        </Card>
      </div>
    </div>
  )
}
