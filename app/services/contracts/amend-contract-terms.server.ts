import { and, asc, eq, ne } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { COMMITTED_OFFER_STATUSES, type UsageRights } from '#app/domain/offer-terms.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { rematchOpenInvoices } from '#app/services/invoices/rematch-open-invoices.server.ts'
import { termsSnapshot } from '#app/services/offers/commit-offer.server.ts'
import { ConflictError, NotFoundError } from '#app/utils/errors.ts'
import { generateContract } from './generate-contract.server.ts'

export interface AmendTermsInput {
  feeMinor: number
  paymentNetDays: number
  usageRights: UsageRights
  usageMonths: number
  usageTerritory: string | null
  usageFeeMinor: number
  exclusivityCategory: string | null
  exclusivityMonths: number
  /** Why the terms change (kept in the audit log and shown on the contract history). */
  reason: string
  /** New dates per deliverable of this collaboration (omitted: dates unchanged). */
  deliverables?: DeliverableDates[]
  /**
   * The contract version the form was opened on. When given and it is no longer the current version
   * (someone amended in another tab, or the version is gone), the change is refused with a 409.
   */
  baseContractId?: string
}

export interface DeliverableDates {
  id: string
  draftDueOn: string | null
  postWindowStart: string | null
  postWindowEnd: string | null
}
const DATE_FIELDS = ['draftDueOn', 'postWindowStart', 'postWindowEnd'] as const

const FIELDS = ['feeMinor', 'paymentNetDays', 'usageRights', 'usageMonths', 'usageTerritory', 'usageFeeMinor', 'exclusivityCategory', 'exclusivityMonths'] as const

/**
 * The brand changes the terms of an accepted collaboration. The current contract version is superseded and
 * a new one is made that both parties sign again (old versions and their signatures stay readable). A fee
 * change is booked as a 'fee' cost entry for the difference, so committed spend follows the contract.
 * No change at all is refused.
 */
export async function amendContractTerms(actor: Pick<BrandActor, 'brand' | 'user' | 'audit'>, offerId: string, input: AmendTermsInput, now = new Date()) {
  return db().transaction(async (tx) => {
    const [offer] = await tx
      .select()
      .from(schema.offers)
      .where(and(eq(schema.offers.id, offerId), eq(schema.offers.brandId, actor.brand.id)))
      .for('update')
    if (!offer) throw new NotFoundError('That collaboration')
    if (!(COMMITTED_OFFER_STATUSES as readonly string[]).includes(offer.status)) throw new ConflictError('Only an accepted collaboration has a contract to amend.')
    if (input.baseContractId !== undefined) {
      const [current] = await tx
        .select({ id: schema.contracts.id, version: schema.contracts.version })
        .from(schema.contracts)
        .where(and(eq(schema.contracts.offerId, offer.id), ne(schema.contracts.status, 'superseded')))
      if (!current || current.id !== input.baseContractId) {
        throw new ConflictError(
          current
            ? `Someone amended this contract while you were editing it: version ${current.version} is now current. Reload the page to see its terms, then make your change again.`
            : 'This contract has no current version to amend any more. Reload the page.',
        )
      }
    }
    const dels = await tx.select().from(schema.deliverables).where(eq(schema.deliverables.offerId, offer.id)).orderBy(asc(schema.deliverables.id))
    const byId = new Map(dels.map((d) => [d.id, d]))
    const dateChanges: { id: string; before: Record<string, string | null>; after: Record<string, string | null> }[] = []
    for (const nd of input.deliverables ?? []) {
      const d = byId.get(nd.id)
      if (!d) throw new NotFoundError('That deliverable')
      const diff = DATE_FIELDS.filter((f) => (d[f] ?? null) !== (nd[f] ?? null))
      if (diff.length) dateChanges.push({ id: d.id, before: Object.fromEntries(diff.map((f) => [f, d[f] ?? null])), after: Object.fromEntries(diff.map((f) => [f, nd[f] ?? null])) })
    }
    const next = { ...input, usageMonths: input.usageRights === 'none' ? 0 : input.usageMonths, usageTerritory: input.usageRights === 'none' ? null : input.usageTerritory, usageFeeMinor: input.usageRights === 'none' ? 0 : input.usageFeeMinor }
    const changed: string[] = FIELDS.filter((f) => (offer[f] ?? null) !== (next[f] ?? null))
    if (dateChanges.length) changed.push('deliverableDates')
    if (!changed.length) throw new ConflictError('Nothing changed: these are the terms already in the contract.')
    const termChanged = FIELDS.filter((f) => changed.includes(f))
    const before: Record<string, unknown> = Object.fromEntries(termChanged.map((f) => [f, offer[f]]))
    const after: Record<string, unknown> = Object.fromEntries(termChanged.map((f) => [f, next[f]]))
    if (dateChanges.length) {
      before.deliverableDates = dateChanges.map((c) => ({ id: c.id, ...c.before }))
      after.deliverableDates = dateChanges.map((c) => ({ id: c.id, ...c.after }))
      for (const c of dateChanges) await tx.update(schema.deliverables).set({ ...c.after, updatedAt: now }).where(eq(schema.deliverables.id, c.id))
    }
    const [updated] = await tx
      .update(schema.offers)
      .set({ ...Object.fromEntries(FIELDS.map((f) => [f, next[f]])), updatedAt: now } as Partial<typeof schema.offers.$inferInsert>)
      .where(eq(schema.offers.id, offer.id))
      .returning()
    await tx.update(schema.offers).set({ acceptedTerms: termsSnapshot(updated!, updated!.feeMinor, updated!.acceptedBriefVersion ?? 0) }).where(eq(schema.offers.id, offer.id))
    if (next.feeMinor !== offer.feeMinor) {
      await tx.insert(schema.costEntries).values({
        brandId: offer.brandId,
        campaignId: offer.campaignId,
        offerId: offer.id,
        kind: 'fee',
        amountMinor: next.feeMinor - offer.feeMinor,
        currency: offer.currency,
        note: 'contract amended',
        createdByUserId: actor.user.id,
      })
    }
    const contract = await generateContract(tx, updated!, actor.audit, { now, reason: 'amended' })
    await recordAudit(tx, actor.audit, {
      brandId: offer.brandId,
      action: 'offer.terms_amended',
      entityType: 'offer',
      entityId: offer.id,
      before,
      after: { ...after, reason: input.reason, contractVersion: contract.version },
    })
    await rematchOpenInvoices(tx, actor.audit, { offerId: offer.id }, now)
    return { contract, changed }
  })
}
