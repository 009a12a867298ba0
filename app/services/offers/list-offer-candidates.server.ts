import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { effectiveOfferStatus } from '#app/domain/offer-terms.ts'
import { followersVisibleTo } from '#app/domain/creator-privacy.ts'
import { getCreatorAccess } from '#app/services/roster/get-creator-access.server.ts'
import { LIVE_OFFER_STATUSES } from '#app/domain/state-machines.ts'

/** Roster creators an offer can go to, with their biggest account and whether they already have a live offer here. */
export async function listOfferCandidates(brandId: string, campaignId: string, now = new Date()) {
  const rows = await db()
    .select({
      creatorId: schema.creators.id,
      name: schema.creators.name,
      status: schema.rosterEntries.status,
      representedBy: schema.rosterEntries.representedBy,
    })
    .from(schema.rosterEntries)
    .innerJoin(schema.creators, eq(schema.creators.id, schema.rosterEntries.creatorId))
    .where(eq(schema.rosterEntries.brandId, brandId))
    .orderBy(asc(schema.creators.name))
  const ids = rows.map((r) => r.creatorId)
  const [accounts, offers] = ids.length
    ? await Promise.all([
        db()
          .select({ creatorId: schema.socialAccounts.creatorId, platform: schema.socialAccounts.platform, handle: schema.socialAccounts.handle, followers: schema.socialAccounts.followers, brandId: schema.socialAccounts.brandId })
          .from(schema.socialAccounts)
          // The creator's own accounts and this brand's; another brand's never (app/domain/creator-privacy.ts).
          .where(and(inArray(schema.socialAccounts.creatorId, ids), or(isNull(schema.socialAccounts.brandId), eq(schema.socialAccounts.brandId, brandId)))),
        db()
          .select({ creatorId: schema.offers.creatorId, status: schema.offers.status, expiresAt: schema.offers.expiresAt })
          .from(schema.offers)
          .where(and(eq(schema.offers.brandId, brandId), eq(schema.offers.campaignId, campaignId))),
      ])
    : [[], []]
  const live = new Set(
    offers.filter((o) => (LIVE_OFFER_STATUSES as readonly string[]).includes(effectiveOfferStatus(o, now))).map((o) => o.creatorId),
  )
  const access = await getCreatorAccess(brandId, ids)
  return rows.map((r) => {
    const mine = accounts
      .filter((a) => a.creatorId === r.creatorId)
      .map((a) => ({ creatorId: a.creatorId, platform: a.platform, handle: a.handle, followers: followersVisibleTo(a, brandId, access.get(a.creatorId) ?? 'public') ? a.followers : null }))
      .sort((a, b) => (b.followers ?? -1) - (a.followers ?? -1))
    return { ...r, topAccount: mine[0] ?? null, hasLiveOffer: live.has(r.creatorId) }
  })
}
