import { and, desc, eq, isNotNull } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'

/** The newest approved draft of a deliverable (caption and version), or null before any approval. */
export async function latestApprovedDraft(tx: DbOrTx, deliverableId: string) {
  const [approved] = await tx
    .select({ caption: schema.draftVersions.caption, version: schema.draftVersions.version })
    .from(schema.draftVersions)
    .where(and(eq(schema.draftVersions.deliverableId, deliverableId), eq(schema.draftVersions.decision, 'approved'), isNotNull(schema.draftVersions.decidedAt)))
    .orderBy(desc(schema.draftVersions.version))
    .limit(1)
  return approved ?? null
}
