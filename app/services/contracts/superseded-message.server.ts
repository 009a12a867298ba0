import { and, eq, ne } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'

/** "Version 1 was replaced by version 2 …" for a refused signature on a superseded version. */
export async function supersededMessage(tx: DbOrTx, c: { offerId: string; version: number }) {
  const [current] = await tx
    .select({ version: schema.contracts.version })
    .from(schema.contracts)
    .where(and(eq(schema.contracts.offerId, c.offerId), ne(schema.contracts.status, 'superseded')))
  return current
    ? `Version ${c.version} of this contract was replaced by version ${current.version} after the terms changed. Read and sign version ${current.version} instead.`
    : `Version ${c.version} of this contract was replaced after the terms changed, so it can no longer be signed.`
}
