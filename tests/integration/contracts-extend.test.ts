/**
 * "Extend rights" offers (issue #17): the brand offers more licence months for a fee; the creator accepts
 * and signs it like any offer; once countersigned every dated rights item runs longer. Its fee is usage
 * money of the collaboration it extends, in the one set of money figures every page reads, and the
 * creator invoices it as a usage line. Expected figures are computed by hand in the comments.
 */
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { acceptOffer } from '#app/services/offers/accept-offer.server.ts'
import { countersignContract } from '#app/services/contracts/countersign-contract.server.ts'
import { offerRightsExtension } from '#app/services/contracts/offer-rights-extension.server.ts'
import { signContract } from '#app/services/contracts/sign-contract.server.ts'
import { getMoneyFigures } from '#app/services/budget/get-money-figures.server.ts'
import { getCommitted } from '#app/services/budget/get-committed.server.ts'
import { submitInvoice } from '#app/services/invoices/submit-invoice.server.ts'
import { extendRightsSchema } from '#app/validation/contracts.ts'
import { parseFormData } from '#app/validation/parse-form.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { addMember, createBrand } from '#tests/factories.ts'
import { brandActor, taxFormFor } from '#tests/factories-money.ts'
import { contractWorld, currentContract } from '#tests/factories-contracts.ts'

async function rejection(p: Promise<unknown>) {
  try {
    await p
  } catch (e) {
    return e as AppError
  }
  throw new Error('expected a refusal')
}
const SIGNED_AT = new Date('2026-12-04T12:00:00Z')
const LATER = new Date('2026-12-10T09:00:00Z')

async function signedCollab(opts: Parameters<typeof contractWorld>[0] = {}) {
  const w = await contractWorld(opts)
  await w.accept()
  const v1 = await currentContract(w.offer.id)
  await signContract(w.agentActor, { contractId: v1.id, documentSha256: v1.documentSha256 }, SIGNED_AT)
  await countersignContract(w.adminActor, { contractId: v1.id, documentSha256: v1.documentSha256 }, SIGNED_AT)
  return w
}
const ext = (offerId: string, over: Partial<Parameters<typeof offerRightsExtension>[1]> = {}) => ({ offerId, months: 3, feeMinor: 45_000, usageRights: 'paid' as const, usageTerritory: null, expiresOn: '2026-12-31', message: 'Three more months of ads?', ...over })

