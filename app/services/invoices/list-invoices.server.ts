import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor, CreatorActor } from '#app/auth/guards.server.ts'
import type { InvoiceMatch } from './compute-invoice-match.server.ts'
import { agingBucketSql, dueState, todayIso, type AgingBucket } from './invoice-rules.server.ts'
import { compareCodes } from '#app/domain/compare-text.ts'
import type { InvoiceStatus } from '#app/domain/state-machines.ts'
import { decodeKeysetCursor, keysetPage, LIST_PAGE_SIZE, type KeysetPage } from '#app/domain/keyset-cursor.ts'
import { keysetSql, keyTypes, type KeysetKey } from '#app/services/keyset.server.ts'
import { selectInvoicesWithParties } from './select-invoices-with-parties.server.ts'

/** One invoice as lists show it: payee, status, due date, late flag, match summary. */
export interface InvoiceListRow {
  id: string
  number: string
  status: string
  issueDate: string
  dueDate: string | null
  late: boolean
  aging: AgingBucket
  currency: string
  totalMinor: number | null
  creatorId: string
  creatorName: string
  payeeName: string
  brandName: string
  campaignName: string
  matchOk: boolean
  exceptionApproved: boolean
  /** The first failing check, in words, or null when matched. */
  failing: string | null
  failingCount: number
  rejectReason: string | null
  paidOn: string | null
  paymentReference: string | null
  paymentMethod: string | null
}

/** The keyset keys of the two orders: oldest due first (undated last), or newest first. */
const ORDER_KEYS: Record<'due' | 'newest', { keys: KeysetKey[]; dir: 'asc' | 'desc' }> = {
  due: {
    keys: [
      { expr: sql`coalesce(${schema.invoices.dueDate}, 'infinity'::date)`, cast: 'date' },
      { expr: sql`${schema.invoices.issueDate}`, cast: 'date' },
    ],
    dir: 'asc',
  },
  newest: { keys: [{ expr: sql`${schema.invoices.createdAt}`, cast: 'timestamptz' }], dir: 'desc' },
}

async function listWhere(where: SQL | undefined, order: 'due' | 'newest', hideAmounts = false): Promise<InvoiceListRow[]> {
  return (await queryInvoices(where, order, hideAmounts, null)).rows
}

