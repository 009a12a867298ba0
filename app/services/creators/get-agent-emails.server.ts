import { and, eq, isNull } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'

/**
 * Emails of the agents who represent a creator (members of every agency with an active grant).
 * They are copied on every email about that creator.
 */
export async function getAgentEmails(tx: DbOrTx, creatorId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ email: schema.users.email })
    .from(schema.agentGrants)
    .innerJoin(schema.agencyMembers, eq(schema.agencyMembers.agencyId, schema.agentGrants.agencyId))
    .innerJoin(schema.users, eq(schema.users.id, schema.agencyMembers.userId))
    .where(and(eq(schema.agentGrants.creatorId, creatorId), isNull(schema.agentGrants.revokedAt)))
  return rows.map((r) => r.email).sort()
}
