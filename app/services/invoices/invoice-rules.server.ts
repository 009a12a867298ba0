/**
 * Shared rules for the invoice services (internal to app/services/invoices).
 *
 * FALLBACK (marked): app/domain/dates.ts did not exist when this was written; `addDays`, `daysBetween`
 * and `agingBucket` below work on 'YYYY-MM-DD' strings (the domain's take Dates, and its aging has no
 * "no due date" bucket). Move to the domain module when convenient.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'

/** Statuses that count as "billed" (a rejected invoice frees its lines to be billed again). */
export const LIVE_INVOICE_STATUSES = ['submitted', 'approved', 'paid'] as const

/** The domain's rule (app/domain/invoice-number.ts): upper-case, no separators, no leading zeros in digit runs. */
export { normalizeInvoiceNumber } from '#app/domain/invoice-number.ts'

/** FALLBACK: 'YYYY-MM-DD' plus n days (UTC). */
export function addDays(isoDay: string, n: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000)
}

export const AGING_BUCKETS = ['not_due', '1-30', '31-60', '61-90', '90+', 'no_due_date'] as const
export type AgingBucket = (typeof AGING_BUCKETS)[number]

/** FALLBACK: days past due -> bucket. */
export function agingBucket(dueDate: string | null, today: string): AgingBucket {
  if (!dueDate) return 'no_due_date'
  const late = daysBetween(dueDate, today)
  if (late <= 0) return 'not_due'
  if (late <= 30) return '1-30'
  if (late <= 60) return '31-60'
  if (late <= 90) return '61-90'
  return '90+'
}

export function todayIso(now = new Date()) {
  return now.toISOString().slice(0, 10)
}

/** Names compared loosely: case, punctuation and extra spaces do not matter. */
export function sameLegalName(a: string, b: string) {
  const n = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  return n(a) !== '' && n(a) === n(b)
}

export type Payee = { kind: 'creator'; creatorId: string; key: string; name: string } | { kind: 'agency'; agencyId: string; key: string; name: string }

/**
 * The payee of a creator's invoices: the agency when an active grant says the agency invoices,
 * otherwise the creator.
 */
export async function resolvePayee(tx: DbOrTx, creator: { id: string; name: string }): Promise<Payee> {
  const [grant] = await tx
    .select({ agencyId: schema.agencies.id, name: schema.agencies.name, legalName: schema.agencies.legalName })
    .from(schema.agentGrants)
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.agentGrants.agencyId))
    .where(and(eq(schema.agentGrants.creatorId, creator.id), isNull(schema.agentGrants.revokedAt), eq(schema.agentGrants.agencyInvoices, true)))
    .limit(1)
  if (grant) return { kind: 'agency', agencyId: grant.agencyId, key: `agency:${grant.agencyId}`, name: grant.legalName ?? grant.name }
  return { kind: 'creator', creatorId: creator.id, key: `creator:${creator.id}`, name: creator.name }
}

/** The payee's latest tax form (any status), or null. */
export async function latestTaxForm(tx: DbOrTx, payee: { kind: 'creator'; creatorId: string } | { kind: 'agency'; agencyId: string }) {
  const rows = await tx
    .select()
    .from(schema.taxForms)
    .where(payee.kind === 'creator' ? eq(schema.taxForms.creatorId, payee.creatorId) : eq(schema.taxForms.agencyId, payee.agencyId))
  rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
  return rows.find((r) => r.status === 'verified') ?? rows[0] ?? null
}

export function payeeFromKey(key: string): { kind: 'creator'; creatorId: string } | { kind: 'agency'; agencyId: string } {
  const [kind, id] = key.split(':') as [string, string]
  return kind === 'agency' ? { kind: 'agency', agencyId: id } : { kind: 'creator', creatorId: id }
}

/** Deliverable ids already on live invoices (other than `exceptInvoiceId`), with the payee that billed them. */
export async function billedDeliverables(tx: DbOrTx, deliverableIds: string[], exceptInvoiceId?: string) {
  if (!deliverableIds.length) return []
  const rows = await tx
    .select({ deliverableId: schema.invoiceLines.deliverableId, invoiceId: schema.invoices.id, number: schema.invoices.number, payeeKey: schema.invoices.payeeKey })
    .from(schema.invoiceLines)
    .innerJoin(schema.invoices, eq(schema.invoices.id, schema.invoiceLines.invoiceId))
    .where(and(inArray(schema.invoiceLines.deliverableId, deliverableIds), inArray(schema.invoices.status, [...LIVE_INVOICE_STATUSES])))
  return rows.filter((r) => r.invoiceId !== exceptInvoiceId)
}

/** Findings with severity 'B' (or 'blocking') block payment. */
export function hasBlocking(findings: unknown): boolean {
  if (!Array.isArray(findings)) return false
  return findings.some((f) => {
    const s = (f as { severity?: string; resolved?: boolean })?.severity
    const resolved = (f as { resolved?: boolean })?.resolved === true
    return !resolved && (s === 'B' || s === 'blocking' || s === 'block')
  })
}
