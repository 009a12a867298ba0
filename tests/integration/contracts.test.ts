import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { resolveLocalPath } from '#app/services/files/local-disk.server.ts'
import { approveDraft } from '#app/services/content/approve-draft.server.ts'
import { signContract } from '#app/services/contracts/sign-contract.server.ts'
import { countersignContract } from '#app/services/contracts/countersign-contract.server.ts'
import { amendContractTerms } from '#app/services/contracts/amend-contract-terms.server.ts'
import { getContractBlocker } from '#app/services/contracts/get-contract-blocker.server.ts'
import { computeInvoiceMatch } from '#app/services/invoices/compute-invoice-match.server.ts'
import { markInvoicePaid } from '#app/services/invoices/mark-invoice-paid.server.ts'
import { getFileForViewer } from '#app/services/files/get-file-for-viewer.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { insertDraft } from '#tests/factories-content.ts'
import { taxFormFor } from '#tests/factories-money.ts'
import { addMember, createBrand, uid } from '#tests/factories.ts'
import { contractWorld, currentContract } from '#tests/factories-contracts.ts'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const fileBytes = async (fileId: string) => {
  const [f] = await db().select().from(schema.files).where(eq(schema.files.id, fileId))
  return readFile(resolveLocalPath(f!.storageKey))
}
async function rejection(p: Promise<unknown>) {
  try {
    await p
  } catch (e) {
    return e as AppError
  }
  throw new Error('expected a refusal')
}
const auditCount = async (entityId: string, action: string) =>
  (await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.entityId, entityId), eq(schema.auditEvents.action, action)))).length

const ANAME = 'Zoë Ødegaard-Łukasz'

