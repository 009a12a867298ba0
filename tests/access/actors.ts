/** The actors of the access matrix and common groups of them. */
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
  users: Record<Actor, { id: string } | null>
}

export interface RouteAccess {
  loader?: Rule
  action?: Rule
  /**
   * Route params beyond { brand: brandX.slug, creator: creatorA.id }: create the rows the route needs
   * (belonging to brand X / creator A) and return their ids, e.g. { campaign: c.id }.
   */
  params?: (ctx: MatrixContext) => Promise<Record<string, string>>
}

export const SIGNED_IN = ACTORS.filter((a) => a !== 'anonymous')
export const BRAND_X_ANY = ['managerX', 'adminX', 'financeX', 'viewerX'] as const
export const CREATOR_A = ['creatorA', 'agentOfA', 'agentOfANoScopes'] as const

