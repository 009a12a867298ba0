import { and, desc, eq, inArray } from 'drizzle-orm'
import { schema, type Tx } from '#db/index.ts'
import { renderContract } from '#app/domain/contracts.ts'
import { contractMachine } from '#app/domain/state-machines.ts'
import { termsSnapshot } from '#app/services/offers/commit-offer.server.ts'
import { recordAudit, type AuditActor } from '#app/services/audit/record-audit.server.ts'
import { buildContractFacts } from './build-contract-facts.server.ts'
import { getContractTemplate } from './get-contract-template.server.ts'
import { renderContractPdf } from './render-contract-pdf.server.ts'
import { storeContractFile } from './store-contract-file.server.ts'

type OfferRow = typeof schema.offers.$inferSelect

/**
 * Makes the next contract version of an accepted offer from the brand's current template and the offer's
 * current terms: the document, its PDF (stored once) and the PDF's SHA-256, which is what both parties
 * sign. The version before it, if any, is superseded (its signatures and files stay readable).
 * Call inside the transaction that accepted or amended the offer.
 */
export async function generateContract(tx: Tx, offer: OfferRow, actor: AuditActor, opts: { now?: Date; reason: 'accepted' | 'amended' }) {
  const now = opts.now ?? new Date()
  const [previous] = await tx
    .select()
    .from(schema.contracts)
    .where(eq(schema.contracts.offerId, offer.id))
    .orderBy(desc(schema.contracts.version))
    .limit(1)
    .for('update')
  const version = (previous?.version ?? 0) + 1
  if (previous && contractMachine.can(previous.status, 'supersede')) {
    await tx
      .update(schema.contracts)
      .set({ status: contractMachine.next(previous.status, 'supersede'), supersededAt: now, updatedAt: now })
      .where(and(eq(schema.contracts.id, previous.id), inArray(schema.contracts.status, contractMachine.sources('supersede'))))
  }
  const template = await getContractTemplate(tx, offer.brandId)
  const { facts } = await buildContractFacts(tx, offer, version, now)
  const document = renderContract(template, facts)
  const pdf = await renderContractPdf(document, { createdAt: now, footer: `Contract v${version} · ${facts['brand.name']} × ${facts['creator.name']}` })
  const { file, sha256 } = await storeContractFile(tx, pdf, {
    brandId: offer.brandId,
    creatorId: offer.creatorId,
    name: `contract-${facts['campaign.name']}-v${version}.pdf`,
    userId: actor.userId,
  })
  const [contract] = await tx
    .insert(schema.contracts)
    .values({
      brandId: offer.brandId,
      offerId: offer.id,
      creatorId: offer.creatorId,
      version,
      status: 'awaiting_creator',
      templateId: template.id,
      templateVersion: template.version,
      terms: termsSnapshot(offer, offer.feeMinor, offer.acceptedBriefVersion ?? 0),
      document,
      documentFileId: file.id,
      documentSha256: sha256,
      createdByUserId: actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  await recordAudit(tx, actor, {
    brandId: offer.brandId,
    action: opts.reason === 'accepted' ? 'contract.generated' : 'contract.amended',
    entityType: 'contract',
    entityId: contract!.id,
    before: previous ? { contractId: previous.id, version: previous.version, status: previous.status } : null,
    after: { offerId: offer.id, version, status: 'awaiting_creator', documentSha256: sha256, templateVersion: template.version },
  })
  return contract!
}