describe('contract life: generate, sign, countersign, amend, re-sign', () => {
  it('makes v1 on accept, stores its PDF with the hash, and both sign (agent for the creator)', async () => {
    const w = await contractWorld({ creatorName: ANAME, creatorCountry: 'FR' })
    await w.accept()
    const v1 = await currentContract(w.offer.id)
    expect(v1.version).toBe(1)
    expect(v1.status).toBe('awaiting_creator')
    const pdf = await fileBytes(v1.documentFileId)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(sha(pdf)).toBe(v1.documentSha256)
    // the document carries the terms: 2 reels, the fee (€1,800), the territory, the name with its accents
    const text = JSON.stringify(v1.document)
    expect(text).toContain(ANAME)
    expect(text).toContain('€1,800')
    expect(text).toContain('France')
    expect(text).toContain('#2')
    expect(await auditCount(v1.id, 'contract.generated')).toBe(1)

    // the brand cannot countersign before the creator
    const early = await rejection(countersignContract(w.adminActor, { contractId: v1.id, documentSha256: v1.documentSha256 }))
    expect(early.status).toBe(409)

    // a stale fingerprint is refused, nothing written
    const stale = await rejection(signContract(w.agentActor, { contractId: v1.id, documentSha256: 'f'.repeat(64) }))
    expect(stale.status).toBe(409)
    expect(await db().select().from(schema.contractSignatures).where(eq(schema.contractSignatures.contractId, v1.id))).toHaveLength(0)

    // two tabs at once: one signature, one audit event
    const [a, b] = await Promise.all([
      signContract(w.agentActor, { contractId: v1.id, documentSha256: v1.documentSha256 }),
      signContract(w.agentActor, { contractId: v1.id, documentSha256: v1.documentSha256 }),
    ])
    expect([a.already, b.already].sort()).toEqual([false, true])
    const sigs = await db().select().from(schema.contractSignatures).where(eq(schema.contractSignatures.contractId, v1.id))
    expect(sigs).toHaveLength(1)
    expect(sigs[0]).toMatchObject({ party: 'creator', userId: w.agency.agent.id, onBehalfOfCreatorId: w.creator.id, agencyId: w.agency.agency.id, ip: '127.0.0.1', userAgent: 'vitest', documentSha256: v1.documentSha256 })
    expect(sigs[0]!.consentText).toMatch(/electronically/)
    expect(await auditCount(v1.id, 'contract.signed')).toBe(1)
    // the creator signing again later: "already", nothing new
    expect((await signContract(w.selfActor, { contractId: v1.id, documentSha256: v1.documentSha256 })).already).toBe(true)

    // a manager may not countersign (admins only by default); 403, nothing written
    const mgr = await rejection(countersignContract(w.managerActor, { contractId: v1.id, documentSha256: v1.documentSha256 }))
    expect(mgr.status).toBe(403)

    const done = await countersignContract(w.adminActor, { contractId: v1.id, documentSha256: v1.documentSha256 })
    expect(done.already).toBe(false)
    expect(done.contract.status).toBe('signed')
    const signed = await fileBytes(done.contract.signedFileId!)
    expect(sha(signed)).toBe(done.contract.signedSha256)
    // the document each party signed never changed
    expect(sha(await fileBytes(v1.documentFileId))).toBe(v1.documentSha256)
    expect(await auditCount(v1.id, 'contract.countersigned')).toBe(1)
    // rights ledger: one item per deliverable, paid ads, 6 months from today (UTC)
    const items = await db().select().from(schema.rightsItems).where(eq(schema.rightsItems.offerId, w.offer.id))
    expect(items).toHaveLength(2)
    expect(items[0]).toMatchObject({ paidAds: true, organic: true, territory: 'France', perpetual: false, timeZone: 'UTC' })
  })

  it('amending the terms supersedes the signed version; both sign v2; v1 stays readable and cannot be signed', async () => {
    const w = await contractWorld({})
    await w.accept()
    const v1 = await currentContract(w.offer.id)
    await signContract(w.selfActor, { contractId: v1.id, documentSha256: v1.documentSha256 })
    await countersignContract(w.adminActor, { contractId: v1.id, documentSha256: v1.documentSha256 })
    const none = await rejection(
      amendContractTerms(w.managerActor, w.offer.id, { feeMinor: 180_000, paymentNetDays: 30, usageRights: 'paid', usageMonths: 6, usageTerritory: 'France', usageFeeMinor: 0, exclusivityCategory: null, exclusivityMonths: 0, reason: 'none' }),
    )
    expect(none.status).toBe(409)
    const r = await amendContractTerms(w.managerActor, w.offer.id, { feeMinor: 200_000, paymentNetDays: 30, usageRights: 'paid', usageMonths: 12, usageTerritory: 'France', usageFeeMinor: 0, exclusivityCategory: null, exclusivityMonths: 0, reason: 'Longer licence' })
    expect(r.contract.version).toBe(2)
    expect(r.changed.sort()).toEqual(['feeMinor', 'usageMonths'])
    const [old] = await db().select().from(schema.contracts).where(eq(schema.contracts.id, v1.id))
    expect(old!.status).toBe('superseded')
    expect(old!.signedFileId).toBeTruthy()
    expect(JSON.stringify(r.contract.document)).toContain('€2,000')
    // the fee difference is committed: 1,800 + 200 = 2,000
    const fees = await db().select().from(schema.costEntries).where(and(eq(schema.costEntries.offerId, w.offer.id), eq(schema.costEntries.kind, 'fee')))
    expect(fees.reduce((s, f) => s + f.amountMinor, 0)).toBe(200_000)
    const superseded = await rejection(signContract(w.selfActor, { contractId: v1.id, documentSha256: v1.documentSha256 }))
    expect(superseded.status).toBe(409)
    expect(superseded.message).toMatch(/replaced by version 2/)
    await signContract(w.agentActor, { contractId: r.contract.id, documentSha256: r.contract.documentSha256 })
    const v2 = await countersignContract(w.adminActor, { contractId: r.contract.id, documentSha256: r.contract.documentSha256 })
    expect(v2.contract.status).toBe('signed')
    const items = await db().select().from(schema.rightsItems).where(eq(schema.rightsItems.offerId, w.offer.id))
    expect(items.every((i) => i.contractId === r.contract.id)).toBe(true)
  })
})

