import { db } from '#app/db.server.ts'
import { approvalCheck, captionSegments, isExtraRound, mandatoryChecklist } from '#app/domain/content-review.ts'
import { wordDiff } from '#app/domain/word-diff.ts'
import { listDraftVersions } from './list-draft-versions.server.ts'
import { getDraftMediaCheck } from '#app/services/media/get-media-check.server.ts'
import { remainingAttestations } from '#app/domain/disclosure/media-rules.ts'
import { toFindings } from '#app/domain/content-review.ts'
import { loadBrandDraft } from './load-deliverable.server.ts'
import { getContractBlocker } from '#app/services/contracts/get-contract-blocker.server.ts'

/**
 * The review page of one draft version (brand members only): media, caption with findings, the brief's
 * mandatory checklist, the attestations to tick, the diff against the previous version, the whole
 * conversation (internal comments included, labelled), and what the decision bar needs.
 */
export async function getReviewPage(brandId: string, draftId: string) {
  const d = await loadBrandDraft(db(), brandId, draftId)
  const versions = await listDraftVersions(db(), d.deliverable.id, 'brand')
  const current = versions.find((v) => v.id === d.draft.id)!
  const previous = versions.filter((v) => v.version < current.version).at(-1) ?? null
  const media = await getDraftMediaCheck(db(), d, d.draft.id)
  const reasons = new Map(media.undecided.map((u) => [u.id, u.reason]))
  const attestations = remainingAttestations(d.attestations, media).map((a) => ({ ...a, reason: reasons.get(a.id) ?? null }))
  const check = approvalCheck([...current.findings, ...toFindings(media.findings.map((f) => ({ ...f, span: null })))], attestations, [])
  const w = d.deliverable
  const contract = await getContractBlocker(db(), w.offerId)
  return {
    draft: current,
    isLatest: d.isLatest,
    waiting: d.isLatest && current.decision === null && w.status === 'draft_submitted',
    deliverable: { id: w.id, platform: w.platform, format: w.format, status: w.status, draftDueOn: w.draftDueOn, postWindowStart: w.postWindowStart, postWindowEnd: w.postWindowEnd },
    creator: { id: d.creator.id, name: d.creator.name },
    campaign: { id: d.campaign.id, name: d.campaign.name },
    segments: captionSegments(current.caption, current.findings),
    checklist: mandatoryChecklist(d.checkInput.mandatory, current.findings),
    requirements: d.requirements,
    attestations,
    allAttestations: d.attestations,
    media,
    blocking: check.blocking.length,
    /** The rule ids of the blocking findings, caption and media alike (e.g. LX-01, VD-01). */
    blockingRules: [...new Set(check.blocking.map((f) => f.ruleId))],
    /** A required contract not yet signed: blocks approval, no override. */
    contractBlocker: contract.blocker,
    previous: previous ? { version: previous.version, id: previous.id, diff: wordDiff(previous.caption, current.caption), sameFiles: previous.files.map((f) => f.id).join() === current.files.map((f) => f.id).join() } : null,
    versions: versions.map((v) => ({ id: v.id, version: v.version, decision: v.decision, submittedAt: v.submittedAt, decidedAt: v.decidedAt, overrideReason: v.overrideReason ?? null, comments: v.comments })),
    revisions: { included: d.offer.revisionRounds, used: w.revisionsUsed, extraRound: isExtraRound(d.offer.revisionRounds, w.revisionsUsed) },
  }
}
