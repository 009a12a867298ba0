import { and, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { taxFormMachine } from '#app/domain/state-machines.ts'
import { ConflictError, NotFoundError } from '#app/utils/errors.ts'
import { brandPayeeScope } from './list-brand-tax-forms.server.ts'
import { rematchOpenInvoices } from '#app/services/invoices/rematch-open-invoices.server.ts'

/**
 * Finance verifies (or rejects) a payee's tax form after checking the file. Only forms of this brand's
 * payees. Compare-and-set on 'submitted'. The payee's open invoices are re-matched in the same
 * transaction, so the payables desk shows the new result at once.
 */
export async function verifyTaxForm(actor: Pick<BrandActor, 'brand' | 'user' | 'audit'>, input: { formId: string; decision: 'verify' | 'reject' }) {
  return db().transaction(async (tx) => {
    const [form] = await tx.select().from(schema.taxForms).where(eq(schema.taxForms.id, input.formId))
    const scope = await brandPayeeScope(tx, actor.brand.id)
    const mine = form && ((form.creatorId && scope.creatorIds.includes(form.creatorId)) || (form.agencyId && scope.agencyIds.includes(form.agencyId)))
    if (!form || !mine) throw new NotFoundError('That tax form')
    const status = taxFormMachine.next(form.status, input.decision, `This form is already ${form.status}.`)
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
      after: { status },
    })
    await rematchOpenInvoices(tx, actor.audit, { payeeKey: form.agencyId ? `agency:${form.agencyId}` : `creator:${form.creatorId}` }, now)
    return updated
  })
}
