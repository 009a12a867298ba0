import { and, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import type { RosterStatus } from '#app/domain/roles.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'

/** Change the brand's status or tags for a roster creator (audited with before and after). */
export async function updateRosterEntry(actor: BrandActor, creatorId: string, change: { status: RosterStatus } | { tags: string[] }) {
  return db().transaction(async (tx) => {
    const [entry] = await tx
      .select({ id: schema.rosterEntries.id, status: schema.rosterEntries.status, tags: schema.rosterEntries.tags })
      .from(schema.rosterEntries)
      .where(and(eq(schema.rosterEntries.brandId, actor.brand.id), eq(schema.rosterEntries.creatorId, creatorId)))
    if (!entry) throw new NotFoundError('That creator')
    const before = 'status' in change ? { status: entry.status } : { tags: entry.tags }
    if (JSON.stringify(before) === JSON.stringify(change)) return { changed: false }
    await tx.update(schema.rosterEntries).set({ ...change, updatedAt: new Date() }).where(eq(schema.rosterEntries.id, entry.id))
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'status' in change ? 'roster.status_changed' : 'roster.tags_changed',
      entityType: 'roster_entry',
      entityId: entry.id,
      before,
      after: change,
    })
    return { changed: true }
  })
}
