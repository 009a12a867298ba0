import { and, eq, ne } from 'drizzle-orm'
import { schema } from './index.ts'
import type { Seeder } from './seed-ids.ts'
import { ESIGN_CONSENT } from '../app/domain/contracts.ts'
import { addDays, dayIn } from '../app/domain/rights.ts'
import { applyRightsFromContract } from '../app/services/contracts/apply-rights-from-contract.server.ts'
import { generateContract } from '../app/services/contracts/generate-contract.server.ts'
import { renderContractPdf } from '../app/services/contracts/render-contract-pdf.server.ts'
import { storeContractFile } from '../app/services/contracts/store-contract-file.server.ts'

/**
 * Demo contracts: Maya Chen's accepted Acme offer with organic usage rights gets contract v1, signed by
 * Maya and countersigned by Ava (admin), with its signed PDF; its usage-rights items are set to end in 20
 * days so the rights page shows a licence ending soon. Made by the same services the app uses.
 */
export const seedContracts: Seeder = async (tx, ids) => {
  const brandId = ids.brands.get('acme-running')
  const maya = ids.creators.get('maya@creators.test')
  if (!brandId || !maya) return
  const [offer] = await tx
    .select()
    .from(schema.offers)
    .where(and(eq(schema.offers.brandId, brandId), eq(schema.offers.creatorId, maya), eq(schema.offers.status, 'accepted'), ne(schema.offers.usageRights, 'none')))
    .limit(1)
  if (!offer) return
  const mayaUser = ids.users.get('maya@creators.test')!
  const avaUser = ids.users.get('ava@acme.test')!
  const signedAt = new Date(ids.now.getTime() - 12 * 86_400_000)
  const contract = await generateContract(tx, offer, { userId: mayaUser }, { now: new Date(signedAt.getTime() - 3_600_000), reason: 'accepted' })
  const sigs = [
    { party: 'creator' as const, userId: mayaUser, signerName: 'Maya Chen', signerEmail: 'maya@creators.test', signedAt: new Date(signedAt.getTime() - 1_800_000) },
    { party: 'brand' as const, userId: avaUser, signerName: 'Ava Alvarez', signerEmail: 'ava@acme.test', brandRole: 'admin', signedAt },
  ]
  for (const s of sigs) {
    await tx.insert(schema.contractSignatures).values({ ...s, contractId: contract.id, ip: '203.0.113.10', userAgent: 'Demo seed', documentSha256: contract.documentSha256, consentText: ESIGN_CONSENT })
  }
  const pdf = await renderContractPdf(contract.document, {
    createdAt: signedAt,
    footer: `Signed contract v1 · Acme Running × Maya Chen`,
    signedDocumentSha256: contract.documentSha256,
    signatures: sigs.map((s) => ({ ...s, forWhom: s.party === 'brand' ? 'Acme Running (Admin)' : 'Maya Chen, themself', ip: '203.0.113.10', userAgent: 'Demo seed', documentSha256: contract.documentSha256, consentText: ESIGN_CONSENT })),
  })
  const { file, sha256 } = await storeContractFile(tx, pdf, { brandId, creatorId: maya, name: 'signed-contract-v1.pdf', userId: avaUser })
  const [signed] = await tx.update(schema.contracts).set({ status: 'signed', signedAt, signedFileId: file.id, signedSha256: sha256 }).where(eq(schema.contracts.id, contract.id)).returning()
  await applyRightsFromContract(tx, signed!, 'UTC', signedAt)
  // The demo licence ends in 20 days (a real 6-month one signed 12 days ago would not show on "ending").
  await tx.update(schema.rightsItems).set({ endsOn: addDays(dayIn('UTC', ids.now), 20) }).where(eq(schema.rightsItems.offerId, offer.id))
}
