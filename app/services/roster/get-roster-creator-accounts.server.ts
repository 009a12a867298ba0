import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'

/** A roster creator of the brand with their social accounts and the latest follower snapshots (404 off-roster). */
export async function getRosterCreatorAccounts(brandId: string, creatorId: string) {
  const [row] = await db()
    .select({ id: schema.creators.id, name: schema.creators.name, representedBy: schema.rosterEntries.representedBy })
    .from(schema.rosterEntries)
    .innerJoin(schema.creators, eq(schema.creators.id, schema.rosterEntries.creatorId))
    .where(and(eq(schema.rosterEntries.brandId, brandId), eq(schema.rosterEntries.creatorId, creatorId)))
  if (!row) throw new NotFoundError('That creator')
  const accounts = await db().select().from(schema.socialAccounts).where(eq(schema.socialAccounts.creatorId, creatorId)).orderBy(asc(schema.socialAccounts.platform))
  const snapshots = accounts.length
    ? await db()
        .select()
        .from(schema.followerSnapshots)
        .where(inArray(schema.followerSnapshots.socialAccountId, accounts.map((a) => a.id)))
        .orderBy(desc(schema.followerSnapshots.capturedAt))
    : []
  return {
    creator: row,
    accounts: accounts.map((a) => ({
      id: a.id,
      platform: a.platform,
      handle: a.handle,
      profileUrl: a.profileUrl,
      followers: a.followers,
      followersAt: a.followersAt,
      history: snapshots.filter((s) => s.socialAccountId === a.id).slice(0, 5).map((s) => ({ followers: s.followers, capturedAt: s.capturedAt, source: s.source })),
    })),
  }
}
