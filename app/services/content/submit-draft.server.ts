import { createElement } from 'react'
import { and, desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config } from '#app/config.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { getBrandManagerEmails } from '#app/services/brands/get-brand-manager-emails.server.ts'
import { receiveUpload, type ReceivedUpload } from '#app/services/files/receive-upload.server.ts'
import { recordFile } from '#app/services/files/record-file.server.ts'
import { enqueueJob } from '#app/services/jobs/enqueue-job.server.ts'
import { mediaAnalysisJob } from '#app/services/media/media-analysis-job.server.ts'
import { queueMediaAnalyses } from '#app/services/media/run-media-analysis.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { ConflictError, InvalidInputError } from '#app/utils/errors.ts'
import { parseFormData } from '#app/validation/parse-form.server.ts'
import { draftFormSchema } from '#app/validation/content.ts'
import { DraftSubmittedEmail } from '#emails/draft-submitted.tsx'
import { findingsFor, loadDeliverable } from './load-deliverable.server.ts'
import { deliverableMachine, WORKING_OFFER_STATUSES, type DeliverableStatus } from '#app/domain/state-machines.ts'

/** Deliverable states in which a (new) draft version may be submitted. */
export const SUBMITTABLE_STATUSES: readonly DeliverableStatus[] = deliverableMachine.sources('submit_draft')

function refuseUnlessSubmittable(status: string, offerStatus: string) {
  if (!(WORKING_OFFER_STATUSES as readonly string[]).includes(offerStatus)) throw new ConflictError('This collaboration is no longer active, so drafts cannot be submitted.')
  deliverableMachine.next(
    status,
    'submit_draft',
    status === 'draft_submitted'
      ? 'Your latest draft is waiting for review. You can send a new version once the brand answers.'
      : 'This draft is already approved: nothing more to submit here.',
  )
}

/**
 * The creator (or an agent with submit_content) submits draft version n of a deliverable: the media
 * files stream to storage while the request arrives (type from the bytes, size limit per use), the
 * caption is checked by the same disclosure checker the page runs, and the version, the file rows, the
 * status change (pending | changes_requested -> draft_submitted), the audit event and the reviewers' email
 * are written in one transaction. With no new files, version n keeps the files of version n-1.
 * Any failure removes the files this request stored: nothing is left behind.
 */
export async function submitDraft(actor: Pick<CreatorActor, 'creator' | 'user' | 'audit' | 'via'>, deliverableId: string, request: Request) {
  // Refuse before reading a possibly huge body.
  const pre = await loadDeliverable(db(), { creatorId: actor.creator.id }, deliverableId)
  refuseUnlessSubmittable(pre.deliverable.status, pre.offer.status)
  return receiveUpload(request, 'draft', { maxFiles: 10 }, async (upload) => {
    // An empty file input still sends a "files" part with no file name: it is not a text field.
    upload.fields.delete('files')
    const input = parseFormData(upload.fields, draftFormSchema, { arrayFields: ['uploadedFileIds'] })
    return saveDraft(actor, deliverableId, input, upload.files)
  })
}

type DraftInput = z.infer<typeof draftFormSchema>

async function saveDraft(actor: Pick<CreatorActor, 'creator' | 'user' | 'audit' | 'via'>, deliverableId: string, input: DraftInput, stored: ReceivedUpload['files']) {
  return db().transaction(async (tx) => {
    const d = await loadDeliverable(tx, { creatorId: actor.creator.id }, deliverableId, { forUpdate: true })
    refuseUnlessSubmittable(d.deliverable.status, d.offer.status)
    const [previous] = await tx
      .select()
      .from(schema.draftVersions)
      .where(eq(schema.draftVersions.deliverableId, d.deliverable.id))
      .orderBy(desc(schema.draftVersions.version))
      .limit(1)
    const agencyId = actor.via.kind === 'agent' ? actor.via.agencyId : null
    const fileRows = []
    for (const f of stored) {
      fileRows.push(
        await recordFile(tx, f, { purpose: 'draft', originalName: f.originalName, brandId: d.brand.id, creatorId: d.creator.id, agencyId, uploadedByUserId: actor.user.id }),
      )
    }
    // Files uploaded beforehand (UploadThing): must be this creator's draft files for this brand.
    for (const id of input.uploadedFileIds) {
      const [f] = await tx
        .select()
        .from(schema.files)
        .where(and(eq(schema.files.id, id), eq(schema.files.creatorId, d.creator.id), eq(schema.files.brandId, d.brand.id), eq(schema.files.purpose, 'draft')))
        .limit(1)
      if (!f) throw new InvalidInputError('One of the uploaded files could not be found. Upload it again.', { files: ['One of the uploaded files could not be found. Upload it again.'] })
      fileRows.push(f)
    }
    const fileIds = fileRows.length ? fileRows.map((f) => f.id) : (previous?.fileIds ?? [])
    if (fileIds.length === 0) {
      throw new InvalidInputError('Add at least one photo or video.', { files: ['Add at least one photo or video.'] })
    }
    const findings = findingsFor(d, input.caption)
    const version = (previous?.version ?? 0) + 1
    const [draft] = await tx
      .insert(schema.draftVersions)
      .values({
        deliverableId: d.deliverable.id,
        brandId: d.brand.id,
        version,
        caption: input.caption,
        fileIds,
        findings,
        submittedByUserId: actor.user.id,
        actingForCreatorId: actor.via.kind === 'agent' ? actor.creator.id : null,
      })
      .returning()
    // The media checks run in the background (issue #15): queued with the version, so it exists iff the upload commits.
    await queueMediaAnalyses(tx, draft!)
    await enqueueJob(tx, mediaAnalysisJob, { draftVersionId: draft!.id, brandId: d.brand.id }, { key: `media:${draft!.id}` })
    const now = new Date()
    await tx.update(schema.deliverables).set({ status: deliverableMachine.next(d.deliverable.status, 'submit_draft'), updatedAt: now }).where(eq(schema.deliverables.id, d.deliverable.id))
    const blockingCount = findings.filter((f) => f.severity === 'blocking').length
    await recordAudit(tx, actor.audit, {
      brandId: d.brand.id,
      action: 'draft.submitted',
      entityType: 'deliverable',
      entityId: d.deliverable.id,
      before: { status: d.deliverable.status },
      after: { status: 'draft_submitted', draftVersionId: draft!.id, version, files: fileIds.length, reusedFiles: fileRows.length === 0, blocking: blockingCount, warnings: findings.length - blockingCount },
    })
    const reviewers = await getBrandManagerEmails(tx, d.brand.id)
    if (reviewers.length) {
      await enqueueEmail(tx, {
        template: 'draft-submitted',
        to: reviewers,
        subject: `Draft v${version} from ${d.creator.name} is waiting for review`,
        element: createElement(DraftSubmittedEmail, {
          creatorName: d.creator.name,
          submittedBy: actor.via.kind === 'agent' ? `${actor.user.name} (${actor.via.agencyName})` : null,
          campaignName: d.campaign.name,
          deliverable: deliverableLabel(d.deliverable),
          version,
          blockingCount,
          url: `${config().appUrl}/b/${d.brand.slug}/review/${draft!.id}`,
        }),
      })
    }
    return { draft: draft!, findings, blockingCount }
  })
}
