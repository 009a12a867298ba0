import type { MatrixContext, RouteAccess } from './actors.ts'
import { CREATOR_A } from './actors.ts'
import { attestationsFor } from '#app/domain/disclosure/requirements.ts'
import { insertDraft, insertStoredFile } from '../factories-content.ts'
import { createCampaign, createCollaboration } from '../factories-posts.ts'

/**
 * A draft file (fileParams): brand X's reviewers, creator A, and A's agent with the submit_content scope;
 * not viewer or finance (the rule of the review page). Every other purpose: tests/integration/gates-files.test.ts.
 */
const FILE_VIEWERS = ['creatorA', 'agentOfA', 'managerX', 'adminX'] as const
const REVIEWERS = ['managerX', 'adminX'] as const
const CREATOR_SUBMIT = ['creatorA', 'agentOfA'] as const

async function fileParams(ctx: MatrixContext) {
  const f = await insertStoredFile({ brandId: ctx.brandX.id, creatorId: ctx.creatorA.id })
  return { id: f.id }
}

/** A pending deliverable of creator A at brand X (no draft yet). */
async function deliverableParams(ctx: MatrixContext) {
  const campaign = await createCampaign(ctx.brandX.id)
  const c = await createCollaboration({ brandId: ctx.brandX.id, campaignId: campaign.id, creatorId: ctx.creatorA.id, deliverableStatus: 'pending' })
  return { deliverable: c.deliverable.id }
}

/** A draft of creator A waiting for review at brand X. */
async function draftParams(ctx: MatrixContext) {
  const campaign = await createCampaign(ctx.brandX.id)
  const c = await createCollaboration({ brandId: ctx.brandX.id, campaignId: campaign.id, creatorId: ctx.creatorA.id, deliverableStatus: 'pending' })
  const d = await insertDraft({ brandId: ctx.brandX.id, creatorId: ctx.creatorA.id, deliverableId: c.deliverable.id })
  return { draft: d.id }
}

/** Access rows for the content routes (keyed by path under app/routes). */
export const CONTENT_ACCESS: Record<string, RouteAccess> = {
  'files.$id.tsx': { loader: FILE_VIEWERS, params: fileParams },
  // Public endpoint: 404 without UPLOADTHING_TOKEN; with it, the upload middleware runs requireCreatorActor and callbacks are signed.
  'api.uploadthing.tsx': { loader: 'public', action: 'public' },
  // The action takes multipart only (a urlencoded sample is a 415 with a sentence, never a write).
  'c+/$creator+/deliverables.$deliverable.tsx': {
    loader: CREATOR_A,
    action: CREATOR_SUBMIT,
    params: deliverableParams,
    scopes: { loader: 'view', action: 'submit_content' },
    forms: () => [{ caption: '#ad Running with @acme' }],
  },
  'c+/$creator+/deliverables.$deliverable_.upload.tsx': {
    action: CREATOR_SUBMIT,
    params: deliverableParams,
    scopes: { action: 'submit_content' },
    forms: () => [{ caption: '#ad Running with @acme' }],
  },
  'b+/$brand+/review._index.tsx': { loader: REVIEWERS },
  'b+/$brand+/review.$draft.tsx': {
    loader: REVIEWERS,
    action: REVIEWERS,
    params: draftParams,
    forms: () => [
      { intent: 'comment', body: 'Looks great so far.', visibility: 'creator' },
      { intent: 'request-changes', comment: 'Please put #ad in the first line.', internalNote: '' },
      // The matrix draft is an Instagram reel: its reviewer ticks.
      { intent: 'approve', attestations: attestationsFor('instagram', 'reel').map((a) => a.id), comment: '' },
    ],
  },
}
