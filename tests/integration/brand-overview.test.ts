/**
 * The brand home's counts (getBrandOverview): one statement, each count scoped to the brand it is asked for.
 * Expected figures are counted by hand from the rows each test inserts.
 */
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { getBrandOverview } from '#app/services/brands/get-brand-overview.server.ts'
import { addMember, createBrand, createCreator, uid } from '#tests/factories.ts'

const NOW = new Date('2026-06-01T12:00:00Z')
const DAY = 86_400_000

async function invite(brandId: string, at: { expires: number; accepted?: boolean; revoked?: boolean }) {
  await db()
    .insert(schema.invitations)
    .values({
      tokenHash: uid(),
      kind: 'brand_member',
      email: `${uid()}@example.test`,
      brandId,
      role: 'viewer',
      expiresAt: new Date(NOW.getTime() + at.expires),
      acceptedAt: at.accepted ? NOW : null,
      revokedAt: at.revoked ? NOW : null,
    })
}

describe('brand overview counts', () => {
  it('a brand with nothing yet: zeros, not missing figures', async () => {
    const b = await createBrand()
    expect(await getBrandOverview(b.id, NOW)).toEqual({ rosterCount: 0, memberCount: 0, pendingInvitations: 0, draftsToReview: 0 })
  })

  it('counts its own roster, team and open invitations only; another brand sharing a creator changes none of them', async () => {
    const [a, other] = [await createBrand(), await createBrand()]
    await addMember(a.id, 'manager')
    await addMember(a.id, 'finance')
    await addMember(other.id, 'manager')
    // a: two creators, one of them shared with the other brand, which has a third of its own.
    await createCreator({ brandIds: [a.id, other.id] })
    await createCreator({ brandIds: [a.id] })
    await createCreator({ brandIds: [other.id] })
    // a: open (tomorrow), accepted, revoked, expired (yesterday), and one that expires exactly now (not open).
    await invite(a.id, { expires: DAY })
    await invite(a.id, { expires: DAY, accepted: true })
    await invite(a.id, { expires: DAY, revoked: true })
    await invite(a.id, { expires: -DAY })
    await invite(a.id, { expires: 0 })
    await invite(other.id, { expires: DAY })
    await invite(other.id, { expires: 2 * DAY })
    expect(await getBrandOverview(a.id, NOW)).toEqual({ rosterCount: 2, memberCount: 2, pendingInvitations: 1, draftsToReview: 0 })
    expect(await getBrandOverview(other.id, NOW)).toEqual({ rosterCount: 2, memberCount: 1, pendingInvitations: 2, draftsToReview: 0 })
    // A day later the open invitation of a has expired too.
    expect((await getBrandOverview(a.id, new Date(NOW.getTime() + 2 * DAY))).pendingInvitations).toBe(0)
  })
})