describe('no contract, no go', () => {
  it('a French offer at or above €1,000 blocks approval and payment until signed; the match gains "contract signed"', async () => {
    const w = await contractWorld({ creatorCountry: 'FR', feeMinor: 100_000 })
    await w.accept()
    const v1 = await currentContract(w.offer.id)
    const gate = await getContractBlocker(db(), w.offer.id)
    expect(gate.required).toBe(true)
    expect(gate.blocker).toMatch(/waiting for the creator/)
    const [deliverable] = await db().select().from(schema.deliverables).where(eq(schema.deliverables.offerId, w.offer.id))
    const draft = await insertDraft({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId: deliverable!.id })
    const refused = await rejection(approveDraft(w.managerActor, { draftId: draft.id, attestations: [], comment: '', overrideReason: 'Admin says go ahead anyway' }))
    expect(refused.status).toBe(422)
    expect(refused.message).toMatch(/signed contract is required/)
    const [d1] = await db().select().from(schema.deliverables).where(eq(schema.deliverables.id, deliverable!.id))
    expect(d1!.status).toBe('draft_submitted')

    // an approved invoice with an exception note still cannot be paid
    await taxFormFor({ creatorId: w.creator.id }, { legalName: w.creator.name })
    const [invoice] = await db()
      .insert(schema.invoices)
      .values({ brandId: w.brand.id, offerId: w.offer.id, creatorId: w.creator.id, payeeKey: `creator:${w.creator.id}`, number: `INV-${uid()}`, normalizedNumber: `inv${uid()}`, issueDate: '2026-12-01', currency: 'EUR', subtotalMinor: 100_000, totalMinor: 100_000, status: 'approved', idempotencyKey: uid() + uid(), exceptionNote: 'ok by finance' })
      .returning()
    const { match } = await computeInvoiceMatch(db(), invoice!.id)
    expect(match.checks.find((c) => c.id === 'contract.signed')).toMatchObject({ ok: false })
    const unpaid = await rejection(markInvoicePaid(w.financeActor, { invoiceId: invoice!.id, paidOn: '2026-12-02', method: 'wire', reference: 'WIRE-1' }))
    expect(unpaid.status).toBe(409)
    expect(unpaid.message).toMatch(/signed contract is required/)

    await signContract(w.agentActor, { contractId: v1.id, documentSha256: v1.documentSha256 })
    expect((await getContractBlocker(db(), w.offer.id)).blocker).toMatch(/countersignature/)
    await countersignContract(w.adminActor, { contractId: v1.id, documentSha256: v1.documentSha256 })
    expect((await getContractBlocker(db(), w.offer.id)).blocker).toBeNull()
    const [rematched] = await db().select().from(schema.invoices).where(eq(schema.invoices.id, invoice!.id))
    expect((rematched!.match as { checks: { id: string; ok: boolean }[] }).checks.find((c) => c.id === 'contract.signed')?.ok).toBe(true)
    await approveDraft(w.managerActor, { draftId: draft.id, attestations: ['VD-01', 'VD-02', 'VD-03', 'PT-01'], comment: '', overrideReason: '' }).catch(async (e: AppError) => {
      // the attestation list depends on the checklist; an admin override is fine here, the contract gate is what we test
      if (e.status !== 422) throw e
      await approveDraft(w.adminActor, { draftId: draft.id, attestations: [], comment: '', overrideReason: 'Checked the video by hand.' })
    })
    const [d2] = await db().select().from(schema.deliverables).where(eq(schema.deliverables.id, deliverable!.id))
    expect(d2!.status).toBe('approved')
    await markInvoicePaid(w.financeActor, { invoiceId: invoice!.id, paidOn: '2026-12-02', method: 'wire', reference: 'WIRE-1' })

    // amending after signature blocks again until both re-sign
    await amendContractTerms(w.managerActor, w.offer.id, { feeMinor: 120_000, paymentNetDays: 30, usageRights: 'paid', usageMonths: 6, usageTerritory: 'France', usageFeeMinor: 0, exclusivityCategory: null, exclusivityMonths: 0, reason: 'More reels' })
    expect((await getContractBlocker(db(), w.offer.id)).blocker).toMatch(/v2 is waiting for the creator/)
  })

  it('below the threshold, or not French, nothing is required; "always" requires it everywhere', async () => {
    const small = await contractWorld({ creatorCountry: 'FR', feeMinor: 99_999 })
    await small.accept()
    expect(await getContractBlocker(db(), small.offer.id)).toMatchObject({ required: false, blocker: null })
    const us = await contractWorld({ creatorCountry: 'US', feeMinor: 500_000, currency: 'USD' })
    await us.accept()
    expect((await getContractBlocker(db(), us.offer.id)).required).toBe(false)
    const always = await contractWorld({ settings: { contracts: { requirement: 'always' } }, currency: 'USD' })
    await always.accept()
    expect((await getContractBlocker(db(), always.offer.id)).blocker).toMatch(/waiting for the creator/)
  })
})

describe('contract files', () => {
  it('are served to the brand, the creator and the agent; another brand gets 404', async () => {
    const w = await contractWorld({})
    await w.accept()
    const v1 = await currentContract(w.offer.id)
    for (const u of [w.manager.id, w.creatorUser.id, w.agency.agent.id]) expect((await getFileForViewer(u, v1.documentFileId)).id).toBe(v1.documentFileId)
    const other = await createBrand()
    const stranger = await addMember(other.id, 'admin')
    const e = await rejection(getFileForViewer(stranger.id, v1.documentFileId))
    expect(e.status).toBe(404)
    // another brand's admin cannot countersign it either (404, nothing written)
    const theirs = { ...w.adminActor, brand: { ...w.adminActor.brand, id: other.id }, user: { id: stranger.id, name: stranger.name, email: stranger.email } }
    expect((await rejection(countersignContract(theirs, { contractId: v1.id, documentSha256: v1.documentSha256 }))).status).toBe(404)
  })
})
