import { and, asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { addCostEntry } from '#app/services/budget/add-cost-entry.server.ts'
import { getBudget } from '#app/services/budget/get-budget.server.ts'
import { getCampaignCosts } from '#app/services/budget/get-campaign-costs.server.ts'
import { splitByBasisPoints } from '#app/domain/money.ts'
import { submitInvoice } from '#app/services/invoices/submit-invoice.server.ts'
import { decideInvoice } from '#app/services/invoices/decide-invoice.server.ts'
import { markInvoicePaid } from '#app/services/invoices/mark-invoice-paid.server.ts'
import { getYearEndReport, necThresholdMinor } from '#app/services/tax/get-year-end-report.server.ts'
import { submitTaxForm } from '#app/services/tax/submit-tax-form.server.ts'
import { verifyTaxForm } from '#app/services/tax/verify-tax-form.server.ts'
import { listBrandTaxForms } from '#app/services/tax/list-brand-tax-forms.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { acceptedOffer, agencyFor, key, moneyWorld } from '#tests/factories-money.ts'
import { addMember, call, cookieFor, createAgency, makeRequest } from '#tests/factories.ts'
import * as filesRoute from '#app/routes/files.$id.tsx'
import * as taxFormsRoute from '#app/routes/pay+/$brand+/tax-forms.tsx'

async function rejects(p: Promise<unknown>, status: number) {
  const e = await p.then(() => null, (err: unknown) => err)
  expect(e).toBeInstanceOf(AppError)
  expect((e as AppError).status).toBe(status)
}

describe('commission split', () => {
  // The agency's commission is splitByBasisPoints(total, bps).part; the creator gets .rest.
  it('commission + creator share always equals the total (half-up on the commission)', () => {
    expect(splitByBasisPoints(100_000, 1500)).toEqual({ part: 15_000, rest: 85_000 })
    expect(splitByBasisPoints(333, 1500)).toEqual({ part: 50, rest: 283 }) // 49.95 -> 50
    expect(splitByBasisPoints(1, 5000)).toEqual({ part: 1, rest: 0 }) // 0.5 -> 1
    for (let t = 0; t < 5000; t += 37) {
      for (const bp of [0, 1, 999, 1500, 2000, 3333, 10_000]) {
        const s = splitByBasisPoints(t, bp)
        expect(s.part + s.rest).toBe(t)
        expect(Number.isInteger(s.part)).toBe(true)
      }
    }
    expect(() => splitByBasisPoints(10.5, 1500)).toThrow()
  })
})

describe('budget', () => {
  it('planned, committed, invoiced, paid and remaining per campaign and program, with a warning when over', async () => {
    const w = await moneyWorld({ offer: { feeMinor: 100_000, usageRights: 'organic', usageFeeMinor: 20_000 } })
    await db().update(schema.campaigns).set({ budgetMinor: 150_000 }).where(eq(schema.campaigns.id, w.campaign.id))
    // The fee is committed by acceptance (a 'fee' ledger entry, as the offers flow writes it).
    await db().insert(schema.costEntries).values({ brandId: w.brand.id, campaignId: w.campaign.id, offerId: w.offer.id, kind: 'fee', amountMinor: 100_000, currency: 'USD' })
    await addCostEntry(w.managerActor, {
      campaignId: w.campaign.id,
      offerId: w.offer.id,
      kind: 'gifting',
      amountMinor: 12_000,
      shippingMinor: 1_550,
      carrier: 'UPS',
      trackingNumber: '1Z999',
      shippedOn: '2026-02-01',
      deliveredOn: '2026-02-04',
      note: 'Trail 3 + jacket',
    })
    let b = await getBudget(w.managerActor, { campaignId: w.campaign.id })
    expect(b.campaigns[0]).toMatchObject({ plannedMinor: 150_000, committedMinor: 133_550, invoicedMinor: 0, paidMinor: 0, remainingMinor: 16_450, overCommitted: false })
    expect(b.campaigns[0]!.byKind).toEqual({ fee: 100_000, gifting: 12_000, shipping: 1_550, usage: 20_000 })
    await addCostEntry(w.managerActor, { campaignId: w.campaign.id, kind: 'production', amountMinor: 20_000, note: 'Studio day' })
    const { invoice } = await submitInvoice(w.creatorActor, {
      offerId: w.offer.id,
      number: 'B-1',
      issueDate: '2026-03-10',
      payeeName: w.creator.name,
      idempotencyKey: key(),
      lines: [{ deliverableId: w.deliverables[0]!.id, amountMinor: 100_000 }],
    })
    await decideInvoice(w.managerActor, { invoiceId: invoice.id, decision: 'approve' })
    b = await getBudget(w.managerActor)
    expect(b.campaigns[0]).toMatchObject({ committedMinor: 153_550, invoicedMinor: 100_000, paidMinor: 0, remainingMinor: -3_550, overCommitted: true })
    await markInvoicePaid(w.financeActor, { invoiceId: invoice.id, paidOn: '2026-04-01', method: 'ach', reference: 'P-1' })
    b = await getBudget(w.managerActor)
    expect(b.campaigns[0]!.paidMinor).toBe(100_000)
    expect(b.program).toEqual([
      { currency: 'USD', plannedMinor: 150_000, committedMinor: 153_550, invoicedMinor: 100_000, paidMinor: 100_000, remainingMinor: -3_550, overCommitted: true, byKind: { fee: 100_000, gifting: 12_000, shipping: 1_550, usage: 20_000, production: 20_000 } },
    ])
    const events = await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.brandId, w.brand.id)).orderBy(asc(schema.auditEvents.id))
    expect(events.filter((e) => e.action === 'cost.added')).toHaveLength(3)
  })

  it('the campaign overview: each creator’s cost includes gifting and shipping; invoiced and paid per creator', async () => {
    const w = await moneyWorld({ offer: { feeMinor: 100_000, usageRights: 'organic', usageFeeMinor: 20_000 } })
    await db().insert(schema.costEntries).values({ brandId: w.brand.id, campaignId: w.campaign.id, offerId: w.offer.id, kind: 'fee', amountMinor: 100_000, currency: 'USD' })
    await addCostEntry(w.managerActor, { campaignId: w.campaign.id, offerId: w.offer.id, kind: 'gifting', amountMinor: 12_000, shippingMinor: 1_550, carrier: 'UPS', trackingNumber: '1Z1', note: 'Shoes' })
    await addCostEntry(w.managerActor, { campaignId: w.campaign.id, offerId: w.offer.id, kind: 'production', amountMinor: 5_000, note: 'Studio' })
    const { invoice } = await submitInvoice(w.creatorActor, { offerId: w.offer.id, number: 'C-1', issueDate: '2026-03-10', payeeName: w.creator.name, idempotencyKey: key(), lines: [{ deliverableId: w.deliverables[0]!.id, amountMinor: 100_000 }] })
    await decideInvoice(w.managerActor, { invoiceId: invoice.id, decision: 'approve' })
    await markInvoicePaid(w.financeActor, { invoiceId: invoice.id, paidOn: '2026-04-01', method: 'ach', reference: 'ACH-9' })
    const c = await getCampaignCosts(w.managerActor, w.campaign.id)
    // 100,000 fee + 12,000 product + 1,550 shipping + 5,000 production + 20,000 usage = 138,550.
    expect(c.creators).toEqual([
      expect.objectContaining({ creatorId: w.creator.id, feeMinor: 100_000, giftingMinor: 13_550, otherMinor: 25_000, totalMinor: 138_550, invoicedMinor: 100_000, paidMinor: 100_000 }),
    ])
    expect(c.budget).toMatchObject({ committedMinor: 138_550, invoicedMinor: 100_000, paidMinor: 100_000 })
    expect(c.creators.reduce((s, r) => s + r.totalMinor, 0)).toBe(c.budget.committedMinor)
    const other = await moneyWorld()
    await rejects(getCampaignCosts(other.managerActor, w.campaign.id), 404)
  })

  it('refuses other brands’ campaigns, shipping on non-gifting costs and negative amounts', async () => {
    const w = await moneyWorld()
    const other = await moneyWorld()
    await rejects(addCostEntry(other.managerActor, { campaignId: w.campaign.id, kind: 'other', amountMinor: 100 }), 404)
    await rejects(addCostEntry(w.managerActor, { campaignId: w.campaign.id, kind: 'production', amountMinor: 100, carrier: 'UPS' }), 400)
    await rejects(addCostEntry(w.managerActor, { campaignId: w.campaign.id, kind: 'other', amountMinor: -1 }), 400)
    await rejects(addCostEntry(w.managerActor, { campaignId: w.campaign.id, kind: 'gifting', amountMinor: 100, shippedOn: '2026-02-05', deliveredOn: '2026-02-01' }), 400)
  })
})

