import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import * as settingsRoute from '#app/routes/b+/$brand+/settings.tsx'
import { reportSettings } from '#app/domain/report-metrics.ts'
import { invoiceControls } from '#app/domain/brand-settings.ts'
import { submitInvoice } from '#app/services/invoices/submit-invoice.server.ts'
import { decideInvoice } from '#app/services/invoices/decide-invoice.server.ts'
import { verifyTaxForm } from '#app/services/tax/verify-tax-form.server.ts'
import { verifyPost } from '#app/services/posts/verify-post.server.ts'
import { postAttestations } from '#app/services/posts/post-checks.server.ts'
import type { InvoiceMatch } from '#app/services/invoices/compute-invoice-match.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { brandActor, key, moneyWorld, taxFormFor } from '#tests/factories-money.ts'
import { addMember, call, cookieFor, makeRequest } from '#tests/factories.ts'

const GOOD = {
  jurisdiction: 'UK',
  engagementSet: ['likes', 'comments', 'saves'],
  engagementRateBasis: 'views',
  emv_impressions: '0.005',
  emv_views: '0.02',
  emv_likes: '0.25',
  emv_comments: '',
  emv_shares: '1',
  emv_saves: '0.5',
  emv_postClicks: '$1.10',
  invoiceApprovalLimit: '2,500.00',
  segregationOfDuties: 'on',
}

async function save(user: { id: string }, slug: string, form: Record<string, string | string[]>) {
  const cookie = await cookieFor(user)
  return call(() => settingsRoute.action({ request: makeRequest(`/b/${slug}/settings`, { cookie, form }), params: { brand: slug }, context: {} }))
}

async function rejects(p: Promise<unknown>, status: number, text?: RegExp) {
  const e = await p.then(() => null, (err: unknown) => err)
  expect(e).toBeInstanceOf(AppError)
  expect((e as AppError).status).toBe(status)
  if (text) expect((e as AppError).message).toMatch(text)
}

const failed = (inv: { match: unknown }) => (inv.match as InvoiceMatch).checks.filter((c) => !c.ok).map((c) => c.id)

describe('brand settings', () => {
  it('an admin saves them; reports and invoice controls read them; one audit event with before and after', async () => {
    const w = await moneyWorld({ settings: { somethingElse: 7 } })
    const admin = await addMember(w.brand.id, 'admin')
    const r = await save(admin, w.brand.slug, GOOD)
    expect(r.status).toBe(302)
    const [brand] = await db().select().from(schema.brands).where(eq(schema.brands.id, w.brand.id))
    expect(brand!.jurisdiction).toBe('UK')
    expect(brand!.settings.somethingElse).toBe(7)
    expect(reportSettings(brand!.settings)).toEqual({
      engagementSet: ['likes', 'comments', 'saves'],
      rateBasis: 'views',
      // Minor units per action: $0.005 = 0.5 cents, $1.10 = 110 cents; the empty comment value is left out.
      emvValues: { impressions: 0.5, views: 2, likes: 25, shares: 100, saves: 50, postClicks: 110 },
    })
    expect(invoiceControls(brand!.settings)).toEqual({ approvalLimitMinor: 250_000, segregationOfDuties: true })
    const audit = await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, w.brand.id)).orderBy(asc(schema.auditEvents.id))
    expect(audit.map((a) => [a.action, a.actorUserId])).toEqual([['brand.settings_updated', admin.id]])
    expect((audit[0]!.before as { jurisdiction: string }).jurisdiction).toBe('US')

    // The page shows the saved values back, exactly.
    const page = await call(async () => settingsRoute.loader({ request: makeRequest(`/b/${w.brand.slug}/settings`, { cookie: await cookieFor(admin) }), params: { brand: w.brand.slug }, context: {} }))
    expect(page.data).toMatchObject({ approvalLimit: '2500.00', segregationOfDuties: true, emv: { impressions: '0.005', postClicks: '1.1', comments: '' } })

    // Unticking segregation and clearing the limit turns both off.
    await save(admin, w.brand.slug, { ...GOOD, invoiceApprovalLimit: '', segregationOfDuties: [] })
    const [after] = await db().select().from(schema.brands).where(eq(schema.brands.id, w.brand.id))
    expect(invoiceControls(after!.settings)).toEqual({ approvalLimitMinor: null, segregationOfDuties: false })
  })

  it('refuses bad values with a message per field and changes nothing; managers get 403', async () => {
    const w = await moneyWorld()
    const admin = await addMember(w.brand.id, 'admin')
    const r = await save(admin, w.brand.slug, { ...GOOD, emv_likes: 'a lot', invoiceApprovalLimit: '-5', engagementSet: [], jurisdiction: 'ES' })
    expect(r.status).toBe(400)
    const errors = (r.data as { fieldErrors: Record<string, string[]> }).fieldErrors
    expect(Object.keys(errors).sort()).toEqual(['emv_likes', 'engagementSet', 'invoiceApprovalLimit', 'jurisdiction'])
    expect(errors.invoiceApprovalLimit![0]).toMatch(/negative/)
    expect((await save(w.manager, w.brand.slug, GOOD)).status).toBe(403)
    const [brand] = await db().select().from(schema.brands).where(eq(schema.brands.id, w.brand.id))
    expect([brand!.jurisdiction, brand!.settings]).toEqual(['US', {}])
  })
})

