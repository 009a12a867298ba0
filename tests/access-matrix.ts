/**
 * Who may call each route module's loader and action. Every file in app/routes must have an entry:
 * the access-matrix test fails for a route module without one. Later capabilities add their rows.
 *
 * 'public'   - anyone, signed in or not
 * Actor[]    - these actors get through the guard (any status but a login redirect, 403 or 404);
 *              every other actor is refused (anonymous -> login redirect; others -> 403/404)
 * undefined  - the module has no loader/action
 */
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { BRAND_X_ANY, CREATOR_A, SIGNED_IN, type MatrixContext, type RouteAccess } from './access/actors.ts'
import { CAMPAIGNS_ACCESS } from './access/campaigns.ts'
import { CONTENT_ACCESS } from './access/content.ts'
import { POSTS_ACCESS } from './access/posts.ts'
import { PAYABLES_ACCESS } from './access/payables.ts'
import { ROSTER_ACCESS } from './access/roster.ts'
import { CONTRACTS_ACCESS } from './access/contracts.ts'
import { JOBS_ACCESS } from './access/jobs.ts'
import { CONNECTORS_ACCESS } from './access/connectors.ts'

export { ACTORS, type Actor, type Rule, type RouteAccess } from './access/actors.ts'

/** A pending member invitation of brand X. */
async function invitationParams(ctx: MatrixContext) {
  const [inv] = await db()
    .insert(schema.invitations)
    .values({ tokenHash: `gates-${Math.random()}`, kind: 'brand_member', email: `invitee-${Math.random().toString(36).slice(2)}@example.test`, brandId: ctx.brandX.id, role: 'viewer', expiresAt: new Date(Date.now() + 86_400_000) })
    .returning()
  return { invitation: inv!.id }
}

/** An agency with an active grant from creator A. */
async function grantParams(ctx: MatrixContext) {
  const [agency] = await db().insert(schema.agencies).values({ name: `Gates agency ${Math.random().toString(36).slice(2, 8)}` }).returning()
  const [grant] = await db().insert(schema.agentGrants).values({ creatorId: ctx.creatorA.id, agencyId: agency!.id, scopes: ['answer_offers'] }).returning()
  return { grant: grant!.id }
}

const FOUNDATION: Record<string, RouteAccess> = {
  '_index.tsx': { loader: 'public' },
  'healthz.tsx': { loader: 'public' },
  'account.tsx': { loader: SIGNED_IN, action: SIGNED_IN },
  '_auth+/_layout.tsx': {},
  '_auth+/login.tsx': { loader: 'public', action: 'public' },
  '_auth+/logout.tsx': { loader: 'public', action: 'public' },
  '_auth+/forgot-password.tsx': { loader: 'public', action: 'public' },
  '_auth+/reset-password.$token.tsx': { loader: 'public', action: 'public' },
  '_auth+/sign-in-link.tsx': { loader: 'public', action: 'public' },
  '_auth+/sign-in-link_.$token.tsx': { loader: 'public', action: 'public' },
  '_auth+/invite.$token.tsx': { loader: 'public', action: 'public' },
  'dev+/mail._index.tsx': { loader: 'public' },
  'dev+/mail.$id.tsx': { loader: 'public' },
  'b+/_index.tsx': { loader: SIGNED_IN },
  'b+/$brand+/_layout.tsx': { loader: BRAND_X_ANY },
  'b+/$brand+/_index.tsx': { loader: BRAND_X_ANY },
  'b+/$brand+/members.tsx': {
    loader: ['adminX'],
    action: ['adminX'],
    params: invitationParams,
    forms: (ids) => [
      { intent: 'invite-member', email: `new-${ids.invitation}@example.test`, role: 'viewer' },
      { intent: 'revoke-invitation', invitationId: ids.invitation! },
    ],
  },
  'pay+/$brand+/_layout.tsx': { loader: ['financeX'] },
  'pay+/$brand+/_index.tsx': { loader: ['financeX'] },
  'c+/_index.tsx': { loader: SIGNED_IN },
  'c+/$creator+/_layout.tsx': { loader: CREATOR_A, scopes: { loader: 'view' } },
  'c+/$creator+/_index.tsx': { loader: CREATOR_A, scopes: { loader: 'view' } },
  // The guard lets every actor for A through; the service then lets only the creator revoke (tested separately).
  'c+/$creator+/profile.tsx': {
    loader: CREATOR_A,
    action: CREATOR_A,
    scopes: { loader: 'view', action: 'view' },
    params: grantParams,
    forms: (ids) => [
      { intent: 'revoke-grant', grantId: ids.grant! },
      { intent: 'save-contact', name: 'Ana Gates', email: `ana-${ids.grant}@example.test`, phone: '+1 555 010 1234', city: 'Portland', country: 'us' },
      { intent: 'save-account', platform: 'instagram', handle: `gates_${ids.grant!.slice(0, 8)}`, followers: '12,400' },
    ],
  },
}

/** Each capability keeps its rows in tests/access/<area>.ts. */
export const ACCESS_MATRIX: Record<string, RouteAccess> = {
  ...FOUNDATION,
  ...CAMPAIGNS_ACCESS,
  ...CONTENT_ACCESS,
  ...POSTS_ACCESS,
  ...PAYABLES_ACCESS,
  ...ROSTER_ACCESS,
  ...CONTRACTS_ACCESS,
  ...JOBS_ACCESS,
  ...CONNECTORS_ACCESS,
}