describe('tax forms', () => {
  const pdf = (name = 'w9.pdf') => new File([new TextEncoder().encode('%PDF-1.4\n% fake W-9\n')], name, { type: 'application/pdf' })
  /** The multipart request the tax form page posts (the same body a browser sends). */
  const taxFormRequest = (input: { kind: string; legalName: string; entityType: string; file?: File }) => {
    const body = new FormData()
    body.set('kind', input.kind)
    body.set('legalName', input.legalName)
    body.set('entityType', input.entityType)
    if (input.file) body.set('file', input.file)
    return new Request('http://greenroom.test/c/x/invoices/tax-form', { method: 'POST', body })
  }

  it('a creator uploads a form (no tax id stored), finance of a brand they work with verifies it; others cannot', async () => {
    const w = await moneyWorld({ taxForm: false })
    const form = await submitTaxForm(w.creatorActor, taxFormRequest({ kind: 'W-9', legalName: w.creator.name, entityType: 'individual', file: pdf() }))
    expect(form.status).toBe('submitted')
    expect(Object.keys(form).some((k) => /tin|ssn|taxid/i.test(k))).toBe(false)
    const [file] = await db().select().from(schema.files).where(eq(schema.files.id, form.fileId))
    expect(file).toMatchObject({ purpose: 'tax_form', mimeType: 'application/pdf', creatorId: w.creator.id })
    const listed = await listBrandTaxForms(w.financeActor)
    expect(listed.map((f) => f.id)).toEqual([form.id])
    const stranger = await moneyWorld()
    expect(await listBrandTaxForms(stranger.financeActor)).not.toContainEqual(expect.objectContaining({ id: form.id }))
    await rejects(verifyTaxForm(stranger.financeActor, { formId: form.id, decision: 'verify' }), 404)
    const v = await verifyTaxForm(w.financeActor, { formId: form.id, decision: 'verify' })
    expect(v).toMatchObject({ status: 'verified', verifiedByUserId: w.finance.id })
    await rejects(verifyTaxForm(w.financeActor, { formId: form.id, decision: 'verify' }), 409)
    const actions = await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, form.id)).orderBy(asc(schema.auditEvents.id))
    expect(actions.map((a) => a.action)).toEqual(['tax_form.submitted', 'tax_form.verified'])
  })

  it('issue #21: an individual creator’s W-9 filed under the agency that invoices is flagged on the desk and cannot be verified', async () => {
    const w = await moneyWorld({ taxForm: false })
    const { agency } = await agencyFor(w.creator.id, { agencyInvoices: true })
    await db().update(schema.agencies).set({ legalName: 'Northstar Talent LLC' }).where(eq(schema.agencies.id, agency.id))
    const form = await submitTaxForm(w.creatorActor, taxFormRequest({ kind: 'W-9', legalName: w.creator.name, entityType: 'individual', file: pdf() }))
    expect(form).toMatchObject({ agencyId: agency.id, creatorId: null })
    const [listed] = await listBrandTaxForms(w.financeActor)
    expect(listed!.payee).toBe(`${agency.name} (agency)`)
    expect(listed!.mismatches.map((m) => [m.on, m.blocking])).toEqual([
      ['entity', true],
      ['name', false],
    ])
    // Refused even with a reason; nothing changes, no verified event.
    await rejects(verifyTaxForm(w.financeActor, { formId: form.id, decision: 'verify', reason: 'The creator said it is fine.' }), 409)
    const [still] = await db().select().from(schema.taxForms).where(eq(schema.taxForms.id, form.id))
    expect(still!.status).toBe('submitted')
    // Rejecting it is the way out, and the audit says why.
    await verifyTaxForm(w.financeActor, { formId: form.id, decision: 'reject' })
    const events = await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, form.id)).orderBy(asc(schema.auditEvents.id))
    expect(events.map((e) => e.action)).toEqual(['tax_form.submitted', 'tax_form.rejected'])
    expect((events[1]!.after as { mismatches: string[] }).mismatches[0]).toContain('filed for the agency Northstar Talent LLC')
    // The agency's own W-9 matches: no warning, verified as before.
    const own = await submitTaxForm(w.creatorActor, taxFormRequest({ kind: 'W-9', legalName: 'Northstar Talent, LLC', entityType: 'llc', file: pdf() }))
    expect((await listBrandTaxForms(w.financeActor)).find((f) => f.id === own.id)!.mismatches).toEqual([])
    expect((await verifyTaxForm(w.financeActor, { formId: own.id, decision: 'verify' })).status).toBe('verified')
  })

  it('a form in another name is verified only with a reason, typed next to the field (no JS) and kept in the audit event', async () => {
    const w = await moneyWorld({ taxForm: false })
    const form = await submitTaxForm(w.creatorActor, taxFormRequest({ kind: 'W-9', legalName: 'Chen Creative LLC', entityType: 'llc', file: pdf() }))
    const cookie = await cookieFor(w.finance)
    const post = (fields: Record<string, string>) =>
      call(() => taxFormsRoute.action({ request: makeRequest(`/pay/${w.brand.slug}/tax-forms`, { cookie, form: { formId: form.id, intent: 'verify', ...fields } }), params: { brand: w.brand.slug }, context: {} }))
    for (const reason of [undefined, '', '   ', 'ok']) {
      const refused = await post(reason === undefined ? {} : { reason })
      expect(refused.status).toBe(400)
      const d = refused.data as { fieldErrors: Record<string, string[]>; values: Record<string, string> }
      expect(d.fieldErrors.reason).toEqual(['Say why this form is right for this payee (at least 10 characters), or reject it.'])
      expect(d.values.formId).toBe(form.id) // the page puts the error on this form's row
    }
    expect((await post({ reason: 'x'.repeat(501) })).status).toBe(400)
    expect((await db().select().from(schema.taxForms).where(eq(schema.taxForms.id, form.id)))[0]!.status).toBe('submitted')
    const ok = await post({ reason: 'Maya invoices through her own company, checked on the W-9 line 1.' })
    expect(ok.status).toBe(302)
    const [event] = await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.action, 'tax_form.verified'), eq(schema.auditEvents.entityId, form.id)))
    expect(event!.after).toEqual({
      status: 'verified',
      mismatches: [`The form is in the name of Chen Creative LLC, the payee is ${w.creator.name}. Verify only if you know why (a trade name, the creator's own company), and say so.`],
      reason: 'Maya invoices through her own company, checked on the W-9 line 1.',
    })
  })

  it('the form file is served only to its owner and finance: never to managers, admins, viewers or other brands', async () => {
    const w = await moneyWorld({ taxForm: false })
    const form = await submitTaxForm(w.creatorActor, taxFormRequest({ kind: 'W-9', legalName: w.creator.name, entityType: 'individual', file: pdf() }))
    const admin = await addMember(w.brand.id, 'admin')
    const viewer = await addMember(w.brand.id, 'viewer')
    const withInvoice = await createAgency({ representing: [{ creatorId: w.creator.id, scopes: ['invoice'] }] })
    const withoutInvoice = await createAgency({ representing: [{ creatorId: w.creator.id, scopes: ['submit_content', 'see_payments'] }] })
    const stranger = await moneyWorld()
    const open = async (user: { id: string }) =>
      (await call(async () => filesRoute.loader({ request: new Request(`http://greenroom.test/files/${form.fileId}`, { headers: { cookie: (await cookieFor(user))! } }), params: { id: form.fileId }, context: {} }))).status
    expect(await open(w.creatorUser)).toBe(200)
    expect(await open(w.finance)).toBe(200)
    expect(await open(withInvoice.agent)).toBe(200)
    expect(await open(w.manager)).toBe(404)
    expect(await open(admin)).toBe(404)
    expect(await open(viewer)).toBe(404)
    expect(await open(withoutInvoice.agent)).toBe(404)
    expect(await open(stranger.finance)).toBe(404)
  })

  it('refuses files that are not a PDF or image, whatever their name says', async () => {
    const w = await moneyWorld({ taxForm: false })
    const fake = new File([new TextEncoder().encode('MZ\x90\x00 not a pdf')], 'w9.pdf', { type: 'application/pdf' })
    await rejects(submitTaxForm(w.creatorActor, taxFormRequest({ kind: 'W-9', legalName: 'Maya Chen', entityType: 'individual', file: fake })), 415)
    await rejects(submitTaxForm(w.creatorActor, taxFormRequest({ kind: 'W-9', legalName: ' ', entityType: 'individual', file: pdf() })), 400)
    await rejects(submitTaxForm(w.creatorActor, taxFormRequest({ kind: 'W-9', legalName: 'Maya Chen', entityType: 'individual' })), 400)
    await rejects(submitTaxForm(w.creatorActor, taxFormRequest({ kind: 'W-2', legalName: 'Maya Chen', entityType: 'individual', file: pdf() })), 400)
    // Nothing refused left a file row behind (parse-upload's own tests prove the bytes go too).
    expect(await db().select().from(schema.files).where(eq(schema.files.creatorId, w.creator.id))).toEqual([])
  })

  it('streams through the shared upload path: the name as the payee sent it, the type from the bytes, refused fields echoed', async () => {
    const w = await moneyWorld({ taxForm: false })
    const form = await submitTaxForm(w.creatorActor, taxFormRequest({ kind: 'W-8BEN', legalName: 'Jürgen Müller', entityType: 'foreign_individual', file: pdf('Formular W-8BEN – Müller.pdf') }))
    const [file] = await db().select().from(schema.files).where(eq(schema.files.id, form.fileId))
    expect(file).toMatchObject({ purpose: 'tax_form', originalName: 'Formular W-8BEN – Müller.pdf', mimeType: 'application/pdf', sizeBytes: 20 })
    expect(form).toMatchObject({ kind: 'W-8BEN', legalName: 'Jürgen Müller', entityType: 'foreign_individual', status: 'submitted' })
    let echoed: FormData | null = null
    await rejects(submitTaxForm(w.creatorActor, taxFormRequest({ kind: 'W-9', legalName: 'x', entityType: 'individual', file: pdf() }), (f) => (echoed = f)), 400)
    expect(echoed!.get('legalName')).toBe('x')
  })
})

