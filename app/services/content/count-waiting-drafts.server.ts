import { eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'

/**
 * How many drafts wait for review at the brand (for the navigation and the home page): draft versions
 * without a decision. One summary row (review_queue_counts, kept by triggers in the same transaction as
 * each change, migration 0036), not a count of the brand's queue.
 */
export async function countWaitingDrafts(brandId: string): Promise<number> {
  const [row] = await db().select({ n: schema.reviewQueueCounts.undecided }).from(schema.reviewQueueCounts).where(eq(schema.reviewQueueCounts.brandId, brandId))
  return row?.n ?? 0
}
