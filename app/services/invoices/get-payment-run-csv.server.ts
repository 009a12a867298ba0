import { and, asc, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { toCsvLine } from '#app/domain/csv.ts'
import { NotFoundError } from '#app/utils/errors.ts'

/** Minor units as a plain decimal string ("1234.50"), no floats. */
export function minorToDecimal(minor: number, digits = 2) {
  const neg = minor < 0
  const s = String(Math.abs(minor)).padStart(digits + 1, '0')
  return `${neg ? '-' : ''}${s.slice(0, s.length - digits)}${digits ? '.' + s.slice(s.length - digits) : ''}`
}

/** A payment run as CSV for the bank / accounting: one row per invoice paid in the run. */
export async function getPaymentRunCsv(actor: Pick<BrandActor, 'brand'>, runId: string) {
  const [run] = await db()
    .select()
    .from(schema.paymentRuns)
    .where(and(eq(schema.paymentRuns.id, runId), eq(schema.paymentRuns.brandId, actor.brand.id)))
  if (!run) throw new NotFoundError('That payment run')
  const rows = await db()
    .select({ invoice: schema.invoices, creatorName: schema.creators.name, agencyName: schema.agencies.name })
    .from(schema.invoices)
    .innerJoin(schema.creators, eq(schema.creators.id, schema.invoices.creatorId))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.invoices.payeeAgencyId))
    .where(and(eq(schema.invoices.paymentRunId, run.id), eq(schema.invoices.brandId, actor.brand.id)))
    .orderBy(asc(schema.invoices.number))
  const header = ['Payment run', 'Paid on', 'Method', 'Reference', 'Payee', 'Payee legal name', 'Creator', 'Invoice number', 'Issue date', 'Due date', 'Currency', 'Amount']
  const lines = rows.map(({ invoice: i, ...r }) => {
    // The payee as it was when the run was made; runs made before snapshots existed fall back to today's names.
    const then = run.payees[i.id] ?? {
      payee: i.payeeAgencyId ? (r.agencyName ?? '') : r.creatorName,
      payeeLegalName: String((i.match as { payeeName?: string }).payeeName ?? ''),
      creator: r.creatorName,
    }
    return toCsvLine([
      run.id,
      run.paidOn,
      run.method,
      run.reference,
      then.payee,
      then.payeeLegalName,
      then.creator,
      i.number,
      i.issueDate,
      i.dueDate ?? '',
      i.currency,
      minorToDecimal(i.totalMinor),
    ])
  })
  return { filename: `payment-run-${run.paidOn}-${run.reference.replace(/[^A-Za-z0-9_-]+/g, '_')}.csv`, csv: '\uFEFF' + toCsvLine(header) + lines.join('') }
}
