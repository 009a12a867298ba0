import { and, eq } from 'drizzle-orm'
import { schema, type Tx } from '#db/index.ts'
import { NotFoundError } from '#app/utils/errors.ts'

/** The creator's own offer with its campaign, brand and brief version, locked for the transaction (404 otherwise). */
export async function lockCreatorOffer(tx: Tx, creatorId: string, offerId: string) {
  const [row] = await tx
    .select({
      offer: schema.offers,
      campaignName: schema.campaigns.name,
      brandName: schema.brands.name,
      brandSlug: schema.brands.slug,
      briefVersion: schema.briefs.currentVersion,
      creatorName: schema.creators.name,
      creatorEmail: schema.creators.email,
    })
    .from(schema.offers)
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .innerJoin(schema.brands, eq(schema.brands.id, schema.offers.brandId))
    .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
    .leftJoin(schema.briefs, eq(schema.briefs.campaignId, schema.offers.campaignId))
    .where(and(eq(schema.offers.id, offerId), eq(schema.offers.creatorId, creatorId)))
    .for('update', { of: schema.offers })
  if (!row) throw new NotFoundError('That offer')
  return { ...row, briefVersion: row.briefVersion ?? 0 }
}
