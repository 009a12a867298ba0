/**
 * /files/:id applies the rule of the page each file belongs to (app/domain/file-access.ts), for every
 * purpose and every actor of the access matrix: draft media only to reviewers (not viewer or finance),
 * stats evidence only to those who verify posts, contract PDFs to the brand's members, brief assets to
 * those who see campaigns and (once a published brief carries them) the creators with an offer in that campaign and their agents, tax forms to their owner and the paying brand's finance; on the creator side the creator and agents with the page's scope. Everyone
 * else gets a 404 (never a hint that the file exists).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { UploadPurpose } from '#app/domain/file-access.ts'
import { ACTORS, buildGates, buildRequest, invoke, loadRoute, type Actor, type Gates } from '#tests/gates/harness.ts'
import { insertStoredFile, publishBrief } from '#tests/factories-content.ts'
import { createCampaign, createCollaboration } from '#tests/factories-posts.ts'

const EXPECTED: Record<UploadPurpose, Actor[]> = {
  draft: ['creatorA', 'agentOfA', 'managerX', 'adminX'],
  metric_evidence: ['creatorA', 'agentOfA', 'agentOfANoScopes', 'managerX', 'adminX'],
  contract: ['creatorA', 'agentOfA', 'agentOfANoScopes', 'managerX', 'adminX', 'financeX', 'viewerX'],
  brief_asset: ['creatorA', 'agentOfA', 'agentOfANoScopes', 'managerX', 'adminX', 'financeX', 'viewerX'],
  // Finance of a brand that pays A (A is on X's roster); never managers, admins or viewers.
  tax_form: ['creatorA', 'agentOfA', 'financeX'],
}
const BYTES: Record<keyof typeof EXPECTED, { bytes?: Buffer; name: string }> = {
  draft: { name: 'draft.mp4' },
  metric_evidence: { bytes: Buffer.from('%PDF-1.4\n%evidence\n'), name: 'insights.pdf' },
  contract: { bytes: Buffer.from('%PDF-1.4\n%contract\n'), name: 'contract.pdf' },
  brief_asset: { bytes: Buffer.from('%PDF-1.4\n%brief\n'), name: 'brief.pdf' },
  tax_form: { bytes: Buffer.from('%PDF-1.4\n%w9\n'), name: 'w9.pdf' },
}

let g: Gates
beforeAll(async () => {
  g = await buildGates()
})

describe('/files/:id: the rule of the page the file belongs to', () => {
  for (const purpose of Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]) {
    it(`${purpose}: ${EXPECTED[purpose].join(', ')}; 404 for everyone else`, async () => {
      const file = await insertStoredFile({ brandId: g.ctx.brandX.id, creatorId: purpose === 'brief_asset' ? null : g.ctx.creatorA.id, purpose, ...BYTES[purpose] })
      if (purpose === 'brief_asset') {
        // A brief file has no creator: A sees it through an offer in the campaign whose published brief carries it.
        const campaign = await createCampaign(g.ctx.brandX.id)
        await createCollaboration({ brandId: g.ctx.brandX.id, campaignId: campaign.id, creatorId: g.ctx.creatorA.id })
        await publishBrief(g.ctx.brandX.id, campaign.id, { overview: 'x', files: [{ id: file.id, name: file.originalName, mimeType: file.mimeType, sizeBytes: file.sizeBytes }] })
      }
      const loader = (await loadRoute('files.$id.tsx')).loader!
      const got: Record<string, number> = {}
      for (const actor of ACTORS) {
        const r = await invoke(loader, buildRequest(`/files/${file.id}`, { cookie: g.cookies[actor] }), { id: file.id })
        got[actor] = r.status
      }
      const want = Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? 302 : EXPECTED[purpose].includes(a) ? 200 : 404]))
      expect(got).toEqual(want)
    })
  }
})
