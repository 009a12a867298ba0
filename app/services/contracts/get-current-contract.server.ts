import { and, eq, ne } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'

/** The current (not superseded) contract version of an offer the caller already scoped, or null. */
export async function getCurrentContract(offerId: string) {
  const [c] = await db()
    .select({ id: schema.contracts.id, version: schema.contracts.version, status: schema.contracts.status })
    .from(schema.contracts)
    .where(and(eq(schema.contracts.offerId, offerId), ne(schema.contracts.status, 'superseded')))
  return c ?? null
}
