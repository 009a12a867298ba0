import { and, desc, eq, notInArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { InvalidInputError, NotFoundError } from '#app/utils/errors.ts'
import { OFFER_STATUSES_WITHOUT_COSTS } from '#app/domain/money-figures.ts'

export const COST_KINDS = ['gifting', 'production', 'commission', 'usage', 'other'] as const
export type CostKind = (typeof COST_KINDS)[number]

export interface CostEntryInput {
  campaignId: string
  kind: CostKind
  /** Gifting: the product cost. */
  amountMinor: number
  /** Gifting only: shipping, stored as its own 'shipping' entry so cost reports can show it. */
  shippingMinor?: number
  offerId?: string | null
  /**
   * The roster creator the cost belongs to (a gift is a cost of the creator who received it). The cost is
   * booked on that creator's collaboration in this campaign, so it shows in their row, their profile and
   * their collaboration's cost. Leave empty for campaign costs (shipping for the campaign, production).
   */
  creatorId?: string | null
  note?: string | null
  carrier?: string | null
  trackingNumber?: string | null
  shippedOn?: string | null
  deliveredOn?: string | null
}

/**
 * A manager adds a cost to a campaign's ledger (creator fees are committed by offer acceptance).
 * Gifting records product cost and, separately, shipping with carrier, tracking and dates; both belong
 * to the creator's collaboration when one is named. One audit event per entry.
 */
export async function addCostEntry(actor: Pick<BrandActor, 'brand' | 'user' | 'audit'>, input: CostEntryInput) {
  const shipping = input.shippingMinor ?? 0
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor < 0 || !Number.isSafeInteger(shipping) || shipping < 0) {
    throw new InvalidInputError('Please correct the highlighted fields.', { amount: ['Enter an amount of zero or more.'] })
  }
  if (input.amountMinor + shipping === 0) throw new InvalidInputError('Please correct the highlighted fields.', { amount: ['Enter an amount above zero.'] })
  if (input.kind !== 'gifting' && (shipping || input.carrier || input.trackingNumber || input.shippedOn || input.deliveredOn)) {
    throw new InvalidInputError('Shipping details belong to gifting entries.')
  }
  if (input.shippedOn && input.deliveredOn && input.deliveredOn < input.shippedOn) {
    throw new InvalidInputError('Please correct the highlighted fields.', { deliveredOn: ['Delivery cannot be before shipping.'] })
  }
  return db().transaction(async (tx) => {
    const [campaign] = await tx
      .select()
      .from(schema.campaigns)
      .where(and(eq(schema.campaigns.id, input.campaignId), eq(schema.campaigns.brandId, actor.brand.id)))
    if (!campaign) throw new NotFoundError('That campaign')
    if (input.offerId) {
      const [offer] = await tx
        .select({ id: schema.offers.id })
        .from(schema.offers)
        .where(and(eq(schema.offers.id, input.offerId), eq(schema.offers.campaignId, campaign.id), eq(schema.offers.brandId, actor.brand.id)))
      if (!offer) throw new InvalidInputError('Please correct the highlighted fields.', { offerId: ['Choose a creator in this campaign.'] })
    }
    let offerId = input.offerId ?? null
    if (input.creatorId) {
      const [onRoster] = await tx
        .select({ id: schema.rosterEntries.id, name: schema.creators.name })
        .from(schema.rosterEntries)
        .innerJoin(schema.creators, eq(schema.creators.id, schema.rosterEntries.creatorId))
        .where(and(eq(schema.rosterEntries.brandId, actor.brand.id), eq(schema.rosterEntries.creatorId, input.creatorId)))
      if (!onRoster) throw new NotFoundError('That creator')
      const [collab] = await tx
        .select({ id: schema.offers.id })
        .from(schema.offers)
        .where(
          and(
            eq(schema.offers.campaignId, campaign.id),
            eq(schema.offers.brandId, actor.brand.id),
            eq(schema.offers.creatorId, input.creatorId),
            notInArray(schema.offers.status, [...OFFER_STATUSES_WITHOUT_COSTS]),
            ...(offerId ? [eq(schema.offers.id, offerId)] : []),
          ),
        )
        .orderBy(desc(schema.offers.createdAt))
        .limit(1)
      if (!collab) {
        throw new InvalidInputError('Please correct the highlighted fields.', {
          creatorId: [`${onRoster.name} has no offer in this campaign. Send them one first, or leave the creator empty for a campaign cost.`],
        })
      }
      offerId = collab.id
    }
    const base = { brandId: actor.brand.id, campaignId: campaign.id, offerId, currency: campaign.currency, createdByUserId: actor.user.id }
    const rows = []
    if (input.amountMinor > 0) {
      rows.push({
        ...base,
        kind: input.kind,
        amountMinor: input.amountMinor,
        note: input.note?.trim() || null,
        carrier: input.carrier?.trim() || null,
        trackingNumber: input.trackingNumber?.trim() || null,
        shippedOn: input.shippedOn || null,
        deliveredOn: input.deliveredOn || null,
      })
    }
    if (shipping > 0) {
      rows.push({
        ...base,
        kind: 'shipping',
        amountMinor: shipping,
        note: input.note?.trim() || 'Gift shipping',
        carrier: input.carrier?.trim() || null,
        trackingNumber: input.trackingNumber?.trim() || null,
        shippedOn: input.shippedOn || null,
        deliveredOn: input.deliveredOn || null,
      })
    }
    const inserted = await tx.insert(schema.costEntries).values(rows).returning()
    for (const e of inserted) {
      await recordAudit(tx, actor.audit, {
        brandId: actor.brand.id,
        action: 'cost.added',
        entityType: 'cost_entry',
        entityId: e.id,
        after: { campaignId: campaign.id, offerId: e.offerId, kind: e.kind, amountMinor: e.amountMinor, currency: e.currency },
      })
    }
    return inserted
  })
}
