import { and, asc, desc, eq, gt, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'

/** Members and open invitations of one brand (scoped by brand id from the guard). */
export async function listBrandMembers(brandId: string) {
  const [members, pending] = await Promise.all([
    db()
      .select({ id: schema.brandMembers.id, role: schema.brandMembers.role, name: schema.users.name, email: schema.users.email, since: schema.brandMembers.createdAt })
      .from(schema.brandMembers)
      .innerJoin(schema.users, eq(schema.users.id, schema.brandMembers.userId))
      .where(eq(schema.brandMembers.brandId, brandId))
      .orderBy(asc(schema.users.name)),
    db()
      .select({ id: schema.invitations.id, email: schema.invitations.email, kind: schema.invitations.kind, role: schema.invitations.role, expiresAt: schema.invitations.expiresAt, createdAt: schema.invitations.createdAt })
      .from(schema.invitations)
      .where(
        and(
          eq(schema.invitations.brandId, brandId),
          isNull(schema.invitations.acceptedAt),
          isNull(schema.invitations.revokedAt),
          gt(schema.invitations.expiresAt, new Date()),
        ),
      )
      .orderBy(desc(schema.invitations.createdAt)),
  ])
  return { members, pending }
}
