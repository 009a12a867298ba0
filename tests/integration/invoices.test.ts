import { and, asc, eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { getInvoiceDraft, splitEvenly } from '#app/services/invoices/get-invoice-draft.server.ts'
import { submitInvoice, type SubmitInvoiceInput } from '#app/services/invoices/submit-invoice.server.ts'
import { decideInvoice } from '#app/services/invoices/decide-invoice.server.ts'
import { markInvoicePaid } from '#app/services/invoices/mark-invoice-paid.server.ts'
import { createPaymentRun } from '#app/services/invoices/create-payment-run.server.ts'
import { getPaymentRunCsv } from '#app/services/invoices/get-payment-run-csv.server.ts'
import { resolveInvoiceException } from '#app/services/invoices/resolve-invoice-exception.server.ts'
import { listCreatorInvoices, listPayables } from '#app/services/invoices/list-invoices.server.ts'
import { getCreatorInvoice } from '#app/services/invoices/get-invoice.server.ts'
import { normalizeInvoiceNumber, agingBucket } from '#app/services/invoices/invoice-rules.server.ts'
import type { InvoiceMatch } from '#app/services/invoices/compute-invoice-match.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { acceptedOffer, agencyFor, brandActor, creatorActor, key, moneyWorld, taxFormFor } from '#tests/factories-money.ts'
import { addMember, createCreator } from '#tests/factories.ts'

type World = Awaited<ReturnType<typeof moneyWorld>>

function input(w: Pick<World, 'offer' | 'deliverables' | 'creator'>, over: Partial<SubmitInvoiceInput> = {}): SubmitInvoiceInput {
  return {
    offerId: w.offer.id,
    number: `INV-${Math.random().toString(36).slice(2, 8)}`,
    issueDate: '2026-03-10',
    payeeName: w.creator.name,
    idempotencyKey: key(),
    lines: w.deliverables.map((d) => ({ deliverableId: d.id, amountMinor: Math.floor(w.offer.feeMinor / w.deliverables.length) })),
    ...over,
  }
}

function check(match: unknown, id: string) {
  const c = (match as InvoiceMatch).checks.find((x) => x.id === id)
  if (!c) throw new Error(`no check ${id}`)
  return c
}

async function rejects(p: Promise<unknown>, status: number, text?: RegExp) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  )
  expect(e).toBeInstanceOf(AppError)
  expect((e as AppError).status).toBe(status)
  if (text) expect((e as AppError).message + JSON.stringify((e as AppError).fieldErrors)).toMatch(text)
}

async function audits(entityId: string) {
  return db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, entityId)).orderBy(asc(schema.auditEvents.id))
}

async function approved(w: World, over: Partial<SubmitInvoiceInput> = {}) {
  const { invoice } = await submitInvoice(w.creatorActor, input(w, over))
  await decideInvoice(w.managerActor, { invoiceId: invoice.id, decision: 'approve' })
  return invoice
}

describe('invoice draft', () => {
  it('prefills one line per deliverable, splitting the fee exactly, plus a usage line when licensed', async () => {
    const w = await moneyWorld({ offer: { feeMinor: 100_001, usageRights: 'paid', usageFeeMinor: 25_000, deliverables: [{}, {}, {}] } })
    const draft = await getInvoiceDraft(w.creatorActor, w.offer.id)
    expect(draft.lines.map((l) => [l.kind, l.amountMinor])).toEqual([
      ['deliverable', 33_334],
      ['deliverable', 33_334],
      ['deliverable', 33_333],
      ['usage', 25_000],
    ])
    expect(draft.payee).toMatchObject({ kind: 'creator', legalName: w.creator.name, taxFormStatus: 'verified' })
  })

  it('prefills only deliverables whose post is verified; the others say why they are not prefilled', async () => {
    const w = await moneyWorld({ offer: { feeMinor: 250_000, deliverables: [{ status: 'pending' }, { status: 'approved' }, { status: 'posted' }, {}] } })
    const draft = await getInvoiceDraft(w.creatorActor, w.offer.id)
    expect(draft.lines.map((l) => [l.status, l.amountMinor, l.notInvoiceable])).toEqual([
      ['pending', 62_500, 'Not prefilled: the draft is not approved yet, so nothing is delivered.'],
      ['approved', 62_500, 'Not prefilled: the draft is approved, but the live post is not added and verified yet.'],
      ['posted', 62_500, 'Not prefilled: its live post is not verified by the brand yet.'],
      ['verified', 62_500, null],
    ])
  })

  it('splitEvenly always sums to the total', () => {
    for (const [t, n] of [[100, 3], [1, 7], [999_999_999, 13], [0, 2]] as const) {
      const parts = splitEvenly(t, n)
      expect(parts.reduce((a, b) => a + b, 0)).toBe(t)
      expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1)
    }
  })

  it('another creator cannot draft an invoice for this collaboration', async () => {
    const w = await moneyWorld()
    const other = await createCreator()
    await rejects(getInvoiceDraft(creatorActor(other.creator, other.user!), w.offer.id), 404)
  })
})

