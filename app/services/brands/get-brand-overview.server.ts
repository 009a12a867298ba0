import { sql } from 'drizzle-orm'
import { preparedQuery } from '#app/db.server.ts'
import { draftsToReviewSql } from '#app/services/content/count-waiting-drafts.server.ts'

// One row whatever the brand (a brand without rows gets zeros), as one prepared statement: four counts the
// home shows, each a lookup by the brand's key, sent together instead of as four round trips (issue #18).
const overviewOf = preparedQuery((d, name) =>
  d
    .select({
      rosterCount: sql<number>`coalesce((select sum(r.entries) from roster_counts r where r.brand_id = ${sql.placeholder('brandId')}), 0)::int`,
      memberCount: sql<number>`(select count(*) from brand_members m where m.brand_id = ${sql.placeholder('brandId')})::int`,
      pendingInvitations: sql<number>`(select count(*) from invitations i where i.brand_id = ${sql.placeholder('brandId')} and i.accepted_at is null and i.revoked_at is null and i.expires_at > ${sql.placeholder('now')}::timestamptz)::int`,
      draftsToReview: draftsToReviewSql(sql.placeholder('brandId')),
    })
    .from(sql`(select 1) as one`)
    .prepare(name),
)

/**
 * The numbers on the brand home, scoped to one brand: the roster's size (its kept counts, migration 0036),
 * the team, the invitations still open at `now`, and the drafts waiting for review (the review queue's own
 * count, kept by the database in the same transaction as each change).
 */
export async function getBrandOverview(brandId: string, now = new Date()) {
  const [row] = await overviewOf().execute({ brandId, now: now.toISOString() })
  return {
    rosterCount: Number(row?.rosterCount ?? 0),
    memberCount: Number(row?.memberCount ?? 0),
    pendingInvitations: Number(row?.pendingInvitations ?? 0),
    draftsToReview: Number(row?.draftsToReview ?? 0),
  }
}
