import { and, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'

/** The brand records who represents a creator (free text, e.g. an agency name); empty clears it. */
export async function setRepresentedBy(actor: BrandActor, creatorId: string, representedBy: string | null) {
  return db().transaction(async (tx) => {
    const [entry] = await tx
      .select({ id: schema.rosterEntries.id, representedBy: schema.rosterEntries.representedBy })
      .from(schema.rosterEntries)
      .where(and(eq(schema.rosterEntries.brandId, actor.brand.id), eq(schema.rosterEntries.creatorId, creatorId)))
    if (!entry) throw new NotFoundError('That creator')
    if (entry.representedBy === representedBy) return
    await tx.update(schema.rosterEntries).set({ representedBy, updatedAt: new Date() }).where(eq(schema.rosterEntries.id, entry.id))
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'roster.represented_by_set',
      entityType: 'roster_entry',
      entityId: entry.id,
      before: { representedBy: entry.representedBy },
      after: { representedBy },
    })
  })
}
