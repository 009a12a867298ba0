import { createElement } from 'react'
import { isoDayMessage, isoDayProblem } from '#app/domain/dates.ts'
import { and, desc, eq, inArray } from 'drizzle-orm'
import { schema, type Tx } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config } from '#app/config.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { COMMITTED_OFFER_STATUSES, deliverableLabel, moneyWords, USAGE_LABEL, type UsageRights } from '#app/domain/offer-terms.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { getBrandManagerEmails } from '#app/services/brands/get-brand-manager-emails.server.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '#app/utils/errors.ts'
import { InvoiceSubmittedEmail } from '#emails/invoice-submitted.tsx'
import { computeInvoiceMatch } from './compute-invoice-match.server.ts'
import { addDaysIso, normalizeInvoiceNumber, resolvePayee, todayIso } from './invoice-rules.server.ts'

export interface SubmitInvoiceInput {
  offerId: string
  number: string
  issueDate: string
  /** The legal name the invoice is made out from (checked against the tax form). */
  payeeName: string
  idempotencyKey: string
  /** deliverableId null = the usage-rights line. */
  lines: { deliverableId: string | null; amountMinor: number }[]
  taxMinor?: number
}

type OfferRow = typeof schema.offers.$inferSelect

/**
 * The due date: the offer's net days counted from the event that starts its payment clock
 * (post verified / draft approved / invoice received). Null while that event has not happened for
 * every invoiced deliverable; the payables desk shows "no due date" for those.
 */
export async function dueDateFor(tx: Tx, offer: OfferRow, deliverableIds: string[], receivedOn: string): Promise<string | null> {
  let start: string | null = null
  if (offer.paymentClockStart === 'invoice_received' || deliverableIds.length === 0) start = receivedOn
  else if (offer.paymentClockStart === 'draft_approved') {
    const drafts = await tx
      .select({ deliverableId: schema.draftVersions.deliverableId, decidedAt: schema.draftVersions.decidedAt })
      .from(schema.draftVersions)
      .where(and(inArray(schema.draftVersions.deliverableId, deliverableIds), eq(schema.draftVersions.decision, 'approved')))
      .orderBy(desc(schema.draftVersions.decidedAt))
    const covered = new Set(drafts.map((d) => d.deliverableId))
    if (deliverableIds.every((id) => covered.has(id)) && drafts[0]?.decidedAt) start = drafts[0].decidedAt.toISOString().slice(0, 10)
  } else {
    const posts = await tx
      .select({ status: schema.posts.status, verifiedAt: schema.posts.verifiedAt })
      .from(schema.posts)
      .where(inArray(schema.posts.deliverableId, deliverableIds))
    if (posts.length === deliverableIds.length && posts.every((p) => p.status === 'verified' && p.verifiedAt)) {
      const last = posts.reduce((m, p) => (p.verifiedAt! > m ? p.verifiedAt! : m), posts[0]!.verifiedAt!)
      start = last.toISOString().slice(0, 10)
    }
  }
  return start ? addDaysIso(start, offer.paymentNetDays) : null
}

/**
 * A creator (or their agent with the 'invoice' scope) submits an invoice for a collaboration.
 * Idempotent: the same idempotencyKey returns the invoice already made (double click, retry).
 * The offer row is locked so two invoices for one collaboration are matched one after the other.
 * The match is computed and stored; managers are emailed; one audit event.
 */
