import type { RouteAccess } from './actors.ts'
// import { BRAND_X_ANY, CREATOR_A, SIGNED_IN } from './actors.ts'

/** Access rows for the campaigns routes (keyed by path under app/routes). */
export const CAMPAIGNS_ACCESS: Record<string, RouteAccess> = {}
