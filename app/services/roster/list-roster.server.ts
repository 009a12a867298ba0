import { asc, eq, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'

/** The brand's roster: creators it knows, with their social accounts. Scoped by brand id. */
export async function listRoster(brandId: string) {
  const rows = await db()
    .select({
      entryId: schema.rosterEntries.id,
      status: schema.rosterEntries.status,
      tags: schema.rosterEntries.tags,
      creatorId: schema.creators.id,
      name: schema.creators.name,
      email: schema.creators.email,
      hasAccount: schema.creators.userId,
    })
    .from(schema.rosterEntries)
    .innerJoin(schema.creators, eq(schema.creators.id, schema.rosterEntries.creatorId))
    .where(eq(schema.rosterEntries.brandId, brandId))
    .orderBy(asc(schema.creators.name))
  const ids = rows.map((r) => r.creatorId)
  const accounts = ids.length
    ? await db()
        .select({
          creatorId: schema.socialAccounts.creatorId,
          platform: schema.socialAccounts.platform,
          handle: schema.socialAccounts.handle,
          followers: schema.socialAccounts.followers,
        })
        .from(schema.socialAccounts)
        .where(inArray(schema.socialAccounts.creatorId, ids))
        .orderBy(asc(schema.socialAccounts.platform))
    : []
  return rows.map((r) => ({
    ...r,
    hasAccount: Boolean(r.hasAccount),
    accounts: accounts.filter((a) => a.creatorId === r.creatorId),
  }))
}
