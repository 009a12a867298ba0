import { and, eq, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'

/** How many drafts wait for review at the brand (for the navigation and the home page). */
export async function countWaitingDrafts(brandId: string): Promise<number> {
  return db().$count(schema.draftVersions, and(eq(schema.draftVersions.brandId, brandId), isNull(schema.draftVersions.decision)))
}