export async function submitInvoice(actor: Pick<CreatorActor, 'creator' | 'user' | 'audit'>, input: SubmitInvoiceInput) {
  const number = input.number.trim()
  const normalizedNumber = normalizeInvoiceNumber(number)
  if (!normalizedNumber || number.length > 40) {
    throw new InvalidInputError('Please correct the highlighted fields.', { number: ['Give the invoice a number with letters or digits (up to 40 characters).'] })
  }
  const dayProblem = isoDayProblem(input.issueDate)
  if (dayProblem) throw new InvalidInputError('Please correct the highlighted fields.', { issueDate: [isoDayMessage(input.issueDate, dayProblem)] })
  const payeeName = input.payeeName.trim()
  if (payeeName.length < 2) throw new InvalidInputError('Please correct the highlighted fields.', { payeeName: ['Enter the legal name you invoice under.'] })
  if (!input.lines.length) throw new InvalidInputError('Add at least one line to the invoice.', { lines: ['Add at least one line to the invoice.'] })
  for (const l of input.lines) {
    if (!Number.isSafeInteger(l.amountMinor) || l.amountMinor <= 0) {
      throw new InvalidInputError('Every line needs an amount above zero.', { lines: ['Every line needs an amount above zero.'] })
    }
  }
  const taxMinor = input.taxMinor ?? 0
  if (!Number.isSafeInteger(taxMinor) || taxMinor < 0) throw new InvalidInputError('Please correct the highlighted fields.', { taxMinor: ['Tax must be zero or more.'] })

  const result = await db().transaction(async (tx) => {
    const existing = await byKey(tx, input.idempotencyKey)
    if (existing) return sameCreator(existing, actor.creator.id)
    const [offer] = await tx
      .select()
      .from(schema.offers)
      .where(and(eq(schema.offers.id, input.offerId), eq(schema.offers.creatorId, actor.creator.id), inArray(schema.offers.status, [...COMMITTED_OFFER_STATUSES])))
      .for('update')
    if (!offer) throw new NotFoundError('That collaboration')
    // A concurrent submit with the same key may have committed while we waited for the lock.
    const again = await byKey(tx, input.idempotencyKey)
    if (again) return sameCreator(again, actor.creator.id)

    const deliverables = await tx.select().from(schema.deliverables).where(eq(schema.deliverables.offerId, offer.id))
    const byId = new Map(deliverables.map((d) => [d.id, d]))
    const seen = new Set<string>()
    let usageLines = 0
    for (const l of input.lines) {
      if (l.deliverableId === null) usageLines++
      else if (!byId.has(l.deliverableId)) throw new InvalidInputError('A line names a deliverable that is not part of this collaboration. Reload the page and try again.')
      else if (seen.has(l.deliverableId)) throw new InvalidInputError('The same deliverable is on two lines. Bill each deliverable once.', { lines: ['The same deliverable is on two lines.'] })
      else seen.add(l.deliverableId)
    }
    if (usageLines > 1) throw new InvalidInputError('Bill usage rights on one line.', { lines: ['Bill usage rights on one line.'] })

    const payee = await resolvePayee(tx, actor.creator)
    const [clash] = await tx
      .select({ number: schema.invoices.number, issueDate: schema.invoices.issueDate })
      .from(schema.invoices)
      .where(and(eq(schema.invoices.payeeKey, payee.key), eq(schema.invoices.normalizedNumber, normalizedNumber)))
    if (clash) throw numberTaken(clash.number, clash.issueDate)

    const subtotalMinor = input.lines.reduce((s, l) => s + l.amountMinor, 0)
    const dueDate = await dueDateFor(tx, offer, [...seen], todayIso())
    const [invoice] = await tx
      .insert(schema.invoices)
      .values({
        brandId: offer.brandId,
        offerId: offer.id,
        creatorId: actor.creator.id,
        payeeKey: payee.key,
        payeeAgencyId: payee.kind === 'agency' ? payee.agencyId : null,
        number,
        normalizedNumber,
        issueDate: input.issueDate,
        dueDate,
        currency: offer.currency,
        subtotalMinor,
        taxMinor,
        totalMinor: subtotalMinor + taxMinor,
        idempotencyKey: input.idempotencyKey,
        match: { payeeName },
        submittedByUserId: actor.user.id,
        actingForCreatorId: actor.creator.id,
      })
      .onConflictDoNothing()
      .returning()
    if (!invoice) {
      const raced = await byKey(tx, input.idempotencyKey)
      if (raced) return sameCreator(raced, actor.creator.id)
      throw numberTaken(number, input.issueDate)
    }
    await tx.insert(schema.invoiceLines).values(
      input.lines.map((l) => {
        const d = l.deliverableId ? byId.get(l.deliverableId)! : null
        return {
          invoiceId: invoice.id,
          deliverableId: d?.id ?? null,
          kind: d ? 'deliverable' : 'usage',
          description: d
            ? `${deliverableLabel(d)} #${d.position}`
            : `Usage rights: ${USAGE_LABEL[offer.usageRights as UsageRights] ?? offer.usageRights}${offer.usageMonths ? `, ${offer.usageMonths} months` : ''}`,
          amountMinor: l.amountMinor,
        }
      }),
    )
    const { match, ok } = await computeInvoiceMatch(tx, invoice.id)
    await tx.update(schema.invoices).set({ match: { ...match }, matchOk: ok }).where(eq(schema.invoices.id, invoice.id))
    await recordAudit(tx, actor.audit, {
      brandId: offer.brandId,
      action: 'invoice.submitted',
      entityType: 'invoice',
      entityId: invoice.id,
      after: { number, totalMinor: invoice.totalMinor, currency: invoice.currency, payeeKey: payee.key, dueDate, matchOk: ok },
    })
    const [names] = await tx
      .select({ brandName: schema.brands.name, brandSlug: schema.brands.slug, campaignName: schema.campaigns.name })
      .from(schema.brands)
      .innerJoin(schema.campaigns, eq(schema.campaigns.id, offer.campaignId))
      .where(eq(schema.brands.id, offer.brandId))
    const managers = await getBrandManagerEmails(tx, offer.brandId)
    if (managers.length && names) {
      await enqueueEmail(tx, {
        template: 'invoice-submitted',
        to: managers,
        subject: `Invoice ${number} from ${actor.creator.name} (${moneyWords(invoice.totalMinor, invoice.currency)})`,
        element: createElement(InvoiceSubmittedEmail, {
          brandName: names.brandName,
          creatorName: actor.creator.name,
          campaignName: names.campaignName,
          number,
          amount: moneyWords(invoice.totalMinor, invoice.currency),
          matched: ok,
          url: `${config().appUrl}/b/${names.brandSlug}/invoices/${invoice.id}`,
        }),
        dedupeKey: `invoice-submitted:${invoice.id}`,
      })
    }
    return { invoice: { ...invoice, match, matchOk: ok }, created: true }
  }).catch((e: unknown) => {
    // Two different keys racing for the same number (another collaboration): the unique index decides.
    if ((e as { code?: string })?.code === '23505') throw numberTaken(number, input.issueDate)
    throw e
  })
  return result
}

async function byKey(tx: Tx, key: string) {
  const [row] = await tx.select().from(schema.invoices).where(eq(schema.invoices.idempotencyKey, key))
  return row ?? null
}

function sameCreator(row: typeof schema.invoices.$inferSelect, creatorId: string) {
  if (row.creatorId !== creatorId) throw new ConflictError('This form was already used. Reload the page and try again.')
  return { invoice: row, created: false }
}

function numberTaken(number: string, issueDate: string) {
  const msg = `You already used invoice number ${number} (issued ${issueDate}). Each invoice needs a new number.`
  return new ConflictError(msg, { number: [msg] })
}
