import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { emptyBrief } from '#app/domain/brief.ts'
import { toJurisdiction } from '#app/domain/catalog.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import type { CampaignInput } from '#app/validation/campaigns.ts'
import { campaignValues } from './campaign-values.server.ts'

/** A new draft campaign with its (empty) brief, in the brand's jurisdiction. */
export async function createCampaign(actor: BrandActor, input: Omit<CampaignInput, 'intent'>) {
  return db().transaction(async (tx) => {
    const [c] = await tx
      .insert(schema.campaigns)
      .values({
        brandId: actor.brand.id,
        ...campaignValues(input),
        status: 'draft',
        createdByUserId: actor.user.id,
      })
      .returning()
    const jurisdiction = toJurisdiction(actor.brand.jurisdiction)
    await tx.insert(schema.briefs).values({ campaignId: c!.id, brandId: actor.brand.id, draft: { ...emptyBrief(jurisdiction) } })
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'campaign.created',
      entityType: 'campaign',
      entityId: c!.id,
      after: { name: c!.name, budgetMinor: c!.budgetMinor, currency: c!.currency },
    })
    return c!
  })
}