describe('submitting an invoice', () => {
  it('stores a passing match, the due date from the verified post + net days, one audit event and an email to managers', async () => {
    const w = await moneyWorld({ offer: { paymentNetDays: 15, deliverables: [{ verifiedAt: new Date('2026-03-06T09:00:00Z') }] } })
    const { invoice, created } = await submitInvoice(w.creatorActor, input(w, { number: 'MC-001' }))
    expect(created).toBe(true)
    expect(invoice.matchOk).toBe(true)
    expect(invoice.dueDate).toBe('2026-03-21')
    expect(invoice.totalMinor).toBe(100_000)
    expect(invoice.payeeKey).toBe(`creator:${w.creator.id}`)
    const events = await audits(invoice.id)
    expect(events.map((e) => e.action)).toEqual(['invoice.submitted'])
    expect(events[0]!.actingForCreatorId).toBe(w.creator.id)
    const mail = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.dedupeKey, `invoice-submitted:${invoice.id}`))
    expect(mail[0]!.toAddresses).toEqual([w.manager.email.toLowerCase()])
  })

  it('has no due date while the clock-start event has not happened; invoice_received starts it on submission', async () => {
    const w = await moneyWorld({ offer: { deliverables: [{ status: 'approved' }] } })
    const { invoice } = await submitInvoice(w.creatorActor, input(w))
    expect(invoice.dueDate).toBeNull()
    const w2 = await moneyWorld({ offer: { paymentClockStart: 'invoice_received', paymentNetDays: 30 } })
    const { invoice: i2 } = await submitInvoice(w2.creatorActor, input(w2))
    const today = new Date().toISOString().slice(0, 10)
    expect(i2.dueDate).toBe(new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10))
  })

  it('is idempotent: 10 simultaneous submits with one key make one invoice', async () => {
    const w = await moneyWorld()
    const one = input(w)
    const results = await Promise.all(Array.from({ length: 10 }, () => submitInvoice(w.creatorActor, one)))
    expect(new Set(results.map((r) => r.invoice.id)).size).toBe(1)
    expect(results.filter((r) => r.created).length).toBe(1)
    const rows = await db().select().from(schema.invoices).where(eq(schema.invoices.offerId, w.offer.id))
    expect(rows).toHaveLength(1)
    const lines = await db().select().from(schema.invoiceLines).where(eq(schema.invoiceLines.invoiceId, rows[0]!.id))
    expect(lines).toHaveLength(1)
    expect((await audits(rows[0]!.id)).length).toBe(1)
  })

  it('refuses an invoice number the payee already used, compared normalised', async () => {
    expect(normalizeInvoiceNumber(' inv-0012 ')).toBe(normalizeInvoiceNumber('INV 12'))
    expect(normalizeInvoiceNumber('INV-12')).not.toBe(normalizeInvoiceNumber('INV-120'))
    const w = await moneyWorld({ offer: { deliverables: [{}, {}] } })
    await submitInvoice(w.creatorActor, input(w, { number: 'inv-0012', lines: [{ deliverableId: w.deliverables[0]!.id, amountMinor: 50_000 }] }))
    await rejects(
      submitInvoice(w.creatorActor, input(w, { number: 'INV 12', lines: [{ deliverableId: w.deliverables[1]!.id, amountMinor: 50_000 }] })),
      409,
      /already used invoice number/,
    )
  })

  it('refuses bad input with field errors: no lines, zero amounts, foreign deliverables, a deliverable twice', async () => {
    const w = await moneyWorld()
    const other = await moneyWorld()
    await rejects(submitInvoice(w.creatorActor, input(w, { lines: [] })), 400)
    await rejects(submitInvoice(w.creatorActor, input(w, { lines: [{ deliverableId: w.deliverables[0]!.id, amountMinor: 0 }] })), 400)
    await rejects(submitInvoice(w.creatorActor, input(w, { lines: [{ deliverableId: other.deliverables[0]!.id, amountMinor: 10 }] })), 400)
    const d = w.deliverables[0]!.id
    await rejects(submitInvoice(w.creatorActor, input(w, { lines: [{ deliverableId: d, amountMinor: 10 }, { deliverableId: d, amountMinor: 10 }] })), 400)
    await rejects(submitInvoice(w.creatorActor, input(w, { number: '---' })), 400, /number/)
    // Another creator cannot invoice this collaboration.
    await rejects(submitInvoice(other.creatorActor, input(w)), 404)
  })
})