/** One keyset page of invoices: `paging` null reads them all (up to 1,000, as before). */
async function queryInvoices(
  where: SQL | undefined,
  order: 'due' | 'newest',
  hideAmounts: boolean,
  paging: { list: string; cursor: string | null | undefined; size: number } | null,
): Promise<KeysetPage<InvoiceListRow>> {
  const { keys, dir } = ORDER_KEYS[order]
  const cursor = paging ? decodeKeysetCursor(paging.cursor, paging.list, keyTypes(keys)) : null
  const keyset = keysetSql(keys, sql`${schema.invoices.id}`, dir, cursor)
  const fetched = await selectInvoicesWithParties({ sortValues: sql<string[]>`array[${sql.join(keys.map((k) => sql`(${k.expr})::text`), sql`, `)}]` })
    .where(and(where, keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(paging ? paging.size + 1 : 1000)
  const page = paging ? keysetPage(fetched, paging.size, cursor, paging.list, (r) => ({ v: textArray(r.sortValues), id: r.invoice.id })) : { rows: fetched, nextCursor: null, prevCursor: null }
  const today = todayIso()
  const rows = page.rows.map(({ invoice: i, sortValues: _, ...r }): InvoiceListRow => {
    const checks = ((i.match as unknown as InvoiceMatch).checks ?? []).filter((c) => !c.ok)
    const due = dueState(i, today)
    return {
      id: i.id,
      number: i.number,
      status: i.status,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      late: due.late,
      aging: due.aging ?? 'current',
      currency: i.currency,
      totalMinor: hideAmounts ? null : i.totalMinor,
      creatorId: i.creatorId,
      creatorName: r.creatorName,
      payeeName: i.payeeAgencyId ? (r.agencyLegal ?? r.agencyName ?? 'Agency') : r.creatorName,
      brandName: r.brandName,
      campaignName: r.campaignName,
      matchOk: i.matchOk,
      exceptionApproved: !!i.exceptionNote,
      failing: checks[0] ? (checks[0].reason ?? checks[0].label) : null,
      failingCount: checks.length,
      rejectReason: i.rejectReason,
      paidOn: i.paidAt ? i.paidAt.toISOString().slice(0, 10) : null,
      paymentReference: i.paymentReference,
      paymentMethod: i.paymentMethod,
    }
  })
  return { rows, nextCursor: page.nextCursor, prevCursor: page.prevCursor }
}

/** A text[] as the drivers return it (postgres.js: an array; PGlite may give the literal '{a,b}'). */
function textArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v.map(String)
  return String(v)
    .replace(/^\{|\}$/g, '')
    .split(',')
    .map((x) => x.replace(/^"|"$/g, ''))
}

/** The creator's own invoices (never another creator's). Agents without 'see_payments' see no amounts. */
export async function listCreatorInvoices(actor: Pick<CreatorActor, 'creator' | 'via'>) {
  const hide = actor.via.kind === 'agent' && !actor.via.scopes.includes('see_payments')
  return listWhere(eq(schema.invoices.creatorId, actor.creator.id), 'newest', hide)
}

/**
 * A brand's invoices for managers, optionally filtered by status: one screen of them per page, from a
 * keyset cursor (app/domain/keyset-cursor.ts). To approve: oldest due first; the others newest first.
 */
export async function listBrandInvoices(actor: Pick<BrandActor, 'brand'>, status?: string, opts: { cursor?: string | null; size?: number } = {}) {
  return queryInvoices(
    and(eq(schema.invoices.brandId, actor.brand.id), status ? eq(schema.invoices.status, status as InvoiceStatus) : undefined),
    status === 'submitted' ? 'due' : 'newest',
    false,
    { list: `invoices:${status ?? 'all'}`, cursor: opts.cursor, size: opts.size ?? LIST_PAGE_SIZE },
  )
}

/**
 * The payables desk: approved, unpaid invoices, oldest due first (no due date last), one screen of them
 * per page from a keyset cursor (app/domain/keyset-cursor.ts), with aging buckets. The figures at the top
 * (totals by currency, count and totals per aging bucket, invoices waiting for approval) are of every
 * approved invoice, summed by the database, not of the page shown.
 */
export async function listPayables(actor: Pick<BrandActor, 'brand'>, opts: { cursor?: string | null; size?: number } = {}) {
  const brandId = actor.brand.id
  const approved = and(eq(schema.invoices.brandId, brandId), eq(schema.invoices.status, 'approved'))
  const today = todayIso()
  // Summed from the kept rows per due day (migration 0041), not from every open invoice: a brand's distinct
  // due days, whatever the number of invoices. 'infinity' is an invoice without a due date.
  const due = schema.invoiceDueDays
  const bucket = agingBucketSql(sql`nullif(${due.dueKey}, 'infinity'::date)`, today)
  const [page, figureRows, runs] = await Promise.all([
    queryInvoices(approved, 'due', false, { list: 'payables', cursor: opts.cursor, size: opts.size ?? LIST_PAGE_SIZE }),
    // One statement for the figures: approved by currency and aging bucket, and those sent by creators but
    // not yet approved by a manager (not payable yet, but finance should see them coming).
    db()
      .select({ status: due.status, currency: due.currency, aging: bucket, count: sql<number>`sum(${due.invoices})::int`, totalMinor: sql<string>`coalesce(sum(${due.totalMinor}), 0)::text` })
      .from(due)
      .where(and(eq(due.brandId, brandId), inArray(due.status, ['approved', 'submitted'])))
      .groupBy(sql`1, 2, 3`), // by position: the bucket's parameters would not match a repeated expression
    db()
      .select()
      .from(schema.paymentRuns)
      .where(eq(schema.paymentRuns.brandId, brandId))
      .orderBy(desc(schema.paymentRuns.createdAt))
      .limit(10),
  ])
  const figures = figureRows.filter((f) => f.status === 'approved')
  const waitingApproval = figureRows.filter((f) => f.status === 'submitted').reduce((n, f) => n + Number(f.count), 0)
  const totals: Record<string, number> = {}
  const buckets: Record<string, { count: number; totals: Record<string, number> }> = {}
  for (const f of figures.sort((a, b) => compareCodes(a.currency, b.currency))) {
    const currency = f.currency.trim()
    const minor = Number(f.totalMinor)
    totals[currency] = (totals[currency] ?? 0) + minor
    const b = (buckets[f.aging] ??= { count: 0, totals: {} })
    b.count += Number(f.count)
    b.totals[currency] = (b.totals[currency] ?? 0) + minor
  }
  return {
    rows: page.rows,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
    /** Approved invoices in all (the page shows one screen of them). */
    count: figures.reduce((n, f) => n + Number(f.count), 0),
    totals,
    buckets,
    waitingApproval,
    runs: runs.map((r) => ({ id: r.id, reference: r.reference, paidOn: r.paidOn, method: r.method })),
  }
}
