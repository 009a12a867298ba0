import { and, eq } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { NotFoundError } from '#app/utils/errors.ts'
import { latestApprovedDraft } from './latest-approved-draft.server.ts'

/** A creator's deliverable with what the post page needs: brand, campaign, approved caption, the post. */
export async function loadCreatorDeliverable(tx: DbOrTx, creatorId: string, deliverableId: string, opts: { forUpdate?: boolean } = {}) {
  const q = tx
    .select({
      deliverable: schema.deliverables,
      brand: { id: schema.brands.id, name: schema.brands.name, jurisdiction: schema.brands.jurisdiction },
      campaign: { id: schema.campaigns.id, name: schema.campaigns.name },
      connectionType: schema.offers.connectionType,
    })
    .from(schema.deliverables)
    .innerJoin(schema.brands, eq(schema.brands.id, schema.deliverables.brandId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.deliverables.campaignId))
    .innerJoin(schema.offers, eq(schema.offers.id, schema.deliverables.offerId))
    .where(and(eq(schema.deliverables.id, deliverableId), eq(schema.deliverables.creatorId, creatorId)))
    .limit(1)
  const [row] = opts.forUpdate ? await q.for('update', { of: schema.deliverables }) : await q
  if (!row) throw new NotFoundError('That deliverable')
  const approved = await latestApprovedDraft(tx, deliverableId)
  const [post] = await tx.select().from(schema.posts).where(eq(schema.posts.deliverableId, deliverableId)).limit(1)
  return { ...row, approvedCaption: approved?.caption ?? null, approvedVersion: approved?.version ?? null, post: post ?? null }
}