describe('the match, every rule both ways', () => {
  it('contract amount: up to fee + usage fee passes, a cent more fails with the sums in words', async () => {
    const ok = await moneyWorld({ offer: { feeMinor: 100_000, usageRights: 'organic', usageFeeMinor: 20_000 } })
    const { invoice: a } = await submitInvoice(ok.creatorActor, input(ok, { lines: [{ deliverableId: ok.deliverables[0]!.id, amountMinor: 100_000 }, { deliverableId: null, amountMinor: 20_000 }] }))
    expect(check(a.match, 'contract.amount').ok).toBe(true)
    expect(check(a.match, 'contract.lines').ok).toBe(true)
    const over = await moneyWorld({ offer: { feeMinor: 100_000 } })
    const { invoice: b } = await submitInvoice(over.creatorActor, input(over, { lines: [{ deliverableId: over.deliverables[0]!.id, amountMinor: 100_001 }] }))
    expect(b.matchOk).toBe(false)
    expect(check(b.match, 'contract.amount')).toMatchObject({ ok: false, reason: expect.stringContaining('more than the agreed $1,000') })
  })

  it('contract amount counts what was invoiced before', async () => {
    const w = await moneyWorld({ offer: { feeMinor: 100_000, deliverables: [{}, {}] } })
    await submitInvoice(w.creatorActor, input(w, { lines: [{ deliverableId: w.deliverables[0]!.id, amountMinor: 60_000 }] }))
    const { invoice } = await submitInvoice(w.creatorActor, input(w, { lines: [{ deliverableId: w.deliverables[1]!.id, amountMinor: 50_000 }] }))
    expect(check(invoice.match, 'contract.amount').reason).toMatch(/Invoiced to date \$600 plus this invoice \$500 is \$1,100/)
  })

  it('contract lines: a usage line on a contract without usage rights fails', async () => {
    const w = await moneyWorld({ offer: { feeMinor: 100_000 } })
    const { invoice } = await submitInvoice(w.creatorActor, input(w, { lines: [{ deliverableId: w.deliverables[0]!.id, amountMinor: 50_000 }, { deliverableId: null, amountMinor: 10_000 }] }))
    expect(check(invoice.match, 'contract.lines')).toMatchObject({ ok: false, reason: expect.stringMatching(/licenses no usage rights/) })
  })

  it('delivery: an approved deliverable without a verified post fails; verified passes', async () => {
    const w = await moneyWorld({ offer: { deliverables: [{ status: 'posted', postStatus: 'submitted' }] } })
    const { invoice } = await submitInvoice(w.creatorActor, input(w))
    expect(check(invoice.match, 'delivery.verified')).toMatchObject({ ok: false, reason: expect.stringMatching(/Instagram reel #1 has no verified live post yet/) })
    const w2 = await moneyWorld({ offer: { deliverables: [{ status: 'pending' }] } })
    const { invoice: i2 } = await submitInvoice(w2.creatorActor, input(w2))
    expect(check(i2.match, 'delivery.verified').reason).toMatch(/is not approved yet/)
    const good = await moneyWorld()
    const { invoice: i3 } = await submitInvoice(good.creatorActor, input(good))
    expect(check(i3.match, 'delivery.verified').ok).toBe(true)
    expect(check(i3.match, 'delivery.disclosure').ok).toBe(true)
  })

  it('delivery: an open blocking disclosure finding on the post fails', async () => {
    const w = await moneyWorld({ offer: { deliverables: [{ blockingPostFinding: true }] } })
    const { invoice } = await submitInvoice(w.creatorActor, input(w))
    expect(check(invoice.match, 'delivery.disclosure')).toMatchObject({ ok: false, reason: expect.stringMatching(/open blocking disclosure finding/) })
  })

  it('payee: no form, an unverified form and a different legal name each fail', async () => {
    const none = await moneyWorld({ taxForm: false })
    const { invoice: a } = await submitInvoice(none.creatorActor, input(none))
    expect(check(a.match, 'payee.tax_form').reason).toBe('No tax form is on file for the payee.')
    const pending = await moneyWorld({ taxForm: false })
    await taxFormFor({ creatorId: pending.creator.id }, { legalName: pending.creator.name, status: 'submitted' })
    const { invoice: b } = await submitInvoice(pending.creatorActor, input(pending))
    expect(check(b.match, 'payee.tax_form').reason).toMatch(/not verified by finance yet/)
    expect(check(b.match, 'payee.legal_name').ok).toBe(true)
    const w = await moneyWorld()
    const { invoice: c } = await submitInvoice(w.creatorActor, input(w, { payeeName: 'Someone Else LLC' }))
    expect(check(c.match, 'payee.tax_form').ok).toBe(true)
    expect(check(c.match, 'payee.legal_name')).toMatchObject({ ok: false, reason: expect.stringMatching(/made out to "Someone Else LLC"/) })
    // Case and punctuation do not matter.
    const w2 = await moneyWorld()
    const { invoice: d } = await submitInvoice(w2.creatorActor, input(w2, { payeeName: `  ${w2.creator.name.toUpperCase()}. ` }))
    expect(check(d.match, 'payee.legal_name').ok).toBe(true)
  })

  it('duplicates: same payee + same amount within 30 days fails, 31 days apart passes', async () => {
    const w = await moneyWorld()
    const second = await acceptedOffer({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id })
    const third = await acceptedOffer({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id })
    const { invoice: first } = await submitInvoice(w.creatorActor, input(w, { issueDate: '2026-03-01', number: 'A-1' }))
    const { invoice: dup } = await submitInvoice(w.creatorActor, input({ ...w, ...second }, { issueDate: '2026-03-31', number: 'A-2' }))
    expect(check(dup.match, 'duplicate.amount')).toMatchObject({ ok: false, reason: expect.stringMatching(/Invoice A-1 from the same payee is for the same amount \(\$1,000\)/) })
    // 2026-03-01 -> 2026-04-01 is 31 days; but A-2 (03-31) is within 30 days of it, so use a different amount there.
    await db().update(schema.invoices).set({ status: 'rejected' }).where(eq(schema.invoices.id, dup.id))
    const { invoice: later } = await submitInvoice(w.creatorActor, input({ ...w, ...third }, { issueDate: '2026-04-01', number: 'A-3' }))
    expect(check(later.match, 'duplicate.amount').ok).toBe(true)
    expect(first.matchOk).toBe(true)
  })

  it('duplicates: the same deliverable billed twice fails (a rejected invoice frees it)', async () => {
    const w = await moneyWorld()
    const { invoice: a } = await submitInvoice(w.creatorActor, input(w, { number: 'D-1', lines: [{ deliverableId: w.deliverables[0]!.id, amountMinor: 40_000 }] }))
    const { invoice: b } = await submitInvoice(w.creatorActor, input(w, { number: 'D-2', lines: [{ deliverableId: w.deliverables[0]!.id, amountMinor: 30_000 }] }))
    expect(check(b.match, 'duplicate.deliverable')).toMatchObject({ ok: false, reason: 'Instagram reel #1 is already billed on invoice D-1.' })
    await decideInvoice(w.managerActor, { invoiceId: a.id, decision: 'reject', reason: 'Wrong amount' })
    const { invoice: c } = await submitInvoice(w.creatorActor, input(w, { number: 'D-3', issueDate: '2026-06-01', lines: [{ deliverableId: w.deliverables[0]!.id, amountMinor: 20_000 }] }))
    // b is still live, so c is still a duplicate of b; reject b too and try again.
    expect(check(c.match, 'duplicate.deliverable').reason).toMatch(/D-2/)
    await decideInvoice(w.managerActor, { invoiceId: b.id, decision: 'reject', reason: 'Duplicate' })
    await decideInvoice(w.managerActor, { invoiceId: c.id, decision: 'reject', reason: 'Duplicate' })
    const { invoice: d } = await submitInvoice(w.creatorActor, input(w, { number: 'D-4', issueDate: '2026-07-15', lines: [{ deliverableId: w.deliverables[0]!.id, amountMinor: 100_000 }] }))
    expect(check(d.match, 'duplicate.deliverable').ok).toBe(true)
    expect(d.matchOk).toBe(true)
  })

  it('duplicates: the creator and their agency both billing one deliverable fails; the agency is the payee when it invoices', async () => {
    const w = await moneyWorld()
    const { invoice: mine } = await submitInvoice(w.creatorActor, input(w, { number: 'C-1' }))
    expect(check(mine.match, 'duplicate.creator_and_agency').ok).toBe(true)
    const { agency, agent } = await agencyFor(w.creator.id, { agencyInvoices: true })
    await taxFormFor({ agencyId: agency.id }, { legalName: agency.name })
    const viaAgent = creatorActor(w.creator, agent, { kind: 'agent', agencyId: agency.id, agencyName: agency.name, scopes: ['invoice', 'see_payments'], agencyInvoices: true })
    const draft = await getInvoiceDraft(viaAgent, w.offer.id)
    expect(draft.payee).toMatchObject({ kind: 'agency', legalName: agency.name })
    const { invoice } = await submitInvoice(viaAgent, input(w, { number: 'C-1', payeeName: agency.name, issueDate: '2026-06-01' }))
    expect(invoice.payeeKey).toBe(`agency:${agency.id}`)
    expect(check(invoice.match, 'duplicate.creator_and_agency')).toMatchObject({ ok: false, reason: 'Instagram reel #1 is already billed by the creator on invoice C-1.' })
    expect(check(invoice.match, 'duplicate.deliverable').ok).toBe(true)
    expect(check(invoice.match, 'payee.legal_name').ok).toBe(true)
  })
})

describe('manager decision', () => {
  it('rejecting needs a reason; the creator and agents are emailed; both outcomes audited', async () => {
    const w = await moneyWorld()
    const { agent } = await agencyFor(w.creator.id)
    const { invoice } = await submitInvoice(w.creatorActor, input(w))
    await rejects(decideInvoice(w.managerActor, { invoiceId: invoice.id, decision: 'reject', reason: ' ' }), 400, /reason/)
    await decideInvoice(w.managerActor, { invoiceId: invoice.id, decision: 'reject', reason: 'Please split usage onto its own line' })
    const [row] = await db().select().from(schema.invoices).where(eq(schema.invoices.id, invoice.id))
    expect(row).toMatchObject({ status: 'rejected', rejectReason: 'Please split usage onto its own line' })
    expect((await audits(invoice.id)).map((e) => e.action).sort()).toEqual(['invoice.rejected', 'invoice.submitted'])
    const [mail] = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.template, 'invoice-rejected')).then((r) => r.filter((m) => m.toAddresses.includes(w.creator.email)))
    expect(mail!.ccAddresses).toEqual([agent.email.toLowerCase()])
    expect(mail!.text).toContain('Please split usage onto its own line')
    await rejects(decideInvoice(w.managerActor, { invoiceId: invoice.id, decision: 'approve' }), 409, /already rejected/)
  })

  it('a manager of another brand gets 404', async () => {
    const w = await moneyWorld()
    const other = await moneyWorld()
    const { invoice } = await submitInvoice(w.creatorActor, input(w))
    await rejects(decideInvoice(other.managerActor, { invoiceId: invoice.id, decision: 'approve' }), 404)
  })

  it('segregation of duties: the content approver may not approve the invoice, another manager may', async () => {
    const w0 = await moneyWorld({ settings: { segregationOfDuties: true } })
    const w = { ...w0, ...(await acceptedOffer({ brandId: w0.brand.id, campaignId: w0.campaign.id, creatorId: w0.creator.id, deliverables: [{ postVerifiedBy: w0.manager.id }] })) }
    const { invoice } = await submitInvoice(w.creatorActor, input(w))
    await rejects(decideInvoice(w.managerActor, { invoiceId: invoice.id, decision: 'approve' }), 403, /approved the content/)
    const second = await addMember(w.brand.id, 'manager')
    const done = await decideInvoice(brandActor(w.brand, second), { invoiceId: invoice.id, decision: 'approve' })
    expect(done.status).toBe('approved')
  })

  it('without segregation the same manager may approve content and invoice', async () => {
    const w0 = await moneyWorld()
    const w = { ...w0, ...(await acceptedOffer({ brandId: w0.brand.id, campaignId: w0.campaign.id, creatorId: w0.creator.id, deliverables: [{ draftApprovedBy: w0.manager.id }] })) }
    const { invoice } = await submitInvoice(w.creatorActor, input(w))
    expect((await decideInvoice(w.managerActor, { invoiceId: invoice.id, decision: 'approve' })).status).toBe('approved')
  })
})

describe('payment', () => {
  const pay = { paidOn: '2026-04-02', method: 'ach' as const, reference: 'ACH-7781' }

  it('20 simultaneous mark-paid attempts make exactly one payment and one audit event', async () => {
    const w = await moneyWorld()
    const invoice = await approved(w)
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => markInvoicePaid(w.financeActor, { invoiceId: invoice.id, ...pay })))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(failures).toHaveLength(19)
    for (const f of failures) expect((f.reason as AppError).status).toBe(409)
    const events = (await audits(invoice.id)).filter((e) => e.action === 'invoice.paid')
    expect(events).toHaveLength(1)
    const [row] = await db().select().from(schema.invoices).where(eq(schema.invoices.id, invoice.id))
    expect(row).toMatchObject({ status: 'paid', paymentReference: 'ACH-7781', paymentMethod: 'ach', paidByUserId: w.finance.id })
    const mails = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.template, 'invoice-paid')).then((r) => r.filter((m) => m.toAddresses.includes(w.creator.email)))
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text).toContain('ACH-7781')
  })

  it('an unmatched invoice cannot be paid until finance approves the exception with a note', async () => {
    const w = await moneyWorld({ taxForm: false })
    const invoice = await approved(w)
    await rejects(markInvoicePaid(w.financeActor, { invoiceId: invoice.id, ...pay }), 409, /failed its match/)
    await rejects(resolveInvoiceException(w.financeActor, { invoiceId: invoice.id, decision: 'approve', note: '' }), 400)
    await resolveInvoiceException(w.financeActor, { invoiceId: invoice.id, decision: 'approve', note: 'W-9 received by email, filed' })
    const paid = await markInvoicePaid(w.financeActor, { invoiceId: invoice.id, ...pay })
    expect(paid.invoice.status).toBe('paid')
    expect((await audits(invoice.id)).map((e) => e.action)).toEqual(['invoice.submitted', 'invoice.approved', 'invoice.exception_approved', 'invoice.paid'])
  })

  it('finance can send an approved invoice back; it can no longer be paid', async () => {
    const w = await moneyWorld({ taxForm: false })
    const invoice = await approved(w)
    await resolveInvoiceException(w.financeActor, { invoiceId: invoice.id, decision: 'send_back', note: 'Upload your W-9 first' })
    await rejects(markInvoicePaid(w.financeActor, { invoiceId: invoice.id, ...pay }), 409, /rejected/)
  })

  it('a submitted (not approved) invoice cannot be paid; bad payment input is a 400', async () => {
    const w = await moneyWorld()
    const { invoice } = await submitInvoice(w.creatorActor, input(w))
    await rejects(markInvoicePaid(w.financeActor, { invoiceId: invoice.id, ...pay }), 409, /not approved/)
    await rejects(markInvoicePaid(w.financeActor, { invoiceId: invoice.id, ...pay, reference: '' }), 400, /reference/)
    await rejects(markInvoicePaid(w.financeActor, { invoiceId: invoice.id, ...pay, paidOn: '2999-01-01' }), 400, /future/)
  })

  it('segregation of duties: the invoice approver may not mark it paid', async () => {
    const w = await moneyWorld({ settings: { segregationOfDuties: true } })
    const invoice = await approved(w)
    const approverAsPayer = brandActor(w.brand, w.manager, 'admin')
    await rejects(markInvoicePaid(approverAsPayer, { invoiceId: invoice.id, ...pay }), 403, /someone else/)
    expect((await markInvoicePaid(w.financeActor, { invoiceId: invoice.id, ...pay })).invoice.status).toBe('paid')
  })

  it('a payment run pays every selected invoice with one reference, all or nothing, and exports CSV', async () => {
    const w = await moneyWorld({ offer: { deliverables: [{}, {}] } })
    const a = await approved(w, { number: 'R-1', lines: [{ deliverableId: w.deliverables[0]!.id, amountMinor: 45_050 }] })
    const b = await approved(w, { number: 'R-2', issueDate: '2026-05-20', lines: [{ deliverableId: w.deliverables[1]!.id, amountMinor: 54_950 }] })
    const { invoice: c } = await submitInvoice(w.creatorActor, input({ ...w, ...(await acceptedOffer({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id })) }, { number: 'R-3' }))
    // c is not approved: the whole run fails and nothing is paid.
    await rejects(createPaymentRun(w.financeActor, { invoiceIds: [a.id, b.id, c.id], ...pay, reference: 'RUN-1' }), 409)
    const still = await db().select().from(schema.invoices).where(inArray(schema.invoices.id, [a.id, b.id]))
    expect(still.map((r) => r.status)).toEqual(['approved', 'approved'])
    expect(await db().select().from(schema.paymentRuns).where(eq(schema.paymentRuns.brandId, w.brand.id))).toHaveLength(0)

    const run = await createPaymentRun(w.financeActor, { invoiceIds: [a.id, b.id], ...pay, reference: 'RUN-1' })
    expect(run.totals).toEqual({ USD: 100_000 })
    const { csv, filename } = await getPaymentRunCsv(w.financeActor, run.run.id)
    expect(filename).toBe('payment-run-2026-04-02-RUN-1.csv')
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain(',R-1,2026-03-10,')
    expect(lines[1]!.endsWith(',USD,450.50')).toBe(true)
    expect(lines[2]!.endsWith(',USD,549.50')).toBe(true)
    const runAudit = await audits(run.run.id)
    expect(runAudit.map((e) => e.action)).toEqual(['payment_run.created'])
    // Another brand's finance cannot read the run.
    const other = await moneyWorld()
    await rejects(getPaymentRunCsv(other.financeActor, run.run.id), 404)
  })

  it("a payment run's CSV shows each payee as it was when the run was made", async () => {
    const w = await moneyWorld()
    const a = await approved(w, { number: 'SNAP-1' })
    const run = await createPaymentRun(w.financeActor, { invoiceIds: [a.id], ...pay, reference: 'RUN-SNAP' })
    const [creatorBefore] = await db().select().from(schema.creators).where(eq(schema.creators.id, w.creator.id))
    const legalBefore = String((a.match as { payeeName?: string }).payeeName ?? '')
    const csvBefore = (await getPaymentRunCsv(w.financeActor, run.run.id)).csv
    // Later the creator renames themselves and the invoice's match is recomputed with another legal name.
    await db().update(schema.creators).set({ name: 'Renamed Later' }).where(eq(schema.creators.id, w.creator.id))
    await db().update(schema.invoices).set({ match: { ...(a.match as object), payeeName: 'Other Legal Name LLC' } }).where(eq(schema.invoices.id, a.id))
    const { csv } = await getPaymentRunCsv(w.financeActor, run.run.id)
    expect(csv).toBe(csvBefore)
    const row = csv.replace(/^\uFEFF/, '').trim().split('\r\n')[1]!
    expect(row).toContain(`,${creatorBefore!.name},${legalBefore},${creatorBefore!.name},SNAP-1,`)
    expect(csv).not.toContain('Renamed Later')
    expect(csv).not.toContain('Other Legal Name LLC')
    const [stored] = await db().select().from(schema.paymentRuns).where(eq(schema.paymentRuns.id, run.run.id))
    expect(stored!.payees[a.id]).toEqual({ payee: creatorBefore!.name, payeeLegalName: legalBefore, creator: creatorBefore!.name })
  })

  it('the desk lists approved invoices oldest due first, with aging and totals by currency, and counts those waiting for approval', async () => {
    expect(agingBucket('2026-03-01', '2026-03-01')).toBe('current')
    expect(agingBucket('2026-03-01', '2026-03-02')).toBe('1-30')
    expect(agingBucket('2026-03-01', '2026-05-01')).toBe('61-90')
    expect(agingBucket(null, '2026-05-01')).toBe('no_due_date')
    const w = await moneyWorld({ offer: { deliverables: [{ verifiedAt: new Date('2026-01-10T00:00:00Z') }] } })
    const second = await acceptedOffer({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, feeMinor: 50_000, deliverables: [{ verifiedAt: new Date('2026-01-01T00:00:00Z') }] })
    await approved(w, { number: 'Q-1' })
    await approved({ ...w, ...second }, { number: 'Q-2', lines: [{ deliverableId: second.deliverables[0]!.id, amountMinor: 50_000 }] })
    expect((await listPayables(w.financeActor)).waitingApproval).toBe(0)
    // One sent but not yet approved by a manager: not on the desk, but counted as waiting for approval.
    const third = await acceptedOffer({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, feeMinor: 20_000, deliverables: [{ verifiedAt: new Date('2026-01-05T00:00:00Z') }] })
    await submitInvoice(w.creatorActor, input({ ...w, ...third }, { number: 'Q-3', lines: [{ deliverableId: third.deliverables[0]!.id, amountMinor: 20_000 }] }))
    const desk = await listPayables(w.financeActor)
    expect(desk.rows.map((r) => [r.number, r.dueDate])).toEqual([
      ['Q-2', '2026-01-31'],
      ['Q-1', '2026-02-09'],
    ])
    expect(desk.totals).toEqual({ USD: 150_000 })
    expect(desk.waitingApproval).toBe(1)
  })
})

