import { and, eq, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { COMMITTED_OFFER_STATUSES, deliverableLabel, USAGE_LABEL, type UsageRights } from '#app/domain/offer-terms.ts'
import { NotFoundError } from '#app/utils/errors.ts'
import { billedDeliverables, latestTaxForm, resolvePayee, todayIso } from './invoice-rules.server.ts'
import { compareCodes } from '#app/domain/compare-text.ts'
import { invoiceableNow } from '#app/domain/invoiceable.ts'

export interface DraftLine {
  kind: 'deliverable' | 'usage'
  deliverableId: string | null
  description: string
  /** The share of the fee; the form prefills it only when the line can be invoiced now. */
  amountMinor: number
  status: string
  /** Null when it can be invoiced now; otherwise why it is not prefilled (app/domain/invoiceable.ts). */
  notInvoiceable: string | null
}

/**
 * Split `total` into `n` integer parts that sum exactly to `total`: equal shares, the remainder
 * (total mod n) going one unit each to the first lines. E.g. 100_001 over 3 -> 33_334, 33_334, 33_333.
 */
export function splitEvenly(total: number, n: number): number[] {
  if (n <= 0) return []
  const base = Math.floor(total / n)
  const rest = total - base * n
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0))
}

/** The creator's collaborations they can invoice (accepted offers), newest first. */
export async function listInvoiceableCollaborations(actor: Pick<CreatorActor, 'creator'>) {
  return db()
    .select({
      offerId: schema.offers.id,
      brandName: schema.brands.name,
      campaignName: schema.campaigns.name,
      feeMinor: schema.offers.feeMinor,
      usageFeeMinor: schema.offers.usageFeeMinor,
      currency: schema.offers.currency,
      acceptedAt: schema.offers.acceptedAt,
    })
    .from(schema.offers)
    .innerJoin(schema.brands, eq(schema.brands.id, schema.offers.brandId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .where(and(eq(schema.offers.creatorId, actor.creator.id), inArray(schema.offers.status, [...COMMITTED_OFFER_STATUSES])))
    .then((rows) => rows.sort((a, b) => (b.acceptedAt?.getTime() ?? 0) - (a.acceptedAt?.getTime() ?? 0)))
}

/**
 * What a new invoice for one collaboration is prefilled with: one line per deliverable not billed yet
 * (the fee split evenly, exactly; only verified deliverables get their amount prefilled, the others say why), a separate usage-rights line when the contract licenses usage, the
 * payee (creator, or the agency that invoices for them) and the legal name on their tax form.
 */
export async function getInvoiceDraft(actor: Pick<CreatorActor, 'creator'>, offerId: string) {
  const [row] = await db()
    .select({ offer: schema.offers, brandName: schema.brands.name, brandLegalName: schema.brands.legalName, campaignName: schema.campaigns.name })
    .from(schema.offers)
    .innerJoin(schema.brands, eq(schema.brands.id, schema.offers.brandId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .where(and(eq(schema.offers.id, offerId), eq(schema.offers.creatorId, actor.creator.id), inArray(schema.offers.status, [...COMMITTED_OFFER_STATUSES])))
  if (!row) throw new NotFoundError('That collaboration')
  const offer = row.offer
  const deliverables = await db().select().from(schema.deliverables).where(eq(schema.deliverables.offerId, offer.id))
  deliverables.sort((a, b) => compareCodes(a.platform, b.platform) || compareCodes(a.format, b.format) || a.position - b.position)
  const billed = new Set((await billedDeliverables(db(), deliverables.map((d) => d.id))).map((b) => b.deliverableId))
  const open = deliverables.filter((d) => !billed.has(d.id))
  const shares = splitEvenly(offer.feeMinor, deliverables.length)
  const lines: DraftLine[] = open.map((d) => ({
    kind: 'deliverable',
    deliverableId: d.id,
    description: `${deliverableLabel(d)} #${d.position}`,
    amountMinor: shares[deliverables.indexOf(d)]!,
    status: d.status,
    notInvoiceable: (() => {
      const r = invoiceableNow(d.status)
      return r.ok ? null : r.reason
    })(),
  }))
  const usageBilled = (
    await db()
      .select({ id: schema.invoiceLines.id })
      .from(schema.invoiceLines)
      .innerJoin(schema.invoices, eq(schema.invoices.id, schema.invoiceLines.invoiceId))
      .where(and(eq(schema.invoices.offerId, offer.id), eq(schema.invoiceLines.kind, 'usage'), inArray(schema.invoices.status, ['submitted', 'approved', 'paid'])))
  ).length
  if (offer.usageRights !== 'none' && offer.usageFeeMinor > 0 && !usageBilled) {
    lines.push({
      kind: 'usage',
      deliverableId: null,
      description: `Usage rights: ${USAGE_LABEL[offer.usageRights as UsageRights] ?? offer.usageRights}${offer.usageMonths ? `, ${offer.usageMonths} months` : ''}${offer.usageTerritory ? `, ${offer.usageTerritory}` : ''}`,
      amountMinor: offer.usageFeeMinor,
      status: 'licensed',
      notInvoiceable: null,
    })
  }
  const payee = await resolvePayee(db(), actor.creator)
  const form = await latestTaxForm(db(), payee.kind === 'creator' ? { kind: 'creator', creatorId: payee.creatorId } : { kind: 'agency', agencyId: payee.agencyId })
  return {
    offer: {
      id: offer.id,
      brandName: row.brandName,
      billTo: row.brandLegalName ?? row.brandName,
      campaignName: row.campaignName,
      feeMinor: offer.feeMinor,
      usageFeeMinor: offer.usageFeeMinor,
      currency: offer.currency,
      paymentNetDays: offer.paymentNetDays,
      paymentClockStart: offer.paymentClockStart,
    },
    payee: { kind: payee.kind, name: payee.name, legalName: form?.legalName ?? payee.name, taxFormStatus: form?.status ?? null },
    lines,
    issueDate: todayIso(),
  }
}
