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

const campaignFields = { name: 'Gates campaign', budget: '1000', currency: 'USD', objective: 'Gates', startsOn: '2027-01-01', endsOn: '2027-03-31' }

/** Access rows for the campaigns routes (keyed by path under app/routes). */
export const CAMPAIGNS_ACCESS: Record<string, RouteAccess> = {
  'b+/$brand+/campaigns._index.tsx': { loader: BRAND_X_ANY },
  'b+/$brand+/campaigns.new.tsx': { loader: MANAGE, action: MANAGE, forms: () => [{ intent: 'create', ...campaignFields }] },
  'b+/$brand+/campaigns.$campaign._index.tsx': {
    loader: BRAND_X_ANY,
    action: MANAGE,
    params: campaignAndOffer,
    forms: () => [{ intent: 'status', status: 'completed' }, { intent: 'update', ...campaignFields }],
  },
  'b+/$brand+/campaigns.$campaign.brief.tsx': {
    loader: BRAND_X_ANY,
    action: MANAGE,
    params: campaignAndOffer,
    forms: () => [
      { intent: 'save', overview: 'Run with us', jurisdiction: 'US', baseVersion: '0' },
      { intent: 'publish', overview: 'Run with us', hashtags: 'ad', jurisdiction: 'US', baseVersion: '0' },
    ],
  },
  'b+/$brand+/campaigns.$campaign.offers.tsx': {
    loader: BRAND_X_ANY,
    action: MANAGE,
    params: campaignAndOffer,
    forms: (ids, ctx) => [
      {
        intent: 'send',
        creatorIds: [ctx.creatorA.id],
        connectionType: 'paid',
        fee: '500',
        paymentNetDays: '30',
        paymentClockStart: 'post_verified',
        usageRights: 'none',
        revisionRounds: '1',
        expiresOn: '2027-06-30',
        d0_format: 'reel',
        d0_draftDueOn: '2027-07-10',
        d0_postWindowStart: '2027-07-15',
        d0_postWindowEnd: '2027-07-31',
        confirmOverBudget: '1',
      },
      { intent: 'withdraw', offerId: ids.offer! },
      { intent: 'accept-counter', offerId: ids.offer!, confirmOverBudget: '1' },
      { intent: 'decline-counter', offerId: ids.offer!, note: 'Not this time' },
    ],
  },
  'b+/$brand+/roster_.$creator.accounts.tsx': {
    loader: ['managerX', 'adminX', 'viewerX'],
    action: MANAGE,
    params: async (ctx) => ({ creator: ctx.creatorA.id }),
    forms: () => [
      { intent: 'add-account', platform: 'instagram', handle: 'gates_runner', followers: '12000' },
      { intent: 'represented-by', representedBy: 'Gates Talent' },
    ],
  },
  // Reading: the creator and every agent with a grant; answering needs the "answer offers" scope.
  'c+/$creator+/offers._index.tsx': { loader: CREATOR_A, scopes: { loader: 'view' } },
  'c+/$creator+/offers.$offer.tsx': {
    loader: CREATOR_A,
    action: ['creatorA', 'agentOfA'],
    scopes: { loader: 'view', action: 'answer_offers' },
    params: campaignAndOffer,
    forms: () => [{ intent: 'accept' }, { intent: 'decline', reason: 'Too busy' }, { intent: 'counter', fee: '650' }, { intent: 'acknowledge', version: '1' }],
  },
}
