/**
 * Amending a contract (issue #17): the amend form's schema and action service. A change of terms or
 * dates makes the next version that both sign again; old versions and their files never change; one
 * audit event with before/after and the reason; a form opened on a version that was amended meanwhile
 * (another tab) is a 409 that writes nothing; another brand's contract is a 404.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { resolveLocalPath } from '#app/services/files/local-disk.server.ts'
import { amendContract } from '#app/services/contracts/amend-contract.server.ts'
import { getAmendPage } from '#app/services/contracts/get-amend-page.server.ts'
import { countersignContract } from '#app/services/contracts/countersign-contract.server.ts'
import { signContract } from '#app/services/contracts/sign-contract.server.ts'
import { amendContractSchema } from '#app/validation/contracts.ts'
import { parseFormData } from '#app/validation/parse-form.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { addMember, createBrand } from '#tests/factories.ts'
import { brandActor } from '#tests/factories-money.ts'
import { contractWorld, currentContract, formOf, rejection } from '#tests/factories-contracts.ts'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const fileBytes = async (fileId: string) => {
  const [f] = await db().select().from(schema.files).where(eq(schema.files.id, fileId))
  return readFile(resolveLocalPath(f!.storageKey))
}
const form = formOf

async function signedWorld() {
  const w = await contractWorld({})
  await w.accept()
  const v1 = await currentContract(w.offer.id)
  await signContract(w.agentActor, { contractId: v1.id, documentSha256: v1.documentSha256 })
  await countersignContract(w.adminActor, { contractId: v1.id, documentSha256: v1.documentSha256 })
  const page = await getAmendPage(w.brand.id, v1.id)
  return { w, v1, page }
}

function amendForm(page: Awaited<ReturnType<typeof getAmendPage>>, over: Record<string, string> = {}) {
  const f: Record<string, string> = {
    intent: 'amend',
    baseVersion: String(page.contract.version),
    fee: '1800',
    usageFee: '',
    paymentNetDays: '30',
    usageRights: 'paid',
    usageMonths: '6',
    usageTerritory: 'France',
    exclusivityCategory: '',
    exclusivityMonths: '0',
    reason: 'Longer licence and a later post',
  }
  for (const d of page.deliverables) {
    f[`d_${d.id}_draftDueOn`] = d.draftDueOn ?? ''
    f[`d_${d.id}_postWindowStart`] = d.postWindowStart ?? ''
    f[`d_${d.id}_postWindowEnd`] = d.postWindowEnd ?? ''
  }
  return { ...f, ...over }
}
const parse = (page: Awaited<ReturnType<typeof getAmendPage>>, f: Record<string, string>) => parseFormData(form(f), amendContractSchema(page.deliverables.map((d) => d.id)))

describe('amend form', () => {
  it('refuses bad input next to the field (400), nothing written', async () => {
    const { w, page } = await signedWorld()
    const d0 = page.deliverables[0]!.id
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ fee: '12,34,5x' }, 'fee', /as a number/],
      [{ usageRights: 'forever' }, 'usageRights', /Pick the usage rights/],
      [{ paymentNetDays: '400' }, 'paymentNetDays', /at most 120/],
      [{ reason: ' ' }, 'reason', /Say why/],
      [{ [`d_${d0}_postWindowEnd`]: '2026-02-30' }, `d_${d0}_postWindowEnd`, /There is no 30 February 2026/],
      [{ [`d_${d0}_postWindowStart`]: '2027-01-10', [`d_${d0}_postWindowEnd`]: '2027-01-05' }, `d_${d0}_postWindowEnd`, /ends before it starts/],
      [{ exclusivityCategory: 'running shoes', exclusivityMonths: '0' }, 'exclusivityMonths', /how many months/],
    ]
    for (const [over, field, msg] of cases) {
      const e = await rejection(Promise.resolve().then(() => parse(page, amendForm(page, over))))
      expect(e.status, field).toBe(400)
      expect(e.fieldErrors[field]?.[0], field).toMatch(msg)
    }
    // an unknown deliverable field is refused too
    expect((await rejection(Promise.resolve().then(() => parse(page, amendForm(page, { d_bogus_draftDueOn: '2027-01-01' }))))).status).toBe(400)
    // unchanged terms: 409, nothing written
    const same = await rejection(amendContract(w.managerActor, page.contract.id, parse(page, amendForm(page))))
    expect(same.status).toBe(409)
    expect(await db().select().from(schema.contracts).where(eq(schema.contracts.offerId, w.offer.id))).toHaveLength(1)
  })

  it('a new fee, licence and post date make v2 for both to sign; v1 and its signed PDF stay as they were; audited with the reason', async () => {
    const { w, v1, page } = await signedWorld()
    const [v1Before] = await db().select().from(schema.contracts).where(eq(schema.contracts.id, v1.id))
    const signedShaBefore = sha(await fileBytes(v1Before!.signedFileId!))
    const d0 = page.deliverables[0]!
    expect(d0.postWindowEnd).toBe('2026-12-31')
    const input = parse(page, amendForm(page, { fee: '2,150.50', usageMonths: '12', [`d_${d0.id}_postWindowEnd`]: '2027-01-15' }))
    expect(input.feeMinor).toBe(215_050)
    const r = await amendContract(w.managerActor, v1.id, input)
    expect(r.contract.version).toBe(2)
    expect(r.contract.status).toBe('awaiting_creator')
    expect([...r.changed].sort()).toEqual(['deliverableDates', 'feeMinor', 'usageMonths'])
    const text = JSON.stringify(r.contract.document)
    expect(text).toContain('€2,150.50')
    expect(text).toContain('2027-01-15')
    expect(text).toContain('12 months')
    // the other deliverable kept its dates; the changed one moved
    const dels = await db().select().from(schema.deliverables).where(eq(schema.deliverables.offerId, w.offer.id))
    expect(dels.map((d) => d.postWindowEnd).sort()).toEqual(['2026-12-31', '2027-01-15'])
    // v1: superseded, still readable, its files unchanged byte for byte
    const [v1After] = await db().select().from(schema.contracts).where(eq(schema.contracts.id, v1.id))
    expect(v1After!.status).toBe('superseded')
    expect(v1After!.document).toEqual(v1Before!.document)
    expect(sha(await fileBytes(v1After!.documentFileId))).toBe(v1Before!.documentSha256)
    expect(sha(await fileBytes(v1After!.signedFileId!))).toBe(signedShaBefore)
    expect(await db().select().from(schema.contractSignatures).where(eq(schema.contractSignatures.contractId, v1.id))).toHaveLength(2)
    // one audit event with before/after and the reason
    const [audit, ...more] = await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.entityId, w.offer.id), eq(schema.auditEvents.action, 'offer.terms_amended')))
    expect(more).toHaveLength(0)
    expect(audit!.before).toMatchObject({ feeMinor: 180_000, usageMonths: 6, deliverableDates: [{ id: d0.id, postWindowEnd: '2026-12-31' }] })
    expect(audit!.after).toMatchObject({ feeMinor: 215_050, usageMonths: 12, reason: 'Longer licence and a later post', contractVersion: 2, deliverableDates: [{ id: d0.id, postWindowEnd: '2027-01-15' }] })
    // both sign v2 again
    await signContract(w.selfActor, { contractId: r.contract.id, documentSha256: r.contract.documentSha256 })
    const done = await countersignContract(w.adminActor, { contractId: r.contract.id, documentSha256: r.contract.documentSha256 })
    expect(done.contract.status).toBe('signed')
    // the amend page of v1 now points to v2
    const stalePage = await getAmendPage(w.brand.id, v1.id)
    expect(stalePage.current).toMatchObject({ id: r.contract.id, version: 2 })
  })

  it('a form opened on v1 after another tab made v2 is a 409 and writes nothing; two tabs at once make one version', async () => {
    const { w, v1, page } = await signedWorld()
    const [a, b] = await Promise.allSettled([
      amendContract(w.managerActor, v1.id, parse(page, amendForm(page, { fee: '1900' }))),
      amendContract(w.adminActor, v1.id, parse(page, amendForm(page, { fee: '2000' }))),
    ])
    const ok = [a, b].filter((x) => x.status === 'fulfilled')
    const refused = [a, b].filter((x): x is PromiseRejectedResult => x.status === 'rejected')
    expect(ok).toHaveLength(1)
    expect(refused).toHaveLength(1)
    expect((refused[0]!.reason as AppError).status).toBe(409)
    expect((refused[0]!.reason as AppError).message).toMatch(/version 2 is now current/)
    const stale = await rejection(amendContract(w.managerActor, v1.id, parse(page, amendForm(page, { fee: '2500' }))))
    expect(stale.status).toBe(409)
    const versions = await db().select().from(schema.contracts).where(eq(schema.contracts.offerId, w.offer.id))
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2])
    expect(await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.entityId, w.offer.id), eq(schema.auditEvents.action, 'offer.terms_amended')))).toHaveLength(1)
    const fees = await db().select().from(schema.costEntries).where(and(eq(schema.costEntries.offerId, w.offer.id), eq(schema.costEntries.kind, 'fee')))
    // 1,800 accepted + the one winning difference (100 or 200)
    expect([190_000, 200_000]).toContain(fees.reduce((s, f) => s + f.amountMinor, 0))
  })

  it('another brand cannot read or amend the contract (404)', async () => {
    const { w, v1, page } = await signedWorld()
    const other = await createBrand()
    const admin = await addMember(other.id, 'admin')
    const theirs = brandActor(other, admin, 'admin')
    expect((await rejection(getAmendPage(other.id, v1.id))).status).toBe(404)
    expect((await rejection(amendContract(theirs, v1.id, parse(page, amendForm(page, { fee: '1' }))))).status).toBe(404)
    expect(await db().select().from(schema.contracts).where(eq(schema.contracts.offerId, w.offer.id))).toHaveLength(1)
  })
})
