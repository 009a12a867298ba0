import { and, eq, inArray } from 'drizzle-orm'
import { schema, type Tx } from '#db/index.ts'
import { recordAudit, type AuditActor } from '#app/services/audit/record-audit.server.ts'
import { computeInvoiceMatch } from './compute-invoice-match.server.ts'
import { dueDateFor } from './submit-invoice.server.ts'

/**
 * Re-runs the stored match of every open (submitted or approved) invoice a change can affect: a payee's
 * tax form was verified or rejected, or a deliverable's live post was verified. While the payment clock
 * had not started (no due date), the due date is computed again too (e.g. Net 30 from the post's
 * verification). Runs in the caller's transaction; writes an 'invoice.rematched' audit event for each
 * invoice whose result or due date changed. Returns the invoices that changed.
 */
export async function rematchOpenInvoices(tx: Tx, actor: AuditActor, target: { payeeKey: string } | { deliverableId: string } | { offerId: string }, now = new Date()) {
  const open = inArray(schema.invoices.status, ['submitted', 'approved'])
  const where =
    'payeeKey' in target
      ? and(open, eq(schema.invoices.payeeKey, target.payeeKey))
      : 'offerId' in target
        ? and(open, eq(schema.invoices.offerId, target.offerId))
        : and(
          open,
          inArray(
            schema.invoices.id,
            tx.select({ id: schema.invoiceLines.invoiceId }).from(schema.invoiceLines).where(eq(schema.invoiceLines.deliverableId, target.deliverableId)),
          ),
        )
  const invoices = await tx.select().from(schema.invoices).where(where).for('update')
  const changed: { id: string; matchOk: boolean; dueDate: string | null }[] = []
  for (const invoice of invoices) {
    const { match, ok } = await computeInvoiceMatch(tx, invoice.id, now)
    let dueDate = invoice.dueDate
    if (!dueDate) {
      const [offer] = await tx.select().from(schema.offers).where(eq(schema.offers.id, invoice.offerId))
      const lines = await tx.select({ deliverableId: schema.invoiceLines.deliverableId }).from(schema.invoiceLines).where(eq(schema.invoiceLines.invoiceId, invoice.id))
      const ids = lines.map((l) => l.deliverableId).filter((x): x is string => !!x)
      dueDate = offer ? await dueDateFor(tx, offer, ids, invoice.createdAt.toISOString().slice(0, 10)) : null
    }
    await tx.update(schema.invoices).set({ match: { ...match }, matchOk: ok, dueDate, updatedAt: now }).where(eq(schema.invoices.id, invoice.id))
    if (ok !== invoice.matchOk || dueDate !== invoice.dueDate) {
      changed.push({ id: invoice.id, matchOk: ok, dueDate })
      await recordAudit(tx, actor, {
        brandId: invoice.brandId,
        action: 'invoice.rematched',
        entityType: 'invoice',
        entityId: invoice.id,
        before: { matchOk: invoice.matchOk, dueDate: invoice.dueDate },
        after: { matchOk: ok, dueDate, failed: match.checks.filter((c) => !c.ok).map((c) => c.id) },
      })
    }
  }
  return changed
}
