import { and, asc, desc, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'
import { getContractBlocker } from './get-contract-blocker.server.ts'

/**
 * One contract version with its collaboration, signatures and every version of the same offer, for the
 * brand (scope brandId) or the creator and their agents (scope creatorId). Anyone else: 404.
 */
export async function getContractPage(scope: { brandId: string } | { creatorId: string }, contractId: string) {
  const [row] = await db()
    .select({ contract: schema.contracts, creatorName: schema.creators.name, campaignName: schema.campaigns.name, brandName: schema.brands.name })
    .from(schema.contracts)
    .innerJoin(schema.offers, eq(schema.offers.id, schema.contracts.offerId))
    .innerJoin(schema.creators, eq(schema.creators.id, schema.contracts.creatorId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .innerJoin(schema.brands, eq(schema.brands.id, schema.contracts.brandId))
    .where(and(eq(schema.contracts.id, contractId), 'brandId' in scope ? eq(schema.contracts.brandId, scope.brandId) : eq(schema.contracts.creatorId, scope.creatorId)))
  if (!row) throw new NotFoundError('That contract')
  const c = row.contract
  const signatures = await db().select().from(schema.contractSignatures).where(eq(schema.contractSignatures.contractId, c.id)).orderBy(asc(schema.contractSignatures.signedAt))
  const versions = await db()
    .select({ id: schema.contracts.id, version: schema.contracts.version, status: schema.contracts.status, createdAt: schema.contracts.createdAt, documentSha256: schema.contracts.documentSha256 })
    .from(schema.contracts)
    .where(eq(schema.contracts.offerId, c.offerId))
    .orderBy(desc(schema.contracts.version))
  const gate = await getContractBlocker(db(), c.offerId)
  return {
    contract: {
      id: c.id,
      offerId: c.offerId,
      version: c.version,
      status: c.status,
      document: c.document,
      documentFileId: c.documentFileId,
      documentSha256: c.documentSha256,
      signedFileId: c.signedFileId,
      signedSha256: c.signedSha256,
      signedAt: c.signedAt,
      createdAt: c.createdAt,
    },
    creatorName: row.creatorName,
    campaignName: row.campaignName,
    brandName: row.brandName,
    signatures: signatures.map((s) => ({ party: s.party, signerName: s.signerName, signedAt: s.signedAt, ip: s.ip, userAgent: s.userAgent, documentSha256: s.documentSha256, agent: Boolean(s.onBehalfOfCreatorId), role: s.brandRole })),
    versions,
    required: gate.required,
    why: gate.why,
  }
}
