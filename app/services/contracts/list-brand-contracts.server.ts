import { and, desc, eq, ne } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'

/** The brand's current contract versions, newest first, with the creator and campaign. */
export async function listBrandContracts(brandId: string) {
  return db()
    .select({ id: schema.contracts.id, version: schema.contracts.version, status: schema.contracts.status, createdAt: schema.contracts.createdAt, signedAt: schema.contracts.signedAt, creatorName: schema.creators.name, campaignName: schema.campaigns.name })
    .from(schema.contracts)
    .innerJoin(schema.creators, eq(schema.creators.id, schema.contracts.creatorId))
    .innerJoin(schema.offers, eq(schema.offers.id, schema.contracts.offerId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .where(and(eq(schema.contracts.brandId, brandId), ne(schema.contracts.status, 'superseded')))
    .orderBy(desc(schema.contracts.createdAt))
    .limit(500)
}
