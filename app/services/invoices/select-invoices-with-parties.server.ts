import { eq } from 'drizzle-orm'
import type { SelectedFields } from 'drizzle-orm/pg-core'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'

/**
 * Invoices with the names every invoice view shows: creator, brand, campaign (through the offer) and the
 * paying agency, if any; `fields` adds what the caller needs. Filter, order and limit it as usual.
 */
export function selectInvoicesWithParties<T extends SelectedFields>(fields: T) {
  return db()
    .select({
      ...fields,
      invoice: schema.invoices,
      creatorName: schema.creators.name,
      brandName: schema.brands.name,
      campaignName: schema.campaigns.name,
      agencyName: schema.agencies.name,
      agencyLegal: schema.agencies.legalName,
    })
    .from(schema.invoices)
    .innerJoin(schema.offers, eq(schema.offers.id, schema.invoices.offerId))
    .innerJoin(schema.creators, eq(schema.creators.id, schema.invoices.creatorId))
    .innerJoin(schema.brands, eq(schema.brands.id, schema.invoices.brandId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.invoices.payeeAgencyId))
}