describe('creator views', () => {
  it('creators see only their own invoices; agents without see_payments see no amounts', async () => {
    const w = await moneyWorld()
    const other = await moneyWorld()
    const { invoice } = await submitInvoice(w.creatorActor, input(w))
    await submitInvoice(other.creatorActor, input(other))
    const mine = await listCreatorInvoices(w.creatorActor)
    expect(mine.map((i) => i.id)).toEqual([invoice.id])
    await rejects(getCreatorInvoice(other.creatorActor, invoice.id), 404)
    const { agency, agent } = await agencyFor(w.creator.id, { scopes: ['invoice'] })
    const noPay = creatorActor(w.creator, agent, { kind: 'agent', agencyId: agency.id, agencyName: agency.name, scopes: ['invoice'], agencyInvoices: false })
    const list = await listCreatorInvoices(noPay)
    expect(list[0]!.totalMinor).toBeNull()
    expect((await getCreatorInvoice(noPay, invoice.id)).invoice.totalMinor).toBeNull()
    expect((await getCreatorInvoice(w.creatorActor, invoice.id)).invoice.totalMinor).toBe(100_000)
  })

  it('every money change of a full cycle is audited in its transaction', async () => {
    const w = await moneyWorld()
    const invoice = await approved(w)
    await markInvoicePaid(w.financeActor, { invoiceId: invoice.id, paidOn: '2026-04-02', method: 'wire', reference: 'W-1' })
    const events = await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.entityType, 'invoice'), eq(schema.auditEvents.entityId, invoice.id))).orderBy(asc(schema.auditEvents.id))
    expect(events.map((e) => [e.action, e.actorUserId])).toEqual([
      ['invoice.submitted', w.creatorUser.id],
      ['invoice.approved', w.manager.id],
      ['invoice.paid', w.finance.id],
    ])
  })
})
