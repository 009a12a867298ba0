import type { MatrixContext, RouteAccess } from './actors.ts'
import { CREATOR_A } from './actors.ts'
import { postAttestations } from '#app/services/posts/post-checks.server.ts'
import { createCampaign, createCollaboration, insertPost } from '../factories-posts.ts'

const MANAGERS = ['managerX', 'adminX'] as const
const REPORT_VIEWERS = ['managerX', 'adminX', 'financeX', 'viewerX'] as const
const CREATOR_SUBMIT = ['creatorA', 'agentOfA'] as const

/** An accepted offer of creator A at brand X (for links and promo codes). */
async function offerParams(ctx: MatrixContext) {
  const campaign = await createCampaign(ctx.brandX.id)
  const c = await createCollaboration({ brandId: ctx.brandX.id, campaignId: campaign.id, creatorId: ctx.creatorA.id })
  return { offer: c.offer.id }
}

/** An approved deliverable of creator A at brand X, and its live post. */
async function postParams(ctx: MatrixContext) {
  const campaign = await createCampaign(ctx.brandX.id)
  const c = await createCollaboration({ brandId: ctx.brandX.id, campaignId: campaign.id, creatorId: ctx.creatorA.id, deliverableStatus: 'posted' })
  const post = await insertPost({ brandId: ctx.brandX.id, creatorId: ctx.creatorA.id, deliverableId: c.deliverable.id, status: 'submitted' })
  return { deliverable: c.deliverable.id, post: post.id }
}

/** Access rows for the posts routes (keyed by path under app/routes). */
export const POSTS_ACCESS: Record<string, RouteAccess> = {
  'r.$code.tsx': { loader: 'public' },
  // Machine to machine: anyone may call it; only an HMAC-signed body is recorded (tests/integration/orders.test.ts).
  'hooks.conversions.$brandId.tsx': { loader: 'public', action: 'public' },
  'b+/$brand+/posts._index.tsx': { loader: MANAGERS },
  'b+/$brand+/posts.$post.tsx': {
    loader: MANAGERS,
    action: MANAGERS,
    params: postParams,
    forms: () => [{ intent: 'verify', attestations: postAttestations('instagram', 'reel').map((a) => a.id) }, { intent: 'send-back', note: 'Please add #ad at the start.' }],
  },
  'b+/$brand+/posts.import.tsx': { loader: MANAGERS, action: MANAGERS },
  'b+/$brand+/attribution.tsx': {
    loader: MANAGERS,
    action: MANAGERS,
    params: offerParams,
    forms: (ids) => [
      { intent: 'link', offerId: ids.offer!, destinationUrl: 'https://acme.test/shoes' },
      { intent: 'code', offerId: ids.offer!, code: `GATES${ids.offer!.slice(0, 4).toUpperCase()}` },
      { intent: 'rate-add', fromCurrency: 'EUR', toCurrency: 'USD', rate: '1.08', effectiveOn: '2026-03-01' },
    ],
  },
  'b+/$brand+/reports._index.tsx': { loader: REPORT_VIEWERS },
  'b+/$brand+/reports.export[.]csv.tsx': { loader: REPORT_VIEWERS },
  'c+/$creator+/posts._index.tsx': { loader: CREATOR_A, scopes: { loader: 'view' } },
  'c+/$creator+/posts.$deliverable.tsx': {
    loader: CREATOR_A,
    action: CREATOR_SUBMIT,
    scopes: { loader: 'view', action: 'submit_content' },
    params: postParams,
    forms: (ids) => [{ intent: 'submit', url: `https://www.instagram.com/reel/G${ids.deliverable}/`, postedOn: '2026-03-05', caption: '#ad Running with @acme', platformLabel: 'on' }],
  },
  'c+/$creator+/posts.$deliverable_.ads-permission.tsx': {
    loader: CREATOR_A,
    action: CREATOR_SUBMIT,
    scopes: { loader: 'view', action: 'submit_content' },
    params: postParams,
    forms: () => [{ intent: 'record', kind: 'instagram_partnership', brandAccount: '@acme', grantedOn: '2026-03-05' }],
  },
  'c+/$creator+/posts.$deliverable_.stats.tsx': {
    loader: CREATOR_A,
    action: CREATOR_SUBMIT,
    scopes: { loader: 'view', action: 'submit_content' },
    params: postParams,
    multipart: true,
    forms: () => [{ intent: 'stats', capturedOn: '2026-03-12', views: '12000', likes: '800' }],
  },
}
