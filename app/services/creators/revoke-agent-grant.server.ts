import { and, eq, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ForbiddenError, NotFoundError } from '#app/utils/errors.ts'

/** Only the creator themself may revoke an agency's access; it ends at once. */
export async function revokeAgentGrant(actor: CreatorActor, grantId: string) {
  if (actor.via.kind !== 'self') throw new ForbiddenError('Only the creator can change who has access to their account.')
  await db().transaction(async (tx) => {
    const [grant] = await tx
      .update(schema.agentGrants)
      .set({ revokedAt: new Date(), revokedByUserId: actor.user.id })
      .where(and(eq(schema.agentGrants.id, grantId), eq(schema.agentGrants.creatorId, actor.creator.id), isNull(schema.agentGrants.revokedAt)))
      .returning()
    if (!grant) throw new NotFoundError('That access grant')
    await recordAudit(tx, actor.audit, {
      action: 'agent_grant.revoked',
      entityType: 'agent_grant',
      entityId: grant.id,
      before: { scopes: grant.scopes },
    })
  })
}
