import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, ForbiddenError, InvalidInputError } from '#app/utils/errors.ts'
import { approvalLimitProblem, invoiceControls } from '#app/domain/brand-settings.ts'
import { computeInvoiceMatch } from './compute-invoice-match.server.ts'
import { notifyInvoiceDecided } from './notify-invoice-decided.server.ts'
import { invoiceMachine } from '#app/domain/state-machines.ts'
import { lockBrandInvoice } from './lock-brand-invoice.server.ts'

/**
 * A brand manager approves a submitted invoice, or rejects it with a reason. Compare-and-set on
 * status 'submitted'. The match is recomputed at decision time (posts may have been verified since).
 * With segregation of duties on, whoever approved the content (draft or live post) may not approve
 * its invoice. With an approval limit set, a manager may approve invoices up to it; above it, an admin.
 */
export async function decideInvoice(
  actor: Pick<BrandActor, 'brand' | 'user' | 'audit' | 'role'>,
  input: { invoiceId: string; decision: 'approve' | 'reject'; reason?: string },
) {
  const reason = input.reason?.trim() ?? ''
  if (input.decision === 'reject' && reason.length < 3) {
    throw new InvalidInputError('Say why you are rejecting the invoice: the creator sees this.', { reason: ['Say why you are rejecting the invoice: the creator sees this.'] })
  }
  return db().transaction(async (tx) => {
    const invoice = await lockBrandInvoice(tx, actor.brand.id, input.invoiceId)
    const next = invoiceMachine.next(invoice.status, input.decision, `This invoice is already ${invoice.status}.`) as 'approved' | 'rejected'
    const controls = invoiceControls(actor.brand.settings)
    if (input.decision === 'approve') {
      const overLimit = approvalLimitProblem(actor.role, controls, actor.brand.currency, invoice)
      if (overLimit) throw new ForbiddenError(overLimit)
    }
    if (input.decision === 'approve' && controls.segregationOfDuties) {
      const lines = await tx.select({ deliverableId: schema.invoiceLines.deliverableId }).from(schema.invoiceLines).where(eq(schema.invoiceLines.invoiceId, invoice.id))
      const ids = lines.map((l) => l.deliverableId).filter((x): x is string => !!x)
      if (ids.length) {
        const drafts = await tx
          .select({ by: schema.draftVersions.decidedByUserId })
          .from(schema.draftVersions)
          .where(and(inArray(schema.draftVersions.deliverableId, ids), eq(schema.draftVersions.decision, 'approved'), isNotNull(schema.draftVersions.decidedByUserId)))
        const posts = await tx.select({ by: schema.posts.verifiedByUserId }).from(schema.posts).where(inArray(schema.posts.deliverableId, ids))
        if ([...drafts, ...posts].some((r) => r.by === actor.user.id)) {
          throw new ForbiddenError('You approved the content on this invoice. With segregation of duties on, another manager must approve the invoice.')
        }
      }
    }
    const now = new Date()
    const { match, ok } = await computeInvoiceMatch(tx, invoice.id, now)
    const [updated] = await tx
      .update(schema.invoices)
      .set(
        next === 'approved'
          ? { status: next, approvedByUserId: actor.user.id, approvedAt: now, match: { ...match }, matchOk: ok, updatedAt: now }
          : { status: next, rejectReason: reason, match: { ...match }, matchOk: ok, updatedAt: now },
      )
      .where(and(eq(schema.invoices.id, invoice.id), inArray(schema.invoices.status, invoiceMachine.sources(input.decision))))
      .returning()
    if (!updated) throw new ConflictError('Someone decided this invoice a moment ago. Reload the page.')
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: `invoice.${next}`,
      entityType: 'invoice',
      entityId: invoice.id,
      before: { status: invoice.status },
      after: next === 'approved' ? { status: next, matchOk: ok, totalMinor: invoice.totalMinor } : { status: next, reason },
    })
    await notifyInvoiceDecided(tx, updated, actor.brand.name, next, next === 'rejected' ? reason : undefined)
    return updated
  })
}
