import { and, asc, eq, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'

/** The creator's own profile: contact, social accounts, agencies with access (active grants). */
export async function getCreatorProfile(creatorId: string) {
  const [[creator], accounts, grants] = await Promise.all([
    db().select().from(schema.creators).where(eq(schema.creators.id, creatorId)).limit(1),
    // The creator's own accounts only: what brands track about them is the brands' (app/domain/creator-privacy.ts).
    db().select().from(schema.socialAccounts).where(and(eq(schema.socialAccounts.creatorId, creatorId), isNull(schema.socialAccounts.brandId))).orderBy(asc(schema.socialAccounts.platform)),
    db()
      .select({ id: schema.agentGrants.id, scopes: schema.agentGrants.scopes, agencyInvoices: schema.agentGrants.agencyInvoices, grantedAt: schema.agentGrants.grantedAt, agencyName: schema.agencies.name })
      .from(schema.agentGrants)
      .innerJoin(schema.agencies, eq(schema.agencies.id, schema.agentGrants.agencyId))
      .where(and(eq(schema.agentGrants.creatorId, creatorId), isNull(schema.agentGrants.revokedAt)))
      .orderBy(asc(schema.agencies.name)),
  ])
  if (!creator) return null
  return { creator, accounts, grants }
}
