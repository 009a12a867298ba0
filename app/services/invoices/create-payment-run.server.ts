import { and, eq, inArray } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import type { PaymentRunPayee } from '#db/schema.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { InvalidInputError } from '#app/utils/errors.ts'
import { checkPayment, payInvoiceInTx, type PaymentInput } from './mark-invoice-paid.server.ts'

/**
 * Bulk mark-paid: one payment run (date, method, one reference) paying every selected invoice, all or
 * nothing — if any invoice cannot be paid (already paid, unmatched, not approved) nothing is paid and
 * the error names it. The run and each payment are audited in the same transaction.
 */
export async function createPaymentRun(actor: Pick<BrandActor, 'brand' | 'user' | 'audit'>, input: { invoiceIds: string[] } & PaymentInput) {
  const p = checkPayment(input)
  const ids = [...new Set(input.invoiceIds)]
  if (!ids.length) throw new InvalidInputError('Select at least one invoice to pay.', { invoiceIds: ['Select at least one invoice to pay.'] })
  if (ids.length > 500) throw new InvalidInputError('Pay at most 500 invoices in one run.')
  return db().transaction(async (tx) => {
    const [run] = await tx
      .insert(schema.paymentRuns)
      .values({ brandId: actor.brand.id, reference: p.reference, paidOn: p.paidOn, method: p.method, createdByUserId: actor.user.id })
      .returning()
    const paid = []
    for (const id of ids.sort()) paid.push(await payInvoiceInTx(tx, actor, id, p, run!.id))
    // The payees as they are now, kept with the run: its CSV never changes when a name does later.
    await tx.update(schema.paymentRuns).set({ payees: await payeeSnapshot(tx, actor.brand.id, ids) }).where(eq(schema.paymentRuns.id, run!.id))
    const totals: Record<string, number> = {}
    for (const i of paid) totals[i.currency] = (totals[i.currency] ?? 0) + i.totalMinor
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'payment_run.created',
      entityType: 'payment_run',
      entityId: run!.id,
      after: { invoiceIds: ids, totals, reference: p.reference, paidOn: p.paidOn, method: p.method },
    })
    return { run: run!, invoices: paid, totals }
  })
}

/** Each invoice's payee (agency or creator), legal name on the invoice's match, and creator, by invoice id. */
export async function payeeSnapshot(tx: DbOrTx, brandId: string, invoiceIds: string[]): Promise<Record<string, PaymentRunPayee>> {
  if (!invoiceIds.length) return {}
  const rows = await tx
    .select({ id: schema.invoices.id, match: schema.invoices.match, payeeAgencyId: schema.invoices.payeeAgencyId, creatorName: schema.creators.name, agencyName: schema.agencies.name })
    .from(schema.invoices)
    .innerJoin(schema.creators, eq(schema.creators.id, schema.invoices.creatorId))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.invoices.payeeAgencyId))
    .where(and(inArray(schema.invoices.id, invoiceIds), eq(schema.invoices.brandId, brandId)))
  return Object.fromEntries(
    rows.map((r) => [
      r.id,
      {
        payee: r.payeeAgencyId ? (r.agencyName ?? '') : r.creatorName,
        payeeLegalName: String((r.match as { payeeName?: string }).payeeName ?? ''),
        creator: r.creatorName,
      },
    ]),
  )
}
