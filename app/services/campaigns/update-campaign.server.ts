import { and, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, NotFoundError } from '#app/utils/errors.ts'
import type { CampaignInput } from '#app/validation/campaigns.ts'
import { campaignValues } from './campaign-values.server.ts'

/** Edit a campaign's details. Archived campaigns are read-only. */
export async function updateCampaign(actor: BrandActor, campaignId: string, input: Omit<CampaignInput, 'intent'>) {
  return db().transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(schema.campaigns)
      .where(and(eq(schema.campaigns.id, campaignId), eq(schema.campaigns.brandId, actor.brand.id)))
      .for('update')
    if (!before) throw new NotFoundError('That campaign')
    if (before.status === 'archived') throw new ConflictError('This campaign is archived and can no longer be edited.')
    const values = { ...campaignValues(input), updatedAt: new Date() }
    await tx.update(schema.campaigns).set(values).where(eq(schema.campaigns.id, campaignId))
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'campaign.updated',
      entityType: 'campaign',
      entityId: campaignId,
      before: { name: before.name, budgetMinor: before.budgetMinor, startsOn: before.startsOn, endsOn: before.endsOn, attributionWindowDays: before.attributionWindowDays },
      after: { name: values.name, budgetMinor: values.budgetMinor, startsOn: values.startsOn, endsOn: values.endsOn, attributionWindowDays: values.attributionWindowDays },
    })
  })
}
