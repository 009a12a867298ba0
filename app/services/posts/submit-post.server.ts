import { and, eq, ne } from 'drizzle-orm'
import { atOnIsoDay, isoDayMessage, isoDayProblem } from '#app/domain/dates.ts'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, InvalidInputError } from '#app/utils/errors.ts'
import type { Finding } from '#app/domain/disclosure/check-caption.ts'
import { captionFindings, normalizePostUrl, platformLabelFindings } from './post-checks.server.ts'
import { loadCreatorDeliverable } from './get-deliverable-for-post.server.ts'
import { deliverableMachine, postMachine, type DeliverableStatus, type PostStatus } from '#app/domain/state-machines.ts'
import { refetchPlatformRead, takePlatformRead } from '#app/services/connectors/post-reads.server.ts'
import { CONNECTOR_LABEL, isConnectorPlatform } from '#app/domain/connectors.ts'
import { enqueueJob } from '#app/services/jobs/enqueue-job.server.ts'
import { syncConnectionsJob } from '#app/services/connectors/sync-connections-job.server.ts'

export interface SubmitPostInput {
  deliverableId: string
  url: string
  /** YYYY-MM-DD */
  postedOn: string
  caption: string
  /** The creator's answer: the platform's commercial-content label is on (true) or off (false); null/absent when not asked (it stays the reviewer's tick). */
  platformLabelOn?: boolean | null
}

/** Deliverable states from which a live post may be submitted (first time, or fixed after a send-back). */
export const POSTABLE_STATUSES: readonly DeliverableStatus[] = deliverableMachine.sources('submit_post')

/**
 * The creator (or an agent with submit_content) submits the live post of an approved deliverable:
 * the URL is validated for the deliverable's platform, normalized and must not be used by any other
 * post; the caption as posted is checked again; a post outside its window is flagged. When a connected
 * account returned this post (platform_post_reads), its caption as the platform returned it is stored
 * and checked instead of the typed one (`captionFrom` names the platform), with the platform's time of the
 * post, and a read of that connection is queued so the post's first numbers arrive at once.
 * Deliverable: approved | post_changes_requested -> posted.
 */
