import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'
import { followersVisibleTo } from '#app/domain/creator-privacy.ts'
import { getOneCreatorAccess } from './get-creator-access.server.ts'

/** A roster creator of the brand with the accounts it may see (theirs, and its own) and the latest follower snapshots it may count (404 off-roster). */
export async function getRosterCreatorAccounts(brandId: string, creatorId: string) {
  const [row] = await db()
    .select({ id: schema.creators.id, name: schema.creators.name, representedBy: schema.rosterEntries.representedBy })
    .from(schema.rosterEntries)
    .innerJoin(schema.creators, eq(schema.creators.id, schema.rosterEntries.creatorId))
    .where(and(eq(schema.rosterEntries.brandId, brandId), eq(schema.rosterEntries.creatorId, creatorId)))
  if (!row) throw new NotFoundError('That creator')
  const [access, all] = await Promise.all([
    getOneCreatorAccess(brandId, creatorId),
    db()
      .select()
      .from(schema.socialAccounts)
      .where(and(eq(schema.socialAccounts.creatorId, creatorId), or(isNull(schema.socialAccounts.brandId), eq(schema.socialAccounts.brandId, brandId))))
      .orderBy(asc(schema.socialAccounts.platform)),
  ])
  const accounts = all.map((a) => ({ ...a, countsVisible: followersVisibleTo(a, brandId, access) }))
  const counted = accounts.filter((a) => a.countsVisible)
  const snapshots = counted.length
    ? await db()
        .select()
        .from(schema.followerSnapshots)
        .where(inArray(schema.followerSnapshots.socialAccountId, counted.map((a) => a.id)))
        .orderBy(desc(schema.followerSnapshots.capturedAt))
    : []
  return {
    creator: row,
    accounts: accounts.map((a) => ({
      id: a.id,
      platform: a.platform,
      handle: a.handle,
      profileUrl: a.profileUrl,
      enteredBy: a.brandId === null ? ('creator' as const) : ('brand' as const),
      followers: a.countsVisible ? a.followers : null,
      followersAt: a.countsVisible ? a.followersAt : null,
      history: snapshots.filter((s) => s.socialAccountId === a.id).slice(0, 5).map((s) => ({ followers: s.followers, capturedAt: s.capturedAt, source: s.source })),
    })),
  }
}
