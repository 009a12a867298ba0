/** The actors of the access matrix and common groups of them. */
import type { CreatorScope } from '#app/auth/guards.server.ts'

export const ACTORS = [
  'anonymous',
  'creatorA',
  'creatorB',
  'agentOfA',
  'agentOfANoScopes',
  'agentNotOfA',
  'managerX',
  'adminX',
  'financeX',
  'viewerX',
  'adminY',
] as const
export type Actor = (typeof ACTORS)[number]

export type Rule = 'public' | readonly Actor[]
/** What the matrix test made: brand X (with creator A on its roster), brand Y, and the people. */
export interface MatrixContext {
  brandX: { id: string; slug: string }
  brandY: { id: string; slug: string }
  creatorA: { id: string }
  creatorB: { id: string }
  users: Record<Actor, { id: string; email?: string } | null>
}

/** One form submission: field -> value (repeat a field with an array). */
export type FormSample = Record<string, string | string[] | undefined>

export interface RouteAccess {
  loader?: Rule
  action?: Rule
  /**
   * Route params beyond { brand: brandX.slug, creator: creatorA.id }: create the rows the route needs
   * (belonging to brand X / creator A) and return their ids, e.g. { campaign: c.id }. The IDOR gate
   * calls it again with brand Y / creator B in the places of X / A to make rows that are not yours;
   * extra keys (ids used only inside forms) are fine.
   */
  params?: (ctx: MatrixContext) => Promise<Record<string, string>>
  /**
   * Valid submissions of the action (one per intent), built from the ids `params` returned. The gates
   * post them with foreign ids (must be 404, nothing written), fuzz around them, and post them as an
   * allowed actor with your own ids (must not be 404, proving the ids were right). Without it the
   * fuzzer still posts random fields and an `intent`.
   */
  forms?: (ids: Record<string, string>, ctx: MatrixContext) => FormSample[]
  /**
   * The grant scope an agent needs, per kind ('view' = any active grant). When given, the scope gate
   * checks that an agent holding only that scope gets through and agents holding only another scope are
   * refused with 403.
   */
  scopes?: { loader?: CreatorScope; action?: CreatorScope }
  /** The page posts this action as multipart/form-data (it takes a file): the input gates send it so. */
  multipart?: boolean
  /** Fields typed as a rate per action, with up to this many decimals (EMV: 4), not the currency's own. */
  rateDecimals?: Record<string, number>
}

export const SIGNED_IN = ACTORS.filter((a) => a !== 'anonymous')
export const BRAND_X_ANY = ['managerX', 'adminX', 'financeX', 'viewerX'] as const
export const CREATOR_A = ['creatorA', 'agentOfA', 'agentOfANoScopes'] as const
