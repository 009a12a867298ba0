import { and, eq, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ForbiddenError, NotFoundError } from '#app/utils/errors.ts'

/** The creator removes one of their social accounts (and its follower history). */
export async function removeOwnSocialAccount(actor: CreatorActor, accountId: string) {
  if (actor.via.kind !== 'self') throw new ForbiddenError('Only the creator can change their social accounts.')
  return db().transaction(async (tx) => {
    const [gone] = await tx
      .delete(schema.socialAccounts)
      .where(and(eq(schema.socialAccounts.id, accountId), eq(schema.socialAccounts.creatorId, actor.creator.id), isNull(schema.socialAccounts.brandId)))
      .returning()
    if (!gone) throw new NotFoundError('That account')
    await recordAudit(tx, actor.audit, {
      action: 'social_account.removed',
      entityType: 'social_account',
      entityId: gone.id,
      before: { platform: gone.platform, handle: gone.handle, followers: gone.followers },
    })
    return gone
  })
}
