import { and, eq, inArray, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { preparedQuery } from '#app/db.server.ts'
import { compareCodes } from '#app/domain/compare-text.ts'

export interface MoneyByCurrency {
  currency: string
  /** Submitted or approved, not yet paid: what brands owe. */
  owedMinor: number
  /** Everything invoiced this calendar year that was not rejected or voided. */
  invoicedMinor: number
  /** Paid this calendar year (by payment date). */
  paidMinor: number
}

const moneyRows = preparedQuery((d, name) =>
  d
    .select({
      status: schema.invoices.status,
      currency: schema.invoices.currency,
      totalMinor: schema.invoices.totalMinor,
      issueDate: schema.invoices.issueDate,
      dueDate: schema.invoices.dueDate,
      paidAt: schema.invoices.paidAt,
      brand: schema.brands.name,
    })
    .from(schema.invoices)
    .innerJoin(schema.brands, eq(schema.brands.id, schema.invoices.brandId))
    .where(and(eq(schema.invoices.creatorId, sql.placeholder('creatorId')), inArray(schema.invoices.status, ['submitted', 'approved', 'paid'])))
    .prepare(name),
)

/**
 * "Money at a glance" on the creator's home: owed, invoiced this year, paid this year (one row per
 * currency, never summed across currencies) and the next expected payment: the earliest due date of an
 * unpaid, not rejected invoice. Counts every invoice billed for this creator's work, whether the
 * creator or their agency is the payee. Years are calendar years in UTC.
 */
export async function getCreatorMoney(creatorId: string, now = new Date()) {
  const year = now.getUTCFullYear()
  const rows = await moneyRows().execute({ creatorId })
  const by = new Map<string, MoneyByCurrency>()
  const slot = (currency: string) => {
    let m = by.get(currency)
    if (!m) by.set(currency, (m = { currency, owedMinor: 0, invoicedMinor: 0, paidMinor: 0 }))
    return m
  }
  let next: { date: string; brand: string; currency: string; totalMinor: number } | null = null
  for (const r of rows) {
    const m = slot(r.currency)
    if (r.issueDate.startsWith(String(year))) m.invoicedMinor += r.totalMinor
    if (r.status === 'paid') {
      if (r.paidAt && r.paidAt.getUTCFullYear() === year) m.paidMinor += r.totalMinor
    } else {
      m.owedMinor += r.totalMinor
      if (r.dueDate && (!next || r.dueDate < next.date)) next = { date: r.dueDate, brand: r.brand, currency: r.currency, totalMinor: r.totalMinor }
    }
  }
  const totals = [...by.values()].sort((a, b) => b.owedMinor + b.invoicedMinor - (a.owedMinor + a.invoicedMinor) || compareCodes(a.currency, b.currency))
  return { year, totals, next }
}
