import { and, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, NotFoundError } from '#app/utils/errors.ts'

export interface SocialAccountInput {
  creatorId: string
  platform: string
  handle: string
  profileUrl: string | null
  followers: number
}

/**
 * Track a social account for a creator on the brand's roster, with today's follower count as a dated
 * snapshot. The row is the brand's own (brand_id = this brand): only this brand sees it and its
 * readings, and the creator's own accounts never change (app/domain/creator-privacy.ts). Recording an
 * account the brand already tracks adds a new snapshot (and updates the count).
 */
export async function addSocialAccount(actor: BrandActor, input: SocialAccountInput, now = new Date()) {
  return db().transaction(async (tx) => {
    const [entry] = await tx
      .select({ id: schema.rosterEntries.id })
      .from(schema.rosterEntries)
      .where(and(eq(schema.rosterEntries.brandId, actor.brand.id), eq(schema.rosterEntries.creatorId, input.creatorId)))
    if (!entry) throw new NotFoundError('That creator')
    const [existing] = await tx
      .select()
      .from(schema.socialAccounts)
      .where(and(eq(schema.socialAccounts.brandId, actor.brand.id), eq(schema.socialAccounts.platform, input.platform), eq(schema.socialAccounts.handle, input.handle)))
    if (existing && existing.creatorId !== input.creatorId) {
      throw new ConflictError('Please correct the highlighted fields.', { handle: [`You track @${input.handle} on ${input.platform} for another creator.`] })
    }
    let accountId: string
    if (existing) {
      await tx
        .update(schema.socialAccounts)
        .set({ followers: input.followers, followersAt: now, profileUrl: input.profileUrl ?? existing.profileUrl, updatedAt: now })
        .where(eq(schema.socialAccounts.id, existing.id))
      accountId = existing.id
    } else {
      const [row] = await tx
        .insert(schema.socialAccounts)
        .values({ creatorId: input.creatorId, brandId: actor.brand.id, platform: input.platform, handle: input.handle, profileUrl: input.profileUrl, followers: input.followers, followersAt: now })
        .returning({ id: schema.socialAccounts.id })
      accountId = row!.id
    }
    await tx.insert(schema.followerSnapshots).values({ socialAccountId: accountId, followers: input.followers, capturedAt: now, source: 'manual' })
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: existing ? 'social_account.followers_recorded' : 'social_account.added',
      entityType: 'social_account',
      entityId: accountId,
      before: existing ? { followers: existing.followers } : undefined,
      after: { creatorId: input.creatorId, platform: input.platform, handle: input.handle, followers: input.followers },
    })
    return { accountId, created: !existing }
  })
}
