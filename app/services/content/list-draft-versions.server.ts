import { and, asc, eq, inArray } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { toFindings } from '#app/domain/content-review.ts'

/**
 * Every version of a deliverable (oldest first) with its files and its comments. `audience: 'creator'`
 * returns creator-visible comments only: internal ones are filtered in the query, never in the page.
 */
export async function listDraftVersions(tx: DbOrTx, deliverableId: string, audience: 'creator' | 'brand') {
  const versions = await tx
    .select()
    .from(schema.draftVersions)
    .where(eq(schema.draftVersions.deliverableId, deliverableId))
    .orderBy(asc(schema.draftVersions.version))
  const fileIds = [...new Set(versions.flatMap((v) => v.fileIds))]
  const files = fileIds.length
    ? await tx
        .select({ id: schema.files.id, mimeType: schema.files.mimeType, originalName: schema.files.originalName, sizeBytes: schema.files.sizeBytes })
        .from(schema.files)
        .where(inArray(schema.files.id, fileIds))
    : []
  const byId = new Map(files.map((f) => [f.id, f]))
  const comments = await tx
    .select({
      id: schema.reviewComments.id,
      draftVersionId: schema.reviewComments.draftVersionId,
      body: schema.reviewComments.body,
      visibility: schema.reviewComments.visibility,
      createdAt: schema.reviewComments.createdAt,
      authorName: schema.users.name,
    })
    .from(schema.reviewComments)
    .leftJoin(schema.users, eq(schema.users.id, schema.reviewComments.authorUserId))
    .where(
      audience === 'creator'
        ? and(eq(schema.reviewComments.deliverableId, deliverableId), eq(schema.reviewComments.visibility, 'creator'))
        : eq(schema.reviewComments.deliverableId, deliverableId),
    )
    // A request for changes writes its comment and its internal note in one transaction (the same created_at):
    // the comment to the creator first, then the note; ids settle any other tie, so the order never depends on
    // where the rows happen to sit on disk.
    .orderBy(asc(schema.reviewComments.createdAt), asc(schema.reviewComments.visibility), asc(schema.reviewComments.id))
  return versions.map((v) => ({
    id: v.id,
    version: v.version,
    caption: v.caption,
    files: v.fileIds.flatMap((id) => (byId.get(id) ? [byId.get(id)!] : [])),
    findings: toFindings(v.findings),
    decision: v.decision,
    submittedAt: v.submittedAt.toISOString(),
    decidedAt: v.decidedAt?.toISOString() ?? null,
    ...(audience === 'brand' ? { attestations: v.attestations, overrideReason: v.overrideReason } : {}),
    comments: comments
      .filter((c) => c.draftVersionId === v.id)
      .map((c) => ({ id: c.id, body: c.body, visibility: c.visibility as 'creator' | 'internal', createdAt: c.createdAt.toISOString(), authorName: c.authorName ?? 'Someone' })),
  }))
}
