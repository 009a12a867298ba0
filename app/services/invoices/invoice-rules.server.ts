/**
 * Shared rules for the invoice services (internal to app/services/invoices). Day arithmetic and aging
 * come from app/domain/dates.ts; the helpers below only adapt them to the 'YYYY-MM-DD' strings of date
 * columns and add the "no due date yet" bucket an invoice without a started payment clock sits in.
 */
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { AGING_BUCKETS as DUE_AGING_BUCKETS, AGING_BUCKET_LIMITS, addDays, agingBucket as dueAgingBucket, fromIsoDay, toIsoDay } from '#app/domain/dates.ts'

/** Statuses that count as "billed" (a rejected invoice frees its lines to be billed again). */
export const LIVE_INVOICE_STATUSES = ['submitted', 'approved', 'paid'] as const

/** The domain's rule (app/domain/invoice-number.ts): upper-case, no separators, no leading zeros in digit runs. */
export { normalizeInvoiceNumber } from '#app/domain/invoice-number.ts'
export { calendarDaysBetween as daysBetween } from '#app/domain/dates.ts'

/** 'YYYY-MM-DD' plus n calendar days. */
export function addDaysIso(isoDay: string, n: number): string {
  return toIsoDay(addDays(fromIsoDay(isoDay), n))
}

export const AGING_BUCKETS = [...DUE_AGING_BUCKETS, 'no_due_date'] as const
export type AgingBucket = (typeof AGING_BUCKETS)[number]

/** The domain's aging buckets by days past due, or 'no_due_date' while the payment clock has not started. */
export function agingBucket(dueDate: string | null, today: string): AgingBucket {
  return dueDate ? dueAgingBucket(dueDate, fromIsoDay(today)) : 'no_due_date'
}

/**
 * agingBucket in SQL, for totals computed by the database: `due` a date column (or expression), `today`
 * 'YYYY-MM-DD'. Built from the same limits (app/domain/dates.ts), so the two cannot disagree.
 */
export function agingBucketSql(due: SQL, today: string): SQL<AgingBucket> {
  const late = sql`(${today}::date - ${due})`
  return sql<AgingBucket>`(case when ${due} is null then 'no_due_date' ${sql.join(
    AGING_BUCKET_LIMITS.map((b) => sql`when ${late} <= ${sql.raw(String(Math.trunc(b.maxDaysLate)))} then ${sql.raw(`'${b.bucket}'`)}`),
    sql` `,
  )} else '90+' end)`
}

/** An open invoice (submitted or approved) past its due date is late; its aging bucket, null once it is closed. */
export function dueState(i: { status: string; dueDate: string | null }, today: string): { late: boolean; aging: AgingBucket | null } {
  const open = i.status === 'submitted' || i.status === 'approved'
  return { late: open && !!i.dueDate && i.dueDate < today, aging: open ? agingBucket(i.dueDate, today) : null }
}

export function todayIso(now = new Date()) {
  return toIsoDay(now)
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

/** A blocking finding on the approved post or latest draft holds payment (rule in app/domain/content-review.ts). */
export { hasBlockingFinding as hasBlocking } from '#app/domain/content-review.ts'
