import { db } from '#app/db.server.ts'
import { deliverableTimeline } from '#app/domain/content-review.ts'
import { ALLOWED_TYPES, describeAllowed } from '#app/services/files/sniff.ts'
import { maxBytesFor } from '#app/services/files/limits.server.ts'
import { activeStorage } from '#app/services/files/storage.server.ts'
import { getDraftMediaCheck } from '#app/services/media/get-media-check.server.ts'
import { listDraftVersions } from './list-draft-versions.server.ts'
import { findingsFor, loadDeliverable } from './load-deliverable.server.ts'
import { SUBMITTABLE_STATUSES } from './submit-draft.server.ts'
import { WORKING_OFFER_STATUSES } from '#app/domain/state-machines.ts'

/**
 * What the creator's deliverable page shows: the deliverable, the checker input (the page runs the same
 * checker as they type), every version with its creator-visible comments only, the revision rounds,
 * the timeline and the upload limits. Nothing internal to the brand is in here. `captionFindings` is the
 * checker's answer for the latest caption (the draft box's starting text), so the page renders and
 * hydrates without the checker; the browser loads it when the creator starts editing the caption.
 */
export async function getCreatorDeliverablePage(creatorId: string, deliverableId: string) {
  const d = await loadDeliverable(db(), { creatorId }, deliverableId)
  const versions = await listDraftVersions(db(), d.deliverable.id, 'creator')
  const w = d.deliverable
  const latest = versions.at(-1)
  // The media check of the latest version (issue #15), so the creator can fix the video before the brand looks.
  const media = latest ? { version: latest.version, ...(await getDraftMediaCheck(db(), d, latest.id)) } : null
  return {
    media,
    deliverable: { id: w.id, platform: w.platform, format: w.format, position: w.position, status: w.status, draftDueOn: w.draftDueOn, postWindowStart: w.postWindowStart, postWindowEnd: w.postWindowEnd },
    brand: { name: d.brand.name },
    campaign: { name: d.campaign.name },
    offerId: d.offer.id,
    checkInput: d.checkInput,
    captionFindings: findingsFor(d, latest?.caption ?? ''),
    requirements: d.requirements,
    briefVersion: d.briefVersion,
    revisions: { included: d.offer.revisionRounds, used: w.revisionsUsed },
    versions,
    timeline: deliverableTimeline(w.status, versions, d.offer.acceptedAt?.toISOString() ?? null),
    canSubmit: (SUBMITTABLE_STATUSES as readonly string[]).includes(w.status) && (WORKING_OFFER_STATUSES as readonly string[]).includes(d.offer.status),
    upload: { driver: activeStorage(), maxBytes: maxBytesFor('draft'), accept: ALLOWED_TYPES.draft.join(','), allowed: describeAllowed('draft') },
  }
}
