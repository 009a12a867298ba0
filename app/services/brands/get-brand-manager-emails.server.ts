import { and, eq, inArray } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'

/** Emails of a brand's managers and admins: who hears about answers to offers. */
export async function getBrandManagerEmails(tx: DbOrTx, brandId: string): Promise<string[]> {
  const rows = await tx
    .select({ email: schema.users.email })
    .from(schema.brandMembers)
    .innerJoin(schema.users, eq(schema.users.id, schema.brandMembers.userId))
    .where(and(eq(schema.brandMembers.brandId, brandId), inArray(schema.brandMembers.role, ['admin', 'manager'])))
  return rows.map((r) => r.email).sort()
}
