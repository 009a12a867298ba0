import { and, eq, gt, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { sha256 } from '#app/utils/crypto.server.ts'

/** A usable invitation by its token (not accepted, not revoked, not expired), with display names. */
export async function getInvitation(token: string) {
  const [row] = await db()
    .select({
      invitation: schema.invitations,
      brandName: schema.brands.name,
      agencyName: schema.agencies.name,
    })
    .from(schema.invitations)
    .leftJoin(schema.brands, eq(schema.brands.id, schema.invitations.brandId))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.invitations.agencyId))
    .where(
      and(
        eq(schema.invitations.tokenHash, sha256(token)),
        isNull(schema.invitations.acceptedAt),
        isNull(schema.invitations.revokedAt),
        gt(schema.invitations.expiresAt, new Date()),
      ),
    )
    .limit(1)
  if (!row) return null
  const [account] = await db()
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(eq(schema.users.email, row.invitation.email))
    .limit(1)
  return { ...row, accountExists: Boolean(account) }
}
