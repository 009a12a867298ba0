import { and, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { taxFormMachine } from '#app/domain/state-machines.ts'
import { taxFormMismatches } from '#app/domain/tax-forms.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '#app/utils/errors.ts'
import { brandPayeeScope, taxFormPayee } from './list-brand-tax-forms.server.ts'
import { rematchOpenInvoices } from '#app/services/invoices/rematch-open-invoices.server.ts'

/**
 * Finance verifies (or rejects) a payee's tax form after checking the file. Only forms of this brand's
 * payees. Compare-and-set on 'submitted'. The payee's open invoices are re-matched in the same
 * transaction, so the payables desk shows the new result at once.
 * A form that does not fit its payee (taxFormMismatches): one that can never be theirs (an individual's
 * W-9 under an agency) is refused, reject it; one that may still be right (another name) is verified
 * only with the clerk's written reason, kept in the audit event with what did not match.
 */
export async function verifyTaxForm(actor: Pick<BrandActor, 'brand' | 'user' | 'audit'>, input: { formId: string; decision: 'verify' | 'reject'; reason?: string }) {
  return db().transaction(async (tx) => {
    const [form] = await tx.select().from(schema.taxForms).where(eq(schema.taxForms.id, input.formId))
    const scope = await brandPayeeScope(tx, actor.brand.id)
    const mine = form && ((form.creatorId && scope.creatorIds.includes(form.creatorId)) || (form.agencyId && scope.agencyIds.includes(form.agencyId)))
    if (!form || !mine) throw new NotFoundError('That tax form')
    const status = taxFormMachine.next(form.status, input.decision, `This form is already ${form.status}.`)
    const mismatches = taxFormMismatches(form, await taxFormPayee(tx, form))
    if (input.decision === 'verify') {
      const blocking = mismatches.find((m) => m.blocking)
      if (blocking) throw new ConflictError(`This form cannot be verified: ${blocking.message}`)
      if (mismatches.length && (!input.reason || input.reason.length < 10)) {
        throw new InvalidInputError('This form does not match its payee. Say why it is right before verifying it.', {
          reason: ['Say why this form is right for this payee (at least 10 characters), or reject it.'],
        })
      }
    }
    const now = new Date()
    const [updated] = await tx
      .update(schema.taxForms)
      .set({ status, verifiedByUserId: actor.user.id, verifiedAt: now })
      .where(and(eq(schema.taxForms.id, form.id), eq(schema.taxForms.status, form.status)))
      .returning()
    if (!updated) throw new ConflictError('Someone handled this form a moment ago. Reload the page.')
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: `tax_form.${status}`,
      entityType: 'tax_form',
      entityId: form.id,
      before: { status: form.status },
      after: mismatches.length ? { status, mismatches: mismatches.map((m) => m.message), ...(input.decision === 'verify' ? { reason: input.reason } : {}) } : { status },
    })
    await rematchOpenInvoices(tx, actor.audit, { payeeKey: form.agencyId ? `agency:${form.agencyId}` : `creator:${form.creatorId}` }, now)
    return updated
  })
}
