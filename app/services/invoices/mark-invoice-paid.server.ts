import { and, eq, inArray, isNotNull, or } from 'drizzle-orm'
import { atOnIsoDay, fromIsoDay, isoDayMessage, isoDayProblem } from '#app/domain/dates.ts'
import { schema, type Tx } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { moneyWords } from '#app/domain/offer-terms.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#app/utils/errors.ts'
import { invoiceControls } from '#app/domain/brand-settings.ts'
import { notifyInvoiceDecided } from './notify-invoice-decided.server.ts'
import { getContractBlocker } from '#app/services/contracts/get-contract-blocker.server.ts'
import { invoiceMachine } from '#app/domain/state-machines.ts'

export const PAYMENT_METHODS = ['ach', 'wire', 'check', 'paypal', 'other'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export interface PaymentInput {
  paidOn: string
  method: PaymentMethod
  reference: string
}

type Actor = Pick<BrandActor, 'brand' | 'user' | 'audit'>

export function checkPayment(p: PaymentInput): PaymentInput {
  const reference = p.reference.trim()
  const problem = isoDayProblem(p.paidOn)
  if (problem) throw new InvalidInputError('Please correct the highlighted fields.', { paidOn: [isoDayMessage(p.paidOn, problem)] })
  if (fromIsoDay(p.paidOn).getTime() > Date.now() + 86_400_000) {
    throw new InvalidInputError('Please correct the highlighted fields.', { paidOn: ['The payment date cannot be in the future.'] })
  }
  if (!PAYMENT_METHODS.includes(p.method)) throw new InvalidInputError('Please correct the highlighted fields.', { method: ['Choose how it was paid.'] })
  if (reference.length < 2 || reference.length > 80) {
    throw new InvalidInputError('Please correct the highlighted fields.', { reference: ['Enter the bank or payment reference (2 to 80 characters).'] })
  }
  return { ...p, reference }
}

/**
 * The compare-and-set approved -> paid for one invoice, inside the caller's transaction. Exactly one of
 * any number of simultaneous attempts updates the row; the rest get a ConflictError saying it is paid.
 * Paying needs a passed match or an approved exception. One audit event; creator and agents emailed.
 */
export async function payInvoiceInTx(tx: Tx, actor: Actor, invoiceId: string, p: PaymentInput, runId: string | null) {
  const [current] = await tx
    .select()
    .from(schema.invoices)
    .where(and(eq(schema.invoices.id, invoiceId), eq(schema.invoices.brandId, actor.brand.id)))
  if (!current) throw new NotFoundError('That invoice')
  if (invoiceControls(actor.brand.settings).segregationOfDuties && current.approvedByUserId === actor.user.id) {
    throw new ForbiddenError(`You approved invoice ${current.number}. With segregation of duties on, someone else must mark it paid.`)
  }
  // A required contract that is not signed blocks payment, even with an approved exception.
  const contract = await getContractBlocker(tx, current.offerId)
  if (contract.blocker) throw new ConflictError(`Invoice ${current.number} cannot be paid yet. ${contract.blocker}`)
  const now = new Date()
  const [paid] = await tx
    .update(schema.invoices)
    .set({
      status: invoiceMachine.next('approved', 'pay'),
      paidAt: atOnIsoDay(p.paidOn, 12 * 3_600_000),
      paidByUserId: actor.user.id,
      paymentMethod: p.method,
      paymentReference: p.reference,
      paymentRunId: runId,
      updatedAt: now,
    })
    .where(
      and(
        eq(schema.invoices.id, invoiceId),
        eq(schema.invoices.brandId, actor.brand.id),
        inArray(schema.invoices.status, invoiceMachine.sources('pay')),
        or(eq(schema.invoices.matchOk, true), isNotNull(schema.invoices.exceptionNote)),
      ),
    )
    .returning()
  if (!paid) {
    const [after] = await tx.select().from(schema.invoices).where(eq(schema.invoices.id, invoiceId))
    if (after?.status === 'paid') {
      throw new ConflictError(`Invoice ${after.number} is already paid (${after.paidAt?.toISOString().slice(0, 10)}, reference ${after.paymentReference}).`)
    }
    if (after?.status === 'approved') throw new ConflictError(`Invoice ${after.number} failed its match: approve the exception with a note before paying it.`)
    throw new ConflictError(`Invoice ${current.number} is ${after?.status ?? current.status}, not approved: it cannot be paid.`)
  }
  await recordAudit(tx, actor.audit, {
    brandId: actor.brand.id,
    action: 'invoice.paid',
    entityType: 'invoice',
    entityId: invoiceId,
    before: { status: 'approved' },
    after: { status: 'paid', paidOn: p.paidOn, method: p.method, reference: p.reference, totalMinor: paid.totalMinor, currency: paid.currency, runId },
  })
  await notifyInvoiceDecided(tx, paid, actor.brand.name, 'paid', `on ${p.paidOn} by ${p.method.toUpperCase()}, reference ${p.reference}`)
  return paid
}

/** Finance marks one approved invoice paid (date, method, reference). Once. */
export async function markInvoicePaid(actor: Actor, input: { invoiceId: string } & PaymentInput) {
  const p = checkPayment(input)
  const paid = await db().transaction((tx) => payInvoiceInTx(tx, actor, input.invoiceId, p, null))
  return { invoice: paid, message: `Invoice ${paid.number} marked paid: ${moneyWords(paid.totalMinor, paid.currency)}, reference ${p.reference}.` }
}
