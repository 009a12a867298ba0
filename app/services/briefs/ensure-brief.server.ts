import { and, eq } from 'drizzle-orm'
import { schema, type Tx } from '#db/index.ts'
import { emptyBrief } from '#app/domain/brief.ts'
import { toJurisdiction } from '#app/domain/catalog.ts'
import { ConflictError, NotFoundError } from '#app/utils/errors.ts'

/**
 * The brand's campaign and its brief row, locked for the transaction. Campaigns made elsewhere (imports,
 * other seeds) may have no brief yet: one is created, empty, in the brand's jurisdiction.
 */
export async function ensureBrief(tx: Tx, brand: { id: string; jurisdiction: string }, campaignId: string) {
  const [campaign] = await tx
    .select()
    .from(schema.campaigns)
    .where(and(eq(schema.campaigns.id, campaignId), eq(schema.campaigns.brandId, brand.id)))
  if (!campaign) throw new NotFoundError('That campaign')
  const jurisdiction = toJurisdiction(brand.jurisdiction)
  await tx.insert(schema.briefs).values({ campaignId, brandId: brand.id, draft: { ...emptyBrief(jurisdiction) } }).onConflictDoNothing()
  const [brief] = await tx
    .select()
    .from(schema.briefs)
    .where(and(eq(schema.briefs.campaignId, campaignId), eq(schema.briefs.brandId, brand.id)))
    .for('update')
  return { campaign, brief: brief! }
}

/** ensureBrief for a change: an archived campaign's brief no longer changes (409 with a sentence). */
export async function ensureEditableBrief(tx: Tx, brand: { id: string; jurisdiction: string }, campaignId: string) {
  const found = await ensureBrief(tx, brand, campaignId)
  if (found.campaign.status === 'archived') throw new ConflictError('This campaign is archived and its brief can no longer change.')
  return found
}
