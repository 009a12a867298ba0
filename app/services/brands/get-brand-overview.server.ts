import { and, count, eq, gt, isNull, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'

/** The numbers on the brand home, scoped to one brand (the roster's size from its kept counts, migration 0036). */
export async function getBrandOverview(brandId: string) {
  const [[roster], [members], [invites]] = await Promise.all([
    db().select({ n: sql<number>`coalesce(sum(${schema.rosterCounts.entries}), 0)`.mapWith(Number) }).from(schema.rosterCounts).where(eq(schema.rosterCounts.brandId, brandId)),
    db().select({ n: count() }).from(schema.brandMembers).where(eq(schema.brandMembers.brandId, brandId)),
    db()
      .select({ n: count() })
      .from(schema.invitations)
      .where(
        and(
          eq(schema.invitations.brandId, brandId),
          isNull(schema.invitations.acceptedAt),
          isNull(schema.invitations.revokedAt),
          gt(schema.invitations.expiresAt, new Date()),
        ),
      ),
  ])
  return { rosterCount: Number(roster?.n ?? 0), memberCount: Number(members?.n ?? 0), pendingInvitations: Number(invites?.n ?? 0) }
}
