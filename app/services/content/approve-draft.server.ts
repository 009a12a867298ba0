import { createElement } from 'react'
import { eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config } from '#app/config.server.ts'
import { roleCan } from '#app/auth/capabilities.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { approvalCheck, toFindings } from '#app/domain/content-review.ts'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { AppError, ForbiddenError, InvalidInputError } from '#app/utils/errors.ts'
import { DraftApprovedEmail } from '#emails/draft-approved.tsx'
import { loadBrandDraft } from './load-deliverable.server.ts'
import { notifyCreator } from './notify-creator.server.ts'
import { assertReviewable } from './assert-reviewable.server.ts'
import { getDraftMediaCheck } from '#app/services/media/get-media-check.server.ts'
import { remainingAttestations } from '#app/domain/disclosure/media-rules.ts'
import { getContractBlocker } from '#app/services/contracts/get-contract-blocker.server.ts'
import { deliverableMachine } from '#app/domain/state-machines.ts'

export interface ApproveDraftInput {
  draftId: string
  attestations: string[]
  comment: string
  /** A brand admin's written reason to approve despite blocking findings or unticked attestations. */
  overrideReason: string
}

/**
 * A reviewer approves the waiting draft. Refused while a blocking finding or an unticked attestation
 * remains, unless a brand admin (content.override) gives a written reason: the override, the findings
 * and the unticked checks are audited. Draft -> approved; deliverable draft_submitted -> approved;
 * the creator (agents copied) is emailed with the creator-visible comment only.
 */
export async function approveDraft(actor: Pick<BrandActor, 'brand' | 'user' | 'audit' | 'role'>, input: ApproveDraftInput) {
  return db().transaction(async (tx) => {
    const d = await loadBrandDraft(tx, actor.brand.id, input.draftId, { forUpdate: true })
    assertReviewable(d)
    // A required contract that is not signed blocks approval outright (no override: the law or the brand requires it).
    const contract = await getContractBlocker(tx, d.deliverable.offerId)
    if (contract.blocker) throw new AppError(422, contract.blocker)
    const unknown = input.attestations.filter((a) => !d.attestations.some((r) => r.id === a))
    if (unknown.length) throw new InvalidInputError('Reload the page and try again: the checklist changed.')
    // The media checks (issue #15): approval waits while they run; what the machine decided needs no tick,
    // and its blocking findings count like the caption's.
    const media = await getDraftMediaCheck(tx, d, d.draft.id)
    if (media.pending) throw new AppError(409, 'The media check of this draft is still running (it usually takes under a minute). Approve once it has finished.')
    const findings = [...toFindings(d.draft.findings), ...toFindings(media.findings.map((f) => ({ ...f, span: null })))]
    const required = remainingAttestations(d.attestations, media)
    const check = approvalCheck(findings, required, input.attestations)
    const reason = input.overrideReason.trim()
    if (!check.clear) {
      const what = [
        check.blocking.length ? `${check.blocking.length} blocking finding${check.blocking.length === 1 ? '' : 's'} (${[...new Set(check.blocking.map((f) => f.ruleId))].join(', ')})` : null,
        check.missing.length
          ? `${check.missing.length} unticked check${check.missing.length === 1 ? '' : 's'}${check.missing.length <= 2 ? ` (${check.missing.map((m) => m.label).join('; ')})` : ''}`
          : null,
      ]
        .filter(Boolean)
        .join(' and ')
      if (!reason) {
        const msg = `This draft cannot be approved yet: ${what}. Request changes instead${roleCan(actor.role, 'content.override') ? ', or approve with an override and a written reason' : ', or ask a brand admin to override'}.`
        throw new AppError(422, msg, check.missing.length ? { attestations: [msg] } : {})
      }
      if (!roleCan(actor.role, 'content.override')) throw new ForbiddenError('Only a brand admin can approve over a blocking finding or an unticked check.')
      if (reason.length < 10) throw new InvalidInputError('Explain the override in a sentence: it is kept in the audit log.', { overrideReason: ['Explain the override in a sentence: it is kept in the audit log.'] })
    }
    const now = new Date()
    const attestations = Object.fromEntries(d.attestations.map((a) => [a.id, input.attestations.includes(a.id) || (media.decided.includes(a.id) && !media.findings.some((f) => f.ruleId === a.id))]))
    const override = !check.clear
    const comment = input.comment.trim()
    if (comment) {
      await tx.insert(schema.reviewComments).values({ deliverableId: d.deliverable.id, draftVersionId: d.draft.id, brandId: actor.brand.id, authorUserId: actor.user.id, body: comment, visibility: 'creator' })
    }
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: override ? 'draft.approved_with_override' : 'draft.approved',
      entityType: 'draft_version',
      entityId: d.draft.id,
      before: { status: d.deliverable.status, decision: null },
      after: {
        status: 'approved',
        decision: 'approved',
        version: d.draft.version,
        attestations,
        ...(media.decided.length ? { machineChecked: media.decided } : {}),
        ...(override ? { overrideReason: reason, blocking: check.blocking.map((f) => f.ruleId), unticked: check.missing.map((m) => m.id) } : {}),
      },
    })
    const w = d.deliverable
    await notifyCreator(tx, d.creator, {
      template: 'draft-approved',
      subject: `${actor.brand.name} approved your draft v${d.draft.version}`,
      element: createElement(DraftApprovedEmail, {
        creatorName: d.creator.name,
        brandName: actor.brand.name,
        campaignName: d.campaign.name,
        deliverable: deliverableLabel(w),
        version: d.draft.version,
        comment: comment || null,
        postWindow: w.postWindowStart || w.postWindowEnd ? `between ${w.postWindowStart ?? 'now'} and ${w.postWindowEnd ?? 'the campaign end'}` : null,
        url: `${config().appUrl}/c/${d.creator.id}/deliverables/${w.id}`,
      }),
    })
    // The version and the deliverable are written last: their triggers keep the brand's review counts and at-risk
    // days, whose row lock and advisory lock are held until commit, so every approval of the brand waits for
    // the one holding them. Written first, the holder also spent the audit, the agents' lookup and the e-mail's
    // rendering under them (issue #18, migration 0039).
    await tx
      .update(schema.draftVersions)
      .set({
        decision: 'approved',
        decidedByUserId: actor.user.id,
        decidedAt: now,
        attestations,
        acknowledgedWarnings: findings.some((f) => f.severity === 'warning'),
        overrideReason: override ? reason : null,
      })
      .where(eq(schema.draftVersions.id, d.draft.id))
    await tx.update(schema.deliverables).set({ status: deliverableMachine.next(d.deliverable.status, 'approve'), updatedAt: now }).where(eq(schema.deliverables.id, d.deliverable.id))
    return { override }
  })
}