export async function submitPost(actor: Pick<CreatorActor, 'creator' | 'user' | 'audit'>, input: SubmitPostInput) {
  const problem = isoDayProblem(input.postedOn)
  if (problem) throw new InvalidInputError('Please correct the highlighted fields.', { postedOn: [isoDayMessage(input.postedOn, problem)] })
  const postedAt = atOnIsoDay(input.postedOn, 12 * 3_600_000)
  if (postedAt.getTime() > Date.now() + 36 * 3_600_000) {
    throw new InvalidInputError('The posting date is in the future.', { postedOn: ['The posting date is in the future.'] })
  }
  // The caption as on the platform now, when the link is a post the creator's connected account returned.
  const [target] = await db().select({ platform: schema.deliverables.platform }).from(schema.deliverables).where(and(eq(schema.deliverables.id, input.deliverableId), eq(schema.deliverables.creatorId, actor.creator.id)))
  if (target) await refetchPlatformRead(actor.creator.id, input.deliverableId, target.platform, input.url)
  return db().transaction(async (tx) => {
    const d = await loadCreatorDeliverable(tx, actor.creator.id, input.deliverableId, { forUpdate: true })
    const posted = deliverableMachine.next(
      d.deliverable.status,
      'submit_post',
      d.deliverable.status === 'posted' || d.deliverable.status === 'verified'
        ? 'The live post for this deliverable was already submitted.'
        : 'This deliverable’s content has not been approved yet: post it once the brand approves your draft.',
    )
    // A sent-back post is resubmitted (changes_requested -> submitted); a first post starts as submitted.
    const postStatus: PostStatus = d.post && postMachine.isState(d.post.status) && postMachine.can(d.post.status, 'resubmit') ? postMachine.next(d.post.status, 'resubmit') : 'submitted'
    const parsed = normalizePostUrl(d.deliverable.platform, input.url)
    if ('error' in parsed) throw new InvalidInputError(parsed.error, { url: [parsed.error] })
    const [taken] = await tx
      .select({ id: schema.posts.id })
      .from(schema.posts)
      .where(and(eq(schema.posts.url, parsed.url), ne(schema.posts.deliverableId, d.deliverable.id)))
      .limit(1)
    if (taken) {
      const msg = 'This post was already submitted for another deliverable. Each deliverable needs its own post.'
      throw new ConflictError(msg, { url: [msg] })
    }
    const read = await takePlatformRead(tx, d.deliverable.id, d.deliverable.platform, parsed)
    const caption = read ? read.caption : input.caption
    const findings: Finding[] = captionFindings({
      caption,
      platform: d.deliverable.platform,
      format: d.deliverable.format,
      jurisdiction: d.brand.jurisdiction,
      connectionType: d.connectionType,
      brandName: d.brand.name,
    })
    // The platform's own label (PT-01..04, and EU-01 under the DSA in the EU), from the creator's answer.
    findings.push(...platformLabelFindings({ platform: d.deliverable.platform, jurisdiction: d.brand.jurisdiction, brandName: d.brand.name, declared: input.platformLabelOn ?? null }))
    const w = d.deliverable
    const outsideWindow = Boolean((w.postWindowStart && input.postedOn < w.postWindowStart) || (w.postWindowEnd && input.postedOn > w.postWindowEnd))
    const values = {
      platform: w.platform,
      url: parsed.url,
      externalId: parsed.externalId,
      // The platform's own time of the post when it returned it; else noon of the day the creator gave.
      postedAt: read?.postedAt ?? postedAt,
      captionAsPosted: caption,
      platformLabelDeclared: input.platformLabelOn ?? null,
      findings,
      outsideWindow,
      status: postStatus,
      attestations: {},
      submittedByUserId: actor.user.id,
      updatedAt: new Date(),
    }
    let post
    try {
      ;[post] = d.post
        ? await tx.update(schema.posts).set(values).where(eq(schema.posts.id, d.post.id)).returning()
        : await tx.insert(schema.posts).values({ ...values, deliverableId: w.id, brandId: w.brandId, creatorId: w.creatorId }).returning()
    } catch (error) {
      // A concurrent submission of the same URL loses the race on posts_url_uq.
      if (String((error as { cause?: { message?: string } })?.cause?.message ?? error).includes('posts_url_uq')) {
        throw new ConflictError('This post was already submitted for another deliverable.', { url: ['This post was already submitted for another deliverable.'] })
      }
      throw error
    }
    await tx.update(schema.deliverables).set({ status: posted, updatedAt: new Date() }).where(eq(schema.deliverables.id, w.id))
    await recordAudit(tx, actor.audit, {
      brandId: w.brandId,
      action: d.post ? 'post.resubmitted' : 'post.submitted',
      entityType: 'post',
      entityId: post!.id,
      before: d.post ? { url: d.post.url, status: d.post.status, problemNote: d.post.problemNote } : null,
      after: { url: parsed.url, postedOn: input.postedOn, outsideWindow, platformLabelDeclared: input.platformLabelOn ?? null, findings: findings.length, captionFrom: read ? read.platform : 'creator', platformReadId: read?.id ?? null },
    })
    // A post the connected account returned is measured at once (its first 'api' snapshot), not at the next hourly run.
    if (read?.connectionId) await enqueueJob(tx, syncConnectionsJob, { connectionIds: [read.connectionId] }, { key: `connectors.sync:post:${post!.id}:${Date.now()}` })
    const captionFrom = read && isConnectorPlatform(read.platform) ? CONNECTOR_LABEL[read.platform] : null
    return { post: post!, outsideWindow, findings, captionFrom }
  })
}
