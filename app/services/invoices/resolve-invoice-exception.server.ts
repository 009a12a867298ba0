import { and, eq, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, InvalidInputError } from '#app/utils/errors.ts'
import { notifyInvoiceDecided } from './notify-invoice-decided.server.ts'
import { invoiceMachine } from '#app/domain/state-machines.ts'
import { lockBrandInvoice } from './lock-brand-invoice.server.ts'

/**
 * Finance resolves an approved invoice that failed the match: approve the exception with a note
 * (it can then be paid), or send it back (rejected, with the note as the reason the creator sees).
 */
export async function resolveInvoiceException(
  actor: Pick<BrandActor, 'brand' | 'user' | 'audit'>,
  input: { invoiceId: string; decision: 'approve' | 'send_back'; note: string },
) {
  const note = input.note.trim()
  if (note.length < 3) {
    const msg = input.decision === 'approve' ? 'Write why paying despite the failed check is right: it is kept with the invoice.' : 'Say what the creator needs to fix: they see this.'
    throw new InvalidInputError(msg, { note: [msg] })
  }
  return db().transaction(async (tx) => {
    const invoice = await lockBrandInvoice(tx, actor.brand.id, input.invoiceId)
    const refused = `Only approved, unpaid invoices can be handled here; this one is ${invoice.status}.`
    // Both answers need an approved invoice (the one state send_back leaves): approving the exception keeps it
    // approved, ready to pay; sending it back rejects it.
    const sentBack = invoiceMachine.next(invoice.status, 'send_back', refused)
    const now = new Date()
    if (input.decision === 'approve') {
      if (invoice.matchOk) throw new ConflictError('This invoice matches: there is no exception to approve.')
      if (invoice.exceptionNote) throw new ConflictError('The exception on this invoice is already approved.')
      await tx.update(schema.invoices).set({ exceptionNote: note, updatedAt: now }).where(eq(schema.invoices.id, invoice.id))
      await recordAudit(tx, actor.audit, {
        brandId: actor.brand.id,
        action: 'invoice.exception_approved',
        entityType: 'invoice',
        entityId: invoice.id,
        before: { exceptionNote: null },
        after: { exceptionNote: note, failed: failedIds(invoice.match) },
      })
      return { ...invoice, exceptionNote: note }
    }
    const [updated] = await tx
      .update(schema.invoices)
      .set({ status: sentBack, rejectReason: note, updatedAt: now })
      .where(and(eq(schema.invoices.id, invoice.id), inArray(schema.invoices.status, invoiceMachine.sources('send_back'))))
      .returning()
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'invoice.sent_back',
      entityType: 'invoice',
      entityId: invoice.id,
      before: { status: invoice.status },
      after: { status: sentBack, reason: note },
    })
    await notifyInvoiceDecided(tx, updated!, actor.brand.name, 'rejected', note)
    return updated!
  })
}

function failedIds(match: Record<string, unknown>) {
  const checks = (match.checks ?? []) as { id: string; ok: boolean }[]
  return checks.filter((c) => !c.ok).map((c) => c.id)
}
