import { and, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'

/** A relationship note by a brand member about a roster creator: the brand's own, never shown to the creator or another brand. */
export async function addCreatorNote(actor: BrandActor, creatorId: string, body: string, now = new Date()) {
  return db().transaction(async (tx) => {
    const [entry] = await tx
      .select({ id: schema.rosterEntries.id })
      .from(schema.rosterEntries)
      .where(and(eq(schema.rosterEntries.brandId, actor.brand.id), eq(schema.rosterEntries.creatorId, creatorId)))
    if (!entry) throw new NotFoundError('That creator')
    const [note] = await tx
      .insert(schema.creatorNotes)
      .values({ brandId: actor.brand.id, creatorId, authorUserId: actor.user.id, body, createdAt: now })
      .returning({ id: schema.creatorNotes.id })
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'roster.note_added',
      entityType: 'creator_note',
      entityId: note!.id,
      after: { creatorId, length: body.length },
    })
    return note!
  })
}
