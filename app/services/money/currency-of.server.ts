import { and, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'

/**
 * The currency a form's amounts are typed in, looked up before the form is parsed (issue #14: "$100" on a
 * GBP campaign is refused, a JPY amount has no decimals). Scoped like the page: another brand's campaign or
 * another creator's offer is the same 404 the action would give.
 */
export async function campaignCurrency(brandId: string, campaignId: string): Promise<string> {
  const [row] = await db()
    .select({ currency: schema.campaigns.currency })
    .from(schema.campaigns)
    .where(and(eq(schema.campaigns.id, campaignId), eq(schema.campaigns.brandId, brandId)))
  if (!row) throw new NotFoundError('That campaign')
  return row.currency
}

export async function creatorOfferCurrency(creatorId: string, offerId: string): Promise<string> {
  const [row] = await db()
    .select({ currency: schema.offers.currency })
    .from(schema.offers)
    .where(and(eq(schema.offers.id, offerId), eq(schema.offers.creatorId, creatorId)))
  if (!row) throw new NotFoundError('That offer')
  return row.currency
}
