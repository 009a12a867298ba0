import { and, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { campaignEventTo, campaignMachine, type CampaignStatus } from '#app/domain/state-machines.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, NotFoundError } from '#app/utils/errors.ts'

/** Move a campaign along draft -> active -> completed -> archived (compare-and-set on the status). */
export async function changeCampaignStatus(actor: BrandActor, campaignId: string, to: CampaignStatus) {
  return db().transaction(async (tx) => {
    const [c] = await tx
      .select({ status: schema.campaigns.status, name: schema.campaigns.name })
      .from(schema.campaigns)
      .where(and(eq(schema.campaigns.id, campaignId), eq(schema.campaigns.brandId, actor.brand.id)))
    if (!c) throw new NotFoundError('That campaign')
    const event = campaignEventTo(c.status, to, `A ${c.status} campaign cannot become ${to}.`)
    const moved = await tx
      .update(schema.campaigns)
      .set({ status: campaignMachine.next(c.status, event), updatedAt: new Date() })
      .where(and(eq(schema.campaigns.id, campaignId), eq(schema.campaigns.status, c.status)))
      .returning({ id: schema.campaigns.id })
    if (!moved[0]) throw new ConflictError('Someone else changed this campaign just now. Reload and try again.')
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'campaign.status_changed',
      entityType: 'campaign',
      entityId: campaignId,
      before: { status: c.status },
      after: { status: to },
    })
    return { name: c.name, from: c.status, to }
  })
}
