/**
 * What a brand may see of a creator (issue #14; DECISIONS.md "Who owns which creator field"). One rule,
 * read by every brand-side page and service; its SQL twin is in db/migrations/0014_privacy.sql
 * (roster_stats_refresh), and tests/integration/creator-privacy.test.ts checks they agree.
 *
 * A creator is one person across brands. A brand has a *relationship* with a creator while it has a
 * committed offer with them (accepted, active or completed) or the creator accepted its invitation.
 * - Public to any brand that has the creator on its roster: name, and the handles (platform, handle,
 *   profile link) of the creator's own accounts.
 * - With a relationship: also the creator's private contact fields (email, phone, country, shipping
 *   address) and the follower counts and history of the creator's own accounts.
 * - Always, and only to itself: what the brand recorded (roster status, tags, notes, rates, the accounts
 *   it tracks and the follower readings it imported), labelled as brand-entered.
 * A brand never writes the creator's own rows: the creator (or an agent with the grant) does.
 */
import { COMMITTED_OFFER_STATUSES } from './offer-terms.ts'

export type CreatorAccess = 'public' | 'relationship'

export const RELATIONSHIP_OFFER_STATUSES = COMMITTED_OFFER_STATUSES

export function creatorAccess(facts: { offerStatuses: readonly string[]; consentedAt: Date | string | null }): CreatorAccess {
  if (facts.consentedAt) return 'relationship'
  return facts.offerStatuses.some((s) => (RELATIONSHIP_OFFER_STATUSES as readonly string[]).includes(s)) ? 'relationship' : 'public'
}

export const PRIVATE_CREATOR_FIELDS = ['email', 'phone', 'country', 'shippingAddress'] as const
export type PrivateCreatorField = (typeof PRIVATE_CREATOR_FIELDS)[number]

/** The creator's contact fields as a brand may see them: the values with a relationship, nothing without. */
export function contactFor<T extends Partial<Record<PrivateCreatorField, unknown>>>(access: CreatorAccess, creator: T): Pick<T, PrivateCreatorField & keyof T> | null {
  if (access !== 'relationship') return null
  const out = {} as Pick<T, PrivateCreatorField & keyof T>
  for (const f of PRIVATE_CREATOR_FIELDS) if (f in creator) (out as Record<string, unknown>)[f] = creator[f]
  return out
}

/** Who entered an account row, in the words the page shows. */
export function accountOwnerLabel(account: { brandId: string | null }, viewingBrandId: string): 'creator' | 'brand' | null {
  if (account.brandId === null) return 'creator'
  return account.brandId === viewingBrandId ? 'brand' : null
}

/** May this brand see this account row at all? Its own rows, and the creator's own. */
export function accountVisibleTo(account: { brandId: string | null }, viewingBrandId: string): boolean {
  return accountOwnerLabel(account, viewingBrandId) !== null
}

/** May this brand see the follower counts of this account? Its own rows always; the creator's only with a relationship. */
export function followersVisibleTo(account: { brandId: string | null }, viewingBrandId: string, access: CreatorAccess): boolean {
  if (account.brandId === viewingBrandId) return true
  return account.brandId === null && access === 'relationship'
}
