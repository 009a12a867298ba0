import { sql, type SQL } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { RELATIONSHIP_OFFER_STATUSES } from '#app/domain/creator-privacy.ts'

/**
 * The creator-privacy rule (app/domain/creator-privacy.ts) as SQL predicates, for the set-based reads
 * (roster list, offer candidates, fee guidance, report tiers). `a` is a social_accounts alias.
 */

/** The brand has a relationship with the creator: a committed offer, or the creator accepted its invitation. */
export function relationshipSql(brandId: string, creatorId: SQL): SQL {
  return sql`(exists (select 1 from ${schema.rosterEntries} rel_r where rel_r.brand_id = ${brandId} and rel_r.creator_id = ${creatorId} and rel_r.consented_at is not null)
    or exists (select 1 from ${schema.offers} rel_o where rel_o.brand_id = ${brandId} and rel_o.creator_id = ${creatorId} and rel_o.status in (${sql.join(
      RELATIONSHIP_OFFER_STATUSES.map((s) => sql`${s}`),
      sql`, `,
    )})))`
}

/** The account row is the creator's own or this brand's (never another brand's). */
export function accountVisibleSql(brandId: string, a: string): SQL {
  return sql`(${sql.raw(a)}.brand_id is null or ${sql.raw(a)}.brand_id = ${brandId})`
}

/** The brand may read the row's follower counts: its own rows, the creator's own only with a relationship. */
export function accountCountsVisibleSql(brandId: string, a: string): SQL {
  return sql`(${sql.raw(a)}.brand_id = ${brandId} or (${sql.raw(a)}.brand_id is null and ${relationshipSql(brandId, sql.raw(`${a}.creator_id`))}))`
}