describe('invoice approval limit', () => {
  it('a manager approves up to the limit; above it (or in another currency) only an admin', async () => {
    const w = await moneyWorld({ settings: { invoiceApprovalLimitMinor: 60_000 }, offer: { feeMinor: 100_000, deliverables: [{}, {}] } })
    const admin = await addMember(w.brand.id, 'admin')
    const adminActor = brandActor(w.brand, admin, 'admin')
    const submit = (amountMinor: number, deliverableId: string) =>
      submitInvoice(w.creatorActor, { offerId: w.offer.id, number: `L-${key()}`, issueDate: '2026-03-10', payeeName: w.creator.name, idempotencyKey: key(), lines: [{ deliverableId, amountMinor }] })
    const { invoice: small } = await submit(60_000, w.deliverables[0]!.id)
    expect((await decideInvoice(w.managerActor, { invoiceId: small.id, decision: 'approve' })).status).toBe('approved')
    const { invoice: big } = await submit(40_001 + 20_000, w.deliverables[1]!.id)
    await rejects(decideInvoice(w.managerActor, { invoiceId: big.id, decision: 'approve' }), 403, /\$600\.01, above the \$600\.00 managers may approve/)
    // Rejecting is not limited.
    const [still] = await db().select().from(schema.invoices).where(eq(schema.invoices.id, big.id))
    expect(still!.status).toBe('submitted')
    expect((await decideInvoice(adminActor, { invoiceId: big.id, decision: 'approve' })).approvedByUserId).toBe(admin.id)

    const eur = await moneyWorld({ settings: { invoiceApprovalLimitMinor: 60_000 }, offer: { feeMinor: 10_000, currency: 'EUR' } })
    const { invoice: e } = await submitInvoice(eur.creatorActor, { offerId: eur.offer.id, number: 'E-1', issueDate: '2026-03-10', payeeName: eur.creator.name, idempotencyKey: key(), lines: [{ deliverableId: eur.deliverables[0]!.id, amountMinor: 10_000 }] })
    await rejects(decideInvoice(eur.managerActor, { invoiceId: e.id, decision: 'approve' }), 403, /in EUR, so an admin must approve/)
    expect((await decideInvoice(eur.managerActor, { invoiceId: e.id, decision: 'reject', reason: 'Wrong currency' })).status).toBe('rejected')
  })
})

describe('re-matching open invoices', () => {
  it('verifying the payee’s tax form re-runs the stored match at once, with an audit event', async () => {
    const w = await moneyWorld({ taxForm: false })
    const form = await taxFormFor({ creatorId: w.creator.id }, { legalName: w.creator.name, status: 'submitted' })
    const { invoice } = await submitInvoice(w.creatorActor, { offerId: w.offer.id, number: 'T-1', issueDate: '2026-03-10', payeeName: w.creator.name, idempotencyKey: key(), lines: [{ deliverableId: w.deliverables[0]!.id, amountMinor: 100_000 }] })
    expect(failed(invoice)).toEqual(['payee.tax_form'])
    expect(invoice.matchOk).toBe(false)
    await verifyTaxForm(w.financeActor, { formId: form.id, decision: 'verify' })
    const [after] = await db().select().from(schema.invoices).where(eq(schema.invoices.id, invoice.id))
    expect([after!.matchOk, failed(after!)]).toEqual([true, []])
    const audit = await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, invoice.id)).orderBy(asc(schema.auditEvents.id))
    expect(audit.map((a) => a.action)).toEqual(['invoice.submitted', 'invoice.rematched'])
  })

  it('verifying the live post passes the delivery check and starts the payment clock', async () => {
    const w = await moneyWorld({ offer: { paymentNetDays: 15, deliverables: [{ status: 'posted' }] } })
    const { invoice } = await submitInvoice(w.creatorActor, { offerId: w.offer.id, number: 'P-1', issueDate: '2026-03-10', payeeName: w.creator.name, idempotencyKey: key(), lines: [{ deliverableId: w.deliverables[0]!.id, amountMinor: 100_000 }] })
    expect(failed(invoice)).toEqual(['delivery.verified'])
    expect(invoice.dueDate).toBeNull()
    const [post] = await db().select().from(schema.posts).where(eq(schema.posts.deliverableId, w.deliverables[0]!.id))
    await verifyPost(w.managerActor, { postId: post!.id, attestations: postAttestations('instagram', 'reel').map((a) => a.id) })
    const [after] = await db().select().from(schema.invoices).where(eq(schema.invoices.id, invoice.id))
    expect(after!.matchOk).toBe(true)
    const today = new Date()
    expect(after!.dueDate).toBe(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 15)).toISOString().slice(0, 10))
  })
})
