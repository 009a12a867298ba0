import { and, eq, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, ForbiddenError } from '#app/utils/errors.ts'

/**
 * The creator adds one of their own social accounts or updates its follower count; every change of the
 * count is a dated follower snapshot (source "creator"). These rows are the creator's (brand_id null):
 * brands they work with read them, no brand writes them (app/domain/creator-privacy.ts).
 */
export async function saveOwnSocialAccount(actor: CreatorActor, input: { platform: string; handle: string; followers: number }, now = new Date()) {
  if (actor.via.kind !== 'self') throw new ForbiddenError('Only the creator can change their social accounts.')
  return db().transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(schema.socialAccounts)
      .where(and(isNull(schema.socialAccounts.brandId), eq(schema.socialAccounts.platform, input.platform), eq(schema.socialAccounts.handle, input.handle)))
    if (existing && existing.creatorId !== actor.creator.id) {
      throw new ConflictError('Please correct the highlighted fields.', {
        handle: [`@${input.handle} on ${input.platform} is recorded for another creator. If it is yours, contact support.`],
      })
    }
    let accountId: string
    if (existing) {
      accountId = existing.id
      if (existing.followers === input.followers) return { accountId, created: false, changed: false }
      await tx.update(schema.socialAccounts).set({ followers: input.followers, followersAt: now, updatedAt: now }).where(eq(schema.socialAccounts.id, existing.id))
    } else {
      const [row] = await tx
        .insert(schema.socialAccounts)
        .values({ creatorId: actor.creator.id, platform: input.platform, handle: input.handle, followers: input.followers, followersAt: now })
        .returning({ id: schema.socialAccounts.id })
      accountId = row!.id
    }
    await tx.insert(schema.followerSnapshots).values({ socialAccountId: accountId, followers: input.followers, capturedAt: now, source: 'creator' })
    await recordAudit(tx, actor.audit, {
      action: existing ? 'social_account.followers_recorded' : 'social_account.added',
      entityType: 'social_account',
      entityId: accountId,
      before: existing ? { followers: existing.followers } : undefined,
      after: { platform: input.platform, handle: input.handle, followers: input.followers, by: 'creator' },
    })
    return { accountId, created: !existing, changed: true }
  })
}
