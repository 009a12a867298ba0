import { and, eq } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { NotFoundError } from '#app/utils/errors.ts'
import { latestApprovedDraft } from './latest-approved-draft.server.ts'

/** One post of this brand with its deliverable, creator, campaign and approved caption. */
export async function loadBrandPost(tx: DbOrTx, brandId: string, postId: string, opts: { forUpdate?: boolean } = {}) {
  const q = tx
    .select({
      post: schema.posts,
      deliverable: schema.deliverables,
      creator: { id: schema.creators.id, name: schema.creators.name, email: schema.creators.email },
      campaign: { id: schema.campaigns.id, name: schema.campaigns.name },
      connectionType: schema.offers.connectionType,
    })
    .from(schema.posts)
    .innerJoin(schema.deliverables, eq(schema.deliverables.id, schema.posts.deliverableId))
    .innerJoin(schema.creators, eq(schema.creators.id, schema.posts.creatorId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.deliverables.campaignId))
    .innerJoin(schema.offers, eq(schema.offers.id, schema.deliverables.offerId))
    .where(and(eq(schema.posts.id, postId), eq(schema.posts.brandId, brandId)))
    .limit(1)
  const [row] = opts.forUpdate ? await q.for('update', { of: schema.posts }) : await q
  if (!row) throw new NotFoundError('That post')
  const approved = await latestApprovedDraft(tx, row.deliverable.id)
  return { ...row, approvedCaption: approved?.caption ?? null }
}
