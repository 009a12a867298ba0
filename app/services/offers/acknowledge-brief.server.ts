import { and, eq, lt, or, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { isCommitted } from '#app/domain/offer-terms.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError } from '#app/utils/errors.ts'
import { lockCreatorOffer } from './lock-creator-offer.server.ts'

/** Confirm having read brief version `version` (must be the current one). Idempotent. */
export async function acknowledgeBrief(actor: CreatorActor, offerId: string, version: number) {
  return db().transaction(async (tx) => {
    const row = await lockCreatorOffer(tx, actor.creator.id, offerId)
    if (!isCommitted(row.offer.status)) throw new ConflictError('Only an accepted offer has a brief to acknowledge.')
    if (version !== row.briefVersion) throw new ConflictError(`Version ${row.briefVersion} of the brief is now the latest: read it, then confirm again.`)
    const [updated] = await tx
      .update(schema.offers)
      .set({ acknowledgedBriefVersion: version, updatedAt: new Date() })
      .where(and(eq(schema.offers.id, offerId), or(isNull(schema.offers.acknowledgedBriefVersion), lt(schema.offers.acknowledgedBriefVersion, version))))
      .returning({ id: schema.offers.id })
    if (!updated) return { already: true }
    await recordAudit(tx, actor.audit, {
      brandId: row.offer.brandId,
      action: 'brief.acknowledged',
      entityType: 'offer',
      entityId: offerId,
      before: { version: row.offer.acknowledgedBriefVersion },
      after: { version },
    })
    return { already: false }
  })
}
