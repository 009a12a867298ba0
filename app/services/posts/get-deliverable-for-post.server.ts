import { and, desc, eq, isNotNull } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { NotFoundError } from '#app/utils/errors.ts'

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
  const [approved] = await tx
    .select({ caption: schema.draftVersions.caption, version: schema.draftVersions.version })
    .from(schema.draftVersions)
    .where(and(eq(schema.draftVersions.deliverableId, deliverableId), eq(schema.draftVersions.decision, 'approved'), isNotNull(schema.draftVersions.decidedAt)))
    .orderBy(desc(schema.draftVersions.version))
    .limit(1)
  const [post] = await tx.select().from(schema.posts).where(eq(schema.posts.deliverableId, deliverableId)).limit(1)
  return { ...row, approvedCaption: approved?.caption ?? null, approvedVersion: approved?.version ?? null, post: post ?? null }
}
