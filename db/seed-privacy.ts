import { eq } from 'drizzle-orm'
import { schema } from './index.ts'
import type { Seeder } from './seed-ids.ts'

const DAY = 86_400_000

/**
 * Demo data for creator privacy across brands (issue #14; DECISIONS.md "Who owns which creator field"):
 *  - Maya and Hannah keep a phone and a shipping address on their own profile;
 *  - Acme Running works with both, so it sees their contact details and follower counts;
 *  - Glow Labs has Maya on its roster without an accepted offer or invitation: it sees her name and
 *    handles only, and the YouTube channel it tracks for her itself (brand-entered, Glow's alone);
 *  - Hannah joined Glow Labs through its invitation, so Glow sees her contact details.
 */
export const seedPrivacy: Seeder = async (tx, ids) => {
  const glow = ids.brands.get('glow-labs')!
  const liam = ids.users.get('liam@glow.test')!
  const maya = ids.creators.get('maya@creators.test')!
  const hannah = ids.creators.get('hannah@creators.test')!
  const at = (n: number) => new Date(ids.now.getTime() + n * DAY)

  await tx
    .update(schema.creators)
    .set({ phone: '+1 503 555 0142', shippingAddress: { line1: '415 NE Alberta St', city: 'Portland', region: 'OR', postalCode: '97211', country: 'US' } })
    .where(eq(schema.creators.id, maya))
  await tx
    .update(schema.creators)
    .set({ phone: '+1 206 555 0187', shippingAddress: { line1: '1200 Pine St', line2: 'Apt 4', city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' } })
    .where(eq(schema.creators.id, hannah))

  const [tracked] = await tx
    .insert(schema.socialAccounts)
    .values({ creatorId: maya, brandId: glow, platform: 'youtube', handle: 'mayachenruns', followers: 9_800, followersAt: at(-5), profileUrl: 'https://www.youtube.com/@mayachenruns' })
    .returning()
  await tx.insert(schema.followerSnapshots).values([
    { socialAccountId: tracked!.id, followers: 9_100, capturedAt: at(-35), source: 'manual' },
    { socialAccountId: tracked!.id, followers: 9_800, capturedAt: at(-5), source: 'manual' },
  ])
  await tx.insert(schema.creatorNotes).values({ brandId: glow, creatorId: maya, authorUserId: liam, body: 'Runner first, skincare second: pitch the recovery serum, not the glow line.', createdAt: at(-6) })
}
