import { and, asc, eq, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { ROLE_LABEL } from '#app/auth/capabilities.ts'
import { ESIGN_CONSENT, contractSettings } from '#app/domain/contracts.ts'
import { contractMachine } from '#app/domain/state-machines.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, ForbiddenError, NotFoundError } from '#app/utils/errors.ts'
import { applyRightsFromContract } from './apply-rights-from-contract.server.ts'
import { rematchOpenInvoices } from '#app/services/invoices/rematch-open-invoices.server.ts'
import { renderContractPdf } from './render-contract-pdf.server.ts'
import { storeContractFile } from './store-contract-file.server.ts'
import { insertSignature } from './insert-signature.server.ts'
import { supersededMessage } from './superseded-message.server.ts'
import type { SignInput } from './sign-contract.server.ts'

/**
 * A brand member whose role may sign (brand settings; admins by default) countersigns a version the creator
 * signed. The signed PDF (the document plus a signature page with both signatures' facts) is stored once,
 * with its own SHA-256, and the usage-rights ledger is written from the signed terms. Locked and unique
 * per party like the creator's signature: twice, superseded or out of turn changes nothing.
 */
export async function countersignContract(actor: Pick<BrandActor, 'brand' | 'user' | 'role' | 'audit' | 'meta'>, input: SignInput, now = new Date()) {
  const settings = contractSettings(actor.brand.settings)
  if (!settings.signerRoles.includes(actor.role)) {
    throw new ForbiddenError(`In ${actor.brand.name}, contracts are countersigned by: ${settings.signerRoles.map((r) => ROLE_LABEL[r]).join(', ')}. Ask one of them, or an admin to change who signs in the contract settings.`)
  }
  return db().transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(schema.contracts)
      .where(and(eq(schema.contracts.id, input.contractId), eq(schema.contracts.brandId, actor.brand.id)))
      .for('update')
    if (!c) throw new NotFoundError('That contract')
    if (c.status === 'superseded') throw new ConflictError(await supersededMessage(tx, c))
    if (c.status === 'signed') return { already: true as const, contract: c }
    if (c.status === 'awaiting_creator') throw new ConflictError('The creator has not signed this version yet: the brand countersigns after them.')
    const to = contractMachine.next(c.status, 'countersign')
    const sig = await insertSignature(tx, c, actor, input.documentSha256, { party: 'brand', brandRole: actor.role }, now)
    if (!sig) return { already: true as const, contract: c }
    const signatures = await tx.select().from(schema.contractSignatures).where(eq(schema.contractSignatures.contractId, c.id)).orderBy(asc(schema.contractSignatures.signedAt))
    const [creator] = await tx.select({ name: schema.creators.name }).from(schema.creators).where(eq(schema.creators.id, c.creatorId))
    const agencyIds = signatures.map((s) => s.agencyId).filter((x): x is string => Boolean(x))
    const agencies = agencyIds.length ? await tx.select({ id: schema.agencies.id, name: schema.agencies.name }).from(schema.agencies).where(inArray(schema.agencies.id, agencyIds)) : []
    const agencyName = (id: string | null) => agencies.find((a) => a.id === id)?.name ?? 'an agency'
    const pdf = await renderContractPdf(c.document, {
      createdAt: now,
      footer: `Signed contract v${c.version} · ${actor.brand.name} × ${creator?.name ?? ''}`,
      signedDocumentSha256: c.documentSha256,
      signatures: signatures.map((s) => ({
        party: s.party,
        signerName: s.signerName,
        signerEmail: s.signerEmail,
        forWhom: s.party === 'brand' ? `${actor.brand.name} (${ROLE_LABEL[s.brandRole as keyof typeof ROLE_LABEL] ?? s.brandRole})` : s.onBehalfOfCreatorId ? `${creator?.name ?? 'the creator'}, signed by their agent at ${agencyName(s.agencyId)}` : `${creator?.name ?? 'the creator'}, themself`,
        signedAt: s.signedAt,
        ip: s.ip,
        userAgent: s.userAgent,
        documentSha256: s.documentSha256,
        consentText: s.consentText,
      })),
    })
    const { file, sha256 } = await storeContractFile(tx, pdf, { brandId: c.brandId, creatorId: c.creatorId, name: `signed-contract-v${c.version}.pdf`, userId: actor.user.id })
    const [updated] = await tx
      .update(schema.contracts)
      .set({ status: to, signedAt: now, signedFileId: file.id, signedSha256: sha256, updatedAt: now })
      .where(and(eq(schema.contracts.id, c.id), inArray(schema.contracts.status, contractMachine.sources('countersign'))))
      .returning()
    const rights = await applyRightsFromContract(tx, updated!, settings.timeZone, now)
    await rematchOpenInvoices(tx, actor.audit, { offerId: c.offerId }, now)
    await recordAudit(tx, actor.audit, {
      brandId: c.brandId,
      action: 'contract.countersigned',
      entityType: 'contract',
      entityId: c.id,
      before: { status: c.status },
      after: { status: to, version: c.version, party: 'brand', documentSha256: c.documentSha256, signedSha256: sha256, role: actor.role, consent: ESIGN_CONSENT, rightsItems: rights },
    })
    return { already: false as const, contract: updated! }
  })
}
