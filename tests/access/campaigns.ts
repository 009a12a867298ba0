import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { BRAND_X_ANY, CREATOR_A, type MatrixContext, type RouteAccess } from './actors.ts'

/** A campaign of brand X (with a published brief) and an offer to creator A in it. */
async function campaignAndOffer(ctx: MatrixContext) {
  const [c] = await db().insert(schema.campaigns).values({ brandId: ctx.brandX.id, name: 'Matrix campaign', status: 'active', budgetMinor: 100_000 }).returning()
  await db().insert(schema.briefs).values({ campaignId: c!.id, brandId: ctx.brandX.id, currentVersion: 0 })
  const [o] = await db()
    .insert(schema.offers)
    .values({ brandId: ctx.brandX.id, campaignId: c!.id, creatorId: ctx.creatorA.id, connectionType: 'paid', feeMinor: 50_000, currency: 'USD' })
    .returning()
  return { campaign: c!.id, offer: o!.id }
}

const MANAGE = ['managerX', 'adminX'] as const

/** Access rows for the campaigns routes (keyed by path under app/routes). */
export const CAMPAIGNS_ACCESS: Record<string, RouteAccess> = {
  'b+/$brand+/campaigns._index.tsx': { loader: BRAND_X_ANY },
  'b+/$brand+/campaigns.new.tsx': { loader: MANAGE, action: MANAGE },
  'b+/$brand+/campaigns.$campaign._index.tsx': { loader: BRAND_X_ANY, action: MANAGE, params: campaignAndOffer },
  'b+/$brand+/campaigns.$campaign.brief.tsx': { loader: BRAND_X_ANY, action: MANAGE, params: campaignAndOffer },
  'b+/$brand+/campaigns.$campaign.offers.tsx': { loader: BRAND_X_ANY, action: MANAGE, params: campaignAndOffer },
  'b+/$brand+/roster_.$creator.accounts.tsx': { loader: ['managerX', 'adminX', 'viewerX'], action: MANAGE },
  // Reading: the creator and every agent with a grant; answering needs the "answer offers" scope.
  'c+/$creator+/offers._index.tsx': { loader: CREATOR_A },
  'c+/$creator+/offers.$offer.tsx': { loader: CREATOR_A, action: ['creatorA', 'agentOfA'], params: campaignAndOffer },
}
