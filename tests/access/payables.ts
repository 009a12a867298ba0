import type { RouteAccess } from './actors.ts'
// import { BRAND_X_ANY, CREATOR_A, SIGNED_IN } from './actors.ts'

/** Access rows for the payables routes (keyed by path under app/routes). */
export const PAYABLES_ACCESS: Record<string, RouteAccess> = {}
