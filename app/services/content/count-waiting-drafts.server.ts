import { sql, type Placeholder, type SQL } from 'drizzle-orm'
import { db } from '#app/db.server.ts'

/**
 * How many drafts wait for review at the brand (for the navigation and the home page): draft versions
 * without a decision. One summary row (review_queue_counts, kept by triggers in the same transaction as
 * each change, migration 0036), not a count of the brand's queue.
 */
export async function countWaitingDrafts(brandId: string): Promise<number> {
  const [row] = await db().select({ n: waitingDraftsSql(sql`${brandId}`) }).from(sql`(select 1) as one`)
  return row?.n ?? 0
}

/** countWaitingDrafts as a column, for a statement that reads it with other things (the brand layout's). */
export function waitingDraftsSql(brandId: SQL | Placeholder) {
  return sql<number>`coalesce((select q.undecided from review_queue_counts q where q.brand_id = ${brandId}), 0)::int`
}

/**
 * Drafts waiting for review as the review queue counts them unfiltered (a version without a decision whose
 * deliverable is in draft_submitted: review_queue_counts.waiting), as a column: the brand home's "Drafts to
 * review", which links to that queue.
 */
export function draftsToReviewSql(brandId: SQL | Placeholder) {
  return sql<number>`coalesce((select q.waiting from review_queue_counts q where q.brand_id = ${brandId}), 0)::int`
}
