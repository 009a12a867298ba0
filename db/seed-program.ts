/**
 * The demo program: a believable demo program (2 brands, every role, 12 creators across Instagram,
 * TikTok and YouTube with follower history, one agency representing 3 of them). Idempotent: a
 * database that already has the demo brands is left as it is.
 */
import { eq } from 'drizzle-orm'
import { schema, type Db } from './index.ts'
import { DEMO_AGENCY, DEMO_BRANDS, DEMO_CREATORS, DEMO_MEMBERS, DEMO_PASSWORD } from './seed-data.ts'
import { hashPassword } from '../app/auth/password.server.ts'
import type { SeedIds } from './seed-ids.ts'
import { seedCampaigns } from './seed-campaigns.ts'
import { seedContent } from './seed-content.ts'
import { seedMoney } from './seed-money.ts'
import { seedPosts } from './seed-posts.ts'
import { seedRoster } from './seed-roster.ts'
import { seedContracts } from './seed-contracts.ts'
import { seedPrivacy } from './seed-privacy.ts'

export async function seed(db: Db, now = new Date()) {
  const [existing] = await db.select().from(schema.brands).where(eq(schema.brands.slug, DEMO_BRANDS[0].slug))
  if (existing) return { seeded: false }
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  await db.transaction(async (tx) => {
    const brandIds = new Map<string, string>()
    const userIds = new Map<string, string>()
    for (const b of DEMO_BRANDS) {
      const [row] = await tx.insert(schema.brands).values({ ...b }).returning()
      brandIds.set(b.slug, row!.id)
    }
    for (const m of DEMO_MEMBERS) {
      const [u] = await tx.insert(schema.users).values({ email: m.email, name: m.name, passwordHash }).returning()
      userIds.set(m.email, u!.id)
      await tx.insert(schema.brandMembers).values({ brandId: brandIds.get(m.brand)!, userId: u!.id, role: m.role })
    }
    const creatorIds = new Map<string, string>()
    for (const [i, c] of DEMO_CREATORS.entries()) {
      const [u] = await tx.insert(schema.users).values({ email: c.email, name: c.name, passwordHash }).returning()
      userIds.set(c.email, u!.id)
      const [cr] = await tx.insert(schema.creators).values({ userId: u!.id, name: c.name, email: c.email, country: c.country }).returning()
      creatorIds.set(c.email, cr!.id)
      for (const [platform, handle, followers] of c.accounts) {
        const [acct] = await tx
          .insert(schema.socialAccounts)
          .values({ creatorId: cr!.id, platform, handle, followers, followersAt: now, profileUrl: profileUrl(platform, handle) })
          .returning()
        // 120 days of history, one snapshot every 30 days; every third creator is growing fast.
        const growth = i % 3 === 0 ? 0.35 : 0.04
        const points = [120, 90, 60, 30, 0].map((daysAgo) => ({
          socialAccountId: acct!.id,
          followers: Math.round(followers / (1 + (growth * daysAgo) / 90)),
          capturedAt: new Date(now.getTime() - daysAgo * 86_400_000),
          source: 'seed',
        }))
        await tx.insert(schema.followerSnapshots).values(points)
      }
      for (const slug of c.brands) {
        await tx.insert(schema.rosterEntries).values({
          brandId: brandIds.get(slug)!,
          creatorId: cr!.id,
          status: i % 5 === 4 ? 'prospect' : 'active',
          tags: i % 2 === 0 ? ['running'] : ['lifestyle'],
          // They joined through the brand's invitation (the relationship that shares private details:
          // app/domain/creator-privacy.ts), except Maya at Glow Labs, who is only on Glow's roster.
          consentedAt: slug === 'glow-labs' && c.email === 'maya@creators.test' ? null : new Date(now.getTime() - 90 * 86_400_000),
        })
      }
    }
    const [agency] = await tx.insert(schema.agencies).values({ name: DEMO_AGENCY.name, legalName: `${DEMO_AGENCY.name} LLC` }).returning()
    for (const a of DEMO_AGENCY.agents) {
      const [u] = await tx.insert(schema.users).values({ email: a.email, name: a.name, passwordHash }).returning()
      userIds.set(a.email, u!.id)
      await tx.insert(schema.agencyMembers).values({ agencyId: agency!.id, userId: u!.id, role: 'owner' })
    }
    for (const r of DEMO_AGENCY.represents) {
      await tx.insert(schema.agentGrants).values({
        creatorId: creatorIds.get(r.creator)!,
        agencyId: agency!.id,
        scopes: [...r.scopes],
        agencyInvoices: r.agencyInvoices,
      })
      await tx
        .update(schema.rosterEntries)
        .set({ representedBy: DEMO_AGENCY.name })
        .where(eq(schema.rosterEntries.creatorId, creatorIds.get(r.creator)!))
    }
    // Each capability adds its demo data on top (campaigns and offers, content, money).
    const ids: SeedIds = { brands: brandIds, creators: creatorIds, users: userIds, agencyId: agency!.id, now }
    await seedCampaigns(tx, ids)
    await seedContent(tx, ids)
    await seedMoney(tx, ids)
    await seedPosts(tx, ids)
    await seedRoster(tx, ids)
    await seedContracts(tx, ids)
    await seedPrivacy(tx, ids)
  })
  return { seeded: true }
}

function profileUrl(platform: string, handle: string) {
  if (platform === 'instagram') return `https://www.instagram.com/${handle}/`
  if (platform === 'tiktok') return `https://www.tiktok.com/@${handle}`
  return `https://www.youtube.com/@${handle}`
}

