import { and, eq, gte, lt } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { latestTaxForm, payeeFromKey } from '#app/services/invoices/invoice-rules.server.ts'
import { compareText } from '#app/domain/compare-text.ts'

/** 1099-NEC threshold in US cents for payments made in `year`: $2,000 from 2026-01-01, $600 before. */
export function necThresholdMinor(year: number) {
  return year >= 2026 ? 200_000 : 60_000
}

/**
 * Year-end: total paid per payee in a calendar year (by payment date, per currency), flagging USD
 * payees at or over the 1099-NEC threshold and any payee without a verified tax form.
 */
export async function getYearEndReport(actor: Pick<BrandActor, 'brand'>, year: number) {
  const rows = await db()
    .select({ invoice: schema.invoices, creatorName: schema.creators.name, agencyName: schema.agencies.name })
    .from(schema.invoices)
    .innerJoin(schema.creators, eq(schema.creators.id, schema.invoices.creatorId))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.invoices.payeeAgencyId))
    .where(
      and(
        eq(schema.invoices.brandId, actor.brand.id),
        eq(schema.invoices.status, 'paid'),
        gte(schema.invoices.paidAt, new Date(Date.UTC(year, 0, 1))),
        lt(schema.invoices.paidAt, new Date(Date.UTC(year + 1, 0, 1))),
      ),
    )
  const threshold = necThresholdMinor(year)
  const byPayee = new Map<string, { payeeKey: string; payee: string; currency: string; totalMinor: number; invoices: number }>()
  for (const r of rows) {
    const k = `${r.invoice.payeeKey}|${r.invoice.currency}`
    const e = byPayee.get(k) ?? {
      payeeKey: r.invoice.payeeKey,
      payee: r.invoice.payeeAgencyId ? `${r.agencyName} (agency)` : r.creatorName,
      currency: r.invoice.currency,
      totalMinor: 0,
      invoices: 0,
    }
    e.totalMinor += r.invoice.totalMinor
    e.invoices++
    byPayee.set(k, e)
  }
  const out = []
  for (const e of byPayee.values()) {
    const form = await latestTaxForm(db(), payeeFromKey(e.payeeKey))
    out.push({
      ...e,
      formKind: form?.kind ?? null,
      legalName: form?.legalName ?? null,
      formVerified: form?.status === 'verified',
      needs1099: e.currency === 'USD' && e.totalMinor >= threshold && form?.kind !== 'W-8BEN' && form?.kind !== 'W-8BEN-E',
    })
  }
  out.sort((a, b) => b.totalMinor - a.totalMinor || compareText(a.payee, b.payee))
  return { year, thresholdMinor: threshold, rows: out }
}