describe('extend rights', () => {
  it('offered, accepted and signed: the licence runs 3 months longer and the fee is usage money in every figure and on the invoice', async () => {
    const w = await signedCollab({ currency: 'EUR' })
    // 6 months from 2026-12-04 (UTC): the 6-month anniversary is 2027-06-04, so the last day is 2027-06-03
    const before = await db().select().from(schema.rightsItems).where(eq(schema.rightsItems.offerId, w.offer.id))
    expect(before.map((i) => i.endsOn)).toEqual(['2027-06-03', '2027-06-03'])

    const offer = await offerRightsExtension(w.managerActor, ext(w.offer.id), LATER)
    expect(offer).toMatchObject({ status: 'invited', extendsOfferId: w.offer.id, feeMinor: 0, usageFeeMinor: 45_000, usageMonths: 3, currency: 'EUR', deliverableSpecs: [] })
    const [audit] = await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.entityId, offer.id), eq(schema.auditEvents.action, 'offer.rights_extension_sent')))
    expect(audit!.after).toMatchObject({ extendsOfferId: w.offer.id, months: 3, usageFeeMinor: 45_000 })
    const mail = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.template, 'offer-received'))
    expect(mail.some((m) => m.subject.includes('extend the usage rights'))).toBe(true)

    // an open (unanswered) extension commits nothing: committed is the 1,800.00 fee alone
    expect(await getCommitted(db(), w.brand.id, w.campaign.id)).toBe(180_000)
    // a second extension while one is open is refused
    expect((await rejection(offerRightsExtension(w.managerActor, ext(w.offer.id), LATER))).status).toBe(409)

    await acceptOffer(w.agentActor, offer.id, LATER)
    const c = await currentContract(offer.id)
    expect(c.version).toBe(1)
    const text = JSON.stringify(c.document)
    expect(text).toContain('€450 for extending the usage rights')
    expect(text).toContain('extended by 3 months')
    // accepted: committed 1,800.00 fee + 450.00 usage = 2,250.00; remaining 10,000.00 - 2,250.00 = 7,750.00
    const [line] = await getMoneyFigures(w.brand.id, { campaignIds: [w.campaign.id] })
    expect(line).toMatchObject({ committedMinor: 225_000, remainingMinor: 775_000, byKind: { fee: 180_000, usage: 45_000 } })
    // one collaboration row: the extension folds into the collaboration it extends
    expect(line!.collaborations).toHaveLength(1)
    expect(line!.collaborations[0]).toMatchObject({ offerId: w.offer.id, feeMinor: 180_000, usageMinor: 45_000, costMinor: 225_000 })
    expect(await getCommitted(db(), w.brand.id, w.campaign.id)).toBe(225_000)
    // the creator's profile reads the same numbers
    const [forCreator] = await getMoneyFigures(w.brand.id, { creatorId: w.creator.id })
    expect(forCreator!.committedMinor).toBe(225_000)

    // the licence is extended only once the extension's contract is signed by both
    expect((await db().select().from(schema.rightsItems).where(eq(schema.rightsItems.offerId, w.offer.id))).map((i) => i.endsOn)).toEqual(['2027-06-03', '2027-06-03'])
    await signContract(w.selfActor, { contractId: c.id, documentSha256: c.documentSha256 }, LATER)
    await countersignContract(w.adminActor, { contractId: c.id, documentSha256: c.documentSha256 }, LATER)
    // from the day after 2027-06-03, 3 months: anniversary of 2027-06-04 is 2027-09-04, last day 2027-09-03
    const after = await db().select().from(schema.rightsItems).where(eq(schema.rightsItems.offerId, w.offer.id))
    expect(after.map((i) => i.endsOn)).toEqual(['2027-09-03', '2027-09-03'])
    expect(after.every((i) => i.contractId === c.id && i.startsOn === '2026-12-04')).toBe(true)

    // the creator invoices the extension as a usage line of 450.00: within the agreed fee, lines match
    await taxFormFor({ creatorId: w.creator.id }, { legalName: w.creator.name })
    const { invoice } = await submitInvoice(w.selfActor, { offerId: offer.id, number: 'EXT-1', issueDate: '2026-12-10', payeeName: w.creator.name, idempotencyKey: `ext-${offer.id}-key`, lines: [{ deliverableId: null, amountMinor: 45_000 }] })
    const checks = (invoice.match as { checks: { id: string; ok: boolean }[] }).checks
    expect(checks.find((x) => x.id === 'contract.amount')?.ok).toBe(true)
    expect(checks.find((x) => x.id === 'contract.lines')?.ok).toBe(true)
    const [withInvoice] = await getMoneyFigures(w.brand.id, { campaignIds: [w.campaign.id] })
    // invoiced 450.00, on the collaboration's row
    expect(withInvoice).toMatchObject({ committedMinor: 225_000, invoicedMinor: 45_000 })
    expect(withInvoice!.collaborations[0]!.invoicedMinor).toBe(45_000)
    // billing more than the extension's 450.00 fails the amount check
    const { invoice: over } = await submitInvoice(w.selfActor, { offerId: offer.id, number: 'EXT-2', issueDate: '2026-12-10', payeeName: w.creator.name, idempotencyKey: `ext-${offer.id}-key2`, lines: [{ deliverableId: null, amountMinor: 1 }] })
    expect((over.match as { checks: { id: string; ok: boolean }[] }).checks.find((x) => x.id === 'contract.amount')?.ok).toBe(false)
  })

  it('refuses what cannot be extended: unsigned, perpetual, another brand, a past deadline; the form checks its fields', async () => {
    const unsigned = await contractWorld({})
    await unsigned.accept()
    expect((await rejection(offerRightsExtension(unsigned.managerActor, ext(unsigned.offer.id), LATER))).message).toMatch(/signed and countersigned first/)
    const perpetual = await signedCollab({ usageMonths: 0 })
    expect((await rejection(offerRightsExtension(perpetual.managerActor, ext(perpetual.offer.id), LATER))).message).toMatch(/perpetual/)
    const w = await signedCollab({})
    const other = await createBrand()
    const theirs = brandActor(other, await addMember(other.id, 'admin'), 'admin')
    expect((await rejection(offerRightsExtension(theirs, ext(w.offer.id), LATER))).status).toBe(404)
    const past = await rejection(offerRightsExtension(w.managerActor, ext(w.offer.id, { expiresOn: '2026-12-09' }), LATER))
    expect(past.status).toBe(400)
    expect(past.fieldErrors.expiresOn?.[0]).toMatch(/future/)
    expect(await db().select().from(schema.offers).where(eq(schema.offers.extendsOfferId, w.offer.id))).toHaveLength(0)

    const f = (o: Record<string, string>) => {
      const d = new FormData()
      for (const [k, v] of Object.entries({ intent: 'extend', offerId: w.offer.id, months: '3', fee: '450', usageRights: 'paid', expiresOn: '2026-12-31', ...o })) d.set(k, v)
      return d
    }
    expect(parseFormData(f({}), extendRightsSchema)).toMatchObject({ months: 3, fee: 45_000, usageRights: 'paid' })
    for (const [over, field] of [[{ months: '0' }, 'months'], [{ fee: 'abc' }, 'fee'], [{ usageRights: 'none' }, 'usageRights'], [{ expiresOn: '2026-13-01' }, 'expiresOn']] as const) {
      const e = await rejection(Promise.resolve().then(() => parseFormData(f(over), extendRightsSchema)))
      expect(e.status, field).toBe(400)
      expect(e.fieldErrors[field]?.length, field).toBeGreaterThan(0)
    }
  })
})
