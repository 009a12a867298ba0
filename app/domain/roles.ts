/** Role and scope names shared by the schema, the guards and the UI (pure, browser-safe). */
export const BRAND_ROLES = ['admin', 'manager', 'finance', 'viewer'] as const
export type BrandRole = (typeof BRAND_ROLES)[number]

export const GRANT_SCOPES = ['answer_offers', 'submit_content', 'invoice', 'see_payments'] as const
export type GrantScope = (typeof GRANT_SCOPES)[number]

export const ROSTER_STATUSES = ['prospect', 'active', 'paused', 'do_not_work'] as const
export type RosterStatus = (typeof ROSTER_STATUSES)[number]

export const INVITATION_KINDS = ['brand_member', 'creator', 'agent'] as const
export type InvitationKind = (typeof INVITATION_KINDS)[number]
