import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { MatrixContext, RouteAccess } from './actors.ts'
import { BRAND_X_ANY, CREATOR_A } from './actors.ts'
import { createCampaign, createCollaboration } from '../factories-posts.ts'
import { DEFAULT_TEMPLATE } from '#app/domain/contracts.ts'

const SHA = 'a'.repeat(64)

/** A contract v1 of creator A at brand X, waiting for the creator's signature. */
async function contractParams(ctx: MatrixContext) {
  const campaign = await createCampaign(ctx.brandX.id)
  const c = await createCollaboration({ brandId: ctx.brandX.id, campaignId: campaign.id, creatorId: ctx.creatorA.id })
  const [file] = await db()
    .insert(schema.files)
    .values({ purpose: 'contract', storage: 'local', storageKey: `contract/gates-${c.offer.id}`, originalName: 'contract.pdf', mimeType: 'application/pdf', sizeBytes: 10, brandId: ctx.brandX.id, creatorId: ctx.creatorA.id })
    .returning()
  const [contract] = await db()
    .insert(schema.contracts)
    .values({ brandId: ctx.brandX.id, offerId: c.offer.id, creatorId: ctx.creatorA.id, version: 1, status: 'awaiting_creator', terms: {}, document: { title: 'Contract', sections: [] }, documentFileId: file!.id, documentSha256: SHA })
    .returning()
  return { contract: contract!.id }
}

/** A save of the built-in template with the exclusivity clause switched off (version 0 -> 1). */
const TEMPLATE_FORM = () => [
  {
    intent: 'template',
    baseVersion: '0',
    title: DEFAULT_TEMPLATE.title,
    ...Object.fromEntries(
      DEFAULT_TEMPLATE.clauses.flatMap((c) => [
        [`heading_${c.id}`, c.heading],
        [`body_${c.id}`, c.body],
        ...(c.id === 'exclusivity' ? [] : [[`enabled_${c.id}`, 'on']]),
      ]),
    ),
  },
  { intent: 'settings', signerRoles: ['admin', 'manager'], requirement: 'french_threshold', timeZone: 'Europe/Paris' },
]

const SIGN = () => [{ intent: 'sign', documentSha256: SHA, consent: 'on' }]

/** Access rows for the contracts and usage-rights routes. */
export const CONTRACTS_ACCESS: Record<string, RouteAccess> = {
  'b+/$brand+/contracts._index.tsx': { loader: BRAND_X_ANY },
  // Everyone in the brand reads the ledger; offering an extension is negotiating terms (offer.send).
  'b+/$brand+/rights.tsx': { loader: BRAND_X_ANY, action: ['managerX', 'adminX'] },
  // Amending terms is negotiating them too (offer.send): managers and admins, page and form.
  'b+/$brand+/contracts.$contract_.amend.tsx': { loader: ['managerX', 'adminX'], action: ['managerX', 'adminX'], params: contractParams },
  // Admins only: the template and the contract settings.
  'b+/$brand+/contracts.template.tsx': { loader: ['adminX'], action: ['adminX'], forms: TEMPLATE_FORM },
  // Everyone in the brand reads; countersigning is for the signer roles of the contract settings (admins by default).
  'b+/$brand+/contracts.$contract.tsx': { loader: BRAND_X_ANY, action: ['adminX'], params: contractParams, forms: SIGN },
  'c+/$creator+/contracts.$contract.tsx': {
    loader: CREATOR_A,
    action: ['creatorA', 'agentOfA'],
    scopes: { loader: 'view', action: 'answer_offers' },
    params: contractParams,
    forms: SIGN,
  },
}
