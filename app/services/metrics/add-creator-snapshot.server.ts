import { and, eq } from 'drizzle-orm'
import { atOnIsoDay, isoDayMessage, isoDayProblem } from '#app/domain/dates.ts'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { METRIC_FIELDS, type MetricValues } from '#app/domain/metrics-csv.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '#app/utils/errors.ts'
import { recordFile } from '#app/services/files/record-file.server.ts'
import type { StoredFile } from '#app/services/files/local-disk.server.ts'

export interface CreatorSnapshotInput {
  deliverableId: string
  /** YYYY-MM-DD: the day the creator read the numbers off the platform's insights. */
  capturedOn: string
  values: MetricValues
  /**
   * A screenshot of the platform's insights (a files row with purpose 'metric_evidence' uploaded by
   * this creator). Hook: the page passes the id the files service returns; without an upload the
   * snapshot is stored without evidence and shown as "no screenshot".
   */
  evidenceFileId?: string | null
  /**
   * A screenshot streamed to storage by this request (parseUpload, purpose 'metric_evidence'): recorded
   * here, in the snapshot's transaction, as a file of the post's brand and this creator so the brand's
   * members and the creator (and their agents) can open it through /files/:id. The caller discards the
   * bytes if this throws.
   */
  evidence?: (StoredFile & { originalName: string }) | null
}

/** The creator (or their agent with submit_content) reports their post's numbers. */
export async function addCreatorSnapshot(actor: Pick<CreatorActor, 'creator' | 'user' | 'audit'>, input: CreatorSnapshotInput) {
  const problem = isoDayProblem(input.capturedOn)
  if (problem) throw new InvalidInputError('Please correct the highlighted fields.', { capturedOn: [isoDayMessage(input.capturedOn, problem)] })
  const capturedAt = atOnIsoDay(input.capturedOn, 12 * 3_600_000)
  if (capturedAt.getTime() > Date.now() + 36 * 3_600_000) {
    throw new InvalidInputError('That day is in the future.', { capturedOn: ['That day is in the future.'] })
  }
  if (METRIC_FIELDS.every((f) => input.values[f] === null)) {
    throw new InvalidInputError('Enter at least one number from your insights.', { views: ['Enter at least one number from your insights.'] })
  }
  return db().transaction(async (tx) => {
    const [post] = await tx
      .select()
      .from(schema.posts)
      .where(and(eq(schema.posts.deliverableId, input.deliverableId), eq(schema.posts.creatorId, actor.creator.id)))
      .limit(1)
    if (!post) throw new NotFoundError('That post')
    if (input.capturedOn < post.postedAt.toISOString().slice(0, 10)) {
      throw new InvalidInputError('That day is before the post went live.', { capturedOn: ['That day is before the post went live.'] })
    }
    if (input.evidenceFileId) {
      const [file] = await tx
        .select({ id: schema.files.id })
        .from(schema.files)
        .where(and(eq(schema.files.id, input.evidenceFileId), eq(schema.files.creatorId, actor.creator.id), eq(schema.files.purpose, 'metric_evidence')))
        .limit(1)
      if (!file) throw new ConflictError('The screenshot could not be found. Upload it again.', { evidence: ['Upload the screenshot again.'] })
    }
    let evidenceFileId = input.evidenceFileId ?? null
    if (input.evidence) {
      const file = await recordFile(tx, input.evidence, {
        purpose: 'metric_evidence',
        originalName: input.evidence.originalName,
        brandId: post.brandId,
        creatorId: actor.creator.id,
        uploadedByUserId: actor.user.id,
      })
      evidenceFileId = file.id
    }
    const [snap] = await tx
      .insert(schema.metricSnapshots)
      .values({
        postId: post.id,
        brandId: post.brandId,
        capturedAt,
        source: 'creator',
        ...input.values,
        evidenceFileId,
        createdByUserId: actor.user.id,
      })
      .returning()
    await recordAudit(tx, actor.audit, {
      brandId: post.brandId,
      action: 'metrics.reported',
      entityType: 'metric_snapshot',
      entityId: snap!.id,
      after: { postId: post.id, capturedOn: input.capturedOn, ...input.values, evidence: Boolean(evidenceFileId) },
    })
    return snap!
  })
}