describe('year-end report', () => {
  it('totals paid per payee per calendar year; flags 1099-NEC at $2,000 from 2026 ($600 before) and missing verified forms', async () => {
    expect(necThresholdMinor(2025)).toBe(60_000)
    expect(necThresholdMinor(2026)).toBe(200_000)
    const w = await moneyWorld({ offer: { feeMinor: 199_999 } })
    const big = await acceptedOffer({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, feeMinor: 1 })
    const noForm = await moneyWorld({ taxForm: false, offer: { feeMinor: 70_000 } })
    const payOne = async (world: typeof w, offer: { offer: { id: string }; deliverables: { id: string }[] }, amount: number, number: string, paidOn: string, issueDate: string) => {
      const { invoice } = await submitInvoice(world.creatorActor, {
        offerId: offer.offer.id,
        number,
        issueDate,
        payeeName: world.creator.name,
        idempotencyKey: key(),
        lines: [{ deliverableId: offer.deliverables[0]!.id, amountMinor: amount }],
      })
      await decideInvoice(world.managerActor, { invoiceId: invoice.id, decision: 'approve' })
      await db().update(schema.invoices).set({ exceptionNote: 'test' }).where(eq(schema.invoices.id, invoice.id))
      await markInvoicePaid(world.financeActor, { invoiceId: invoice.id, paidOn, method: 'ach', reference: `R-${number}` })
    }
    await payOne(w, w, 199_999, 'Y-1', '2026-02-01', '2026-01-20')
    let r = await getYearEndReport(w.financeActor, 2026)
    expect(r.rows).toEqual([expect.objectContaining({ payee: w.creator.name, totalMinor: 199_999, needs1099: false, formVerified: true })])
    await payOne(w, big, 1, 'Y-2', '2026-11-20', '2026-11-01')
    r = await getYearEndReport(w.financeActor, 2026)
    expect(r.rows[0]).toMatchObject({ totalMinor: 200_000, invoices: 2, needs1099: true })
    // 2025 payments over $600 are flagged under the old threshold; a payee with no form is marked.
    await db().insert(schema.brandMembers).values({ brandId: w.brand.id, userId: noForm.finance.id, role: 'finance' })
    await payOne(noForm, noForm, 70_000, 'Z-1', '2025-12-31', '2025-12-01')
    const old = await getYearEndReport(noForm.financeActor, 2025)
    expect(old.rows).toEqual([expect.objectContaining({ totalMinor: 70_000, needs1099: true, formVerified: false })])
    expect((await getYearEndReport(noForm.financeActor, 2026)).rows).toEqual([])
  })
})
