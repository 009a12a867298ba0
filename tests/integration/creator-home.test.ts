import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { getCreatorTodos } from '#app/services/creators/get-creator-todos.server.ts'
import { getAgentTodos } from '#app/services/creators/get-agent-todos.server.ts'
import { getCreatorMoney } from '#app/services/invoices/get-creator-money.server.ts'
import { submitInvoice } from '#app/services/invoices/submit-invoice.server.ts'
import { decideInvoice } from '#app/services/invoices/decide-invoice.server.ts'
import { markInvoicePaid } from '#app/services/invoices/mark-invoice-paid.server.ts'
import { acceptedOffer, key, moneyCampaign, moneyWorld } from '#tests/factories-money.ts'
import { createCreator } from '#tests/factories.ts'

// Two weeks after the verified posts went live (2026-03-05): 7-day stats are due, 30-day not yet.
const NOW = new Date('2026-03-20T09:00:00Z')

describe('creator to-do', () => {
  it('lists every kind of item with its button and date, and drops each as it is done', async () => {
    const w = await moneyWorld({ offer: { feeMinor: 90_000, deliverables: [{}, {}, { status: 'approved' }, { status: 'pending' }, { status: 'pending' }] } })
    const [v1, v2, approved, pending, feedback] = w.deliverables
    await db().update(schema.deliverables).set({ draftDueOn: '2026-03-21', postWindowEnd: '2026-03-25' }).where(eq(schema.deliverables.id, pending!.id))
    await db().update(schema.deliverables).set({ status: 'changes_requested', draftDueOn: '2026-03-18' }).where(eq(schema.deliverables.id, feedback!.id))
    await db().update(schema.deliverables).set({ postWindowEnd: '2026-03-19' }).where(eq(schema.deliverables.id, approved!.id))
    const base = `/c/${w.creator.id}`

    const todos = await getCreatorTodos(w.creator.id, NOW)
    expect(todos.map((t) => [t.kind, t.action, t.date, t.href])).toEqual([
      ['stats_7', 'Add 7-day stats', '2026-03-12', `${base}/posts/${v1!.id}/stats`],
      ['stats_7', 'Add 7-day stats', '2026-03-12', `${base}/posts/${v2!.id}/stats`],
      ['feedback', 'Answer feedback', '2026-03-18', `${base}/deliverables/${feedback!.id}`],
      ['post_link', 'Add post link', '2026-03-19', `${base}/posts/${approved!.id}`],
      ['draft_due', 'Upload draft', '2026-03-21', `${base}/deliverables/${pending!.id}`],
      ['invoice', 'Send invoice', null, `${base}/invoices/new?offer=${w.offer.id}`],
    ].sort((a, b) => String(a[2] ?? '9999').localeCompare(String(b[2] ?? '9999'))))
    expect(todos.find((t) => t.kind === 'invoice')!.detail).toBe(`2 verified posts are ready to invoice to ${w.brand.name}.`)
    expect(new Set(todos.map((t) => t.brand))).toEqual(new Set([w.brand.name]))

    // Invoicing one verified deliverable leaves one to invoice; invoicing the other clears the item.
    const submit = (d: { id: string }, number: string) =>
      submitInvoice(w.creatorActor, { offerId: w.offer.id, number, issueDate: '2026-03-10', payeeName: w.creator.name, idempotencyKey: key(), lines: [{ deliverableId: d.id, amountMinor: 18_000 }] })
    const { invoice: first } = await submit(v1!, 'MC-1')
    expect((await getCreatorTodos(w.creator.id, NOW)).find((t) => t.kind === 'invoice')!.detail).toMatch(/^One verified post is ready/)
    // A rejected invoice does not count as invoiced.
    await decideInvoice(w.managerActor, { invoiceId: first.id, decision: 'reject', reason: 'Wrong amount' })
    expect((await getCreatorTodos(w.creator.id, NOW)).find((t) => t.kind === 'invoice')!.detail).toMatch(/^2 verified posts/)
    await submit(v1!, 'MC-2')
    await submit(v2!, 'MC-3')
    expect((await getCreatorTodos(w.creator.id, NOW)).some((t) => t.kind === 'invoice')).toBe(false)
  })

  it('an agent sees one combined list naming each creator; another creator’s items never appear in a creator’s list', async () => {
    const w = await moneyWorld({ offer: { deliverables: [{ status: 'approved' }] } })
    const other = await createCreator({ brandIds: [w.brand.id] })
    const campaign = await moneyCampaign(w.brand.id)
    await acceptedOffer({ brandId: w.brand.id, campaignId: campaign.id, creatorId: other.creator.id, deliverables: [{ status: 'pending' }] })
    expect((await getCreatorTodos(w.creator.id, NOW)).map((t) => t.kind)).toEqual(['post_link'])
    const combined = await getAgentTodos([
      { id: w.creator.id, name: w.creator.name },
      { id: other.creator.id, name: other.creator.name },
    ], NOW)
    expect(combined.map((t) => [t.kind, t.creatorName, t.href.split('/')[2]]).sort()).toEqual(
      [
        ['draft_due', other.creator.name, other.creator.id],
        ['post_link', w.creator.name, w.creator.id],
      ].sort(),
    )
  })
})

describe('money at a glance', () => {
  it('owed, invoiced and paid this year per currency, and the next expected payment', async () => {
    const w = await moneyWorld({ offer: { feeMinor: 100_000, deliverables: [{}, {}, {}] } })
    const [a, b, c] = w.deliverables
    expect(await getCreatorMoney(w.creator.id, NOW)).toEqual({ year: 2026, totals: [], next: null })
    const submit = (d: { id: string }, number: string, amountMinor: number) =>
      submitInvoice(w.creatorActor, { offerId: w.offer.id, number, issueDate: '2026-03-10', payeeName: w.creator.name, idempotencyKey: key(), lines: [{ deliverableId: d.id, amountMinor }] })
    const { invoice: i1 } = await submit(a!, 'A-1', 30_000)
    const { invoice: i2 } = await submit(b!, 'A-2', 33_000)
    const { invoice: i3 } = await submit(c!, 'A-3', 37_000)
    await decideInvoice(w.managerActor, { invoiceId: i1.id, decision: 'approve' })
    await markInvoicePaid(w.financeActor, { invoiceId: i1.id, paidOn: '2026-03-18', method: 'ach', reference: 'ACH-1' })
    await decideInvoice(w.managerActor, { invoiceId: i3.id, decision: 'reject', reason: 'Duplicate of A-2' })
    const m = await getCreatorMoney(w.creator.id, NOW)
    // Owed: A-2 only (A-1 paid, A-3 rejected). Invoiced in 2026: A-1 + A-2 = 63,000. Paid: A-1.
    expect(m.totals).toEqual([{ currency: 'USD', owedMinor: 33_000, invoicedMinor: 63_000, paidMinor: 30_000 }])
    // Due 30 days after the post was verified (2026-03-06).
    expect(m.next).toEqual({ date: i2.dueDate, brand: w.brand.name, currency: 'USD', totalMinor: 33_000 })
    expect(i2.dueDate).toBe('2026-04-05')
    // Next year, this year's payment no longer counts as "paid this year".
    expect((await getCreatorMoney(w.creator.id, new Date('2027-01-02T00:00:00Z'))).totals[0]).toMatchObject({ paidMinor: 0, invoicedMinor: 0, owedMinor: 33_000 })
    // Someone else's money is not mine.
    const stranger = await moneyWorld()
    expect((await getCreatorMoney(stranger.creator.id, NOW)).totals).toEqual([])
  })
})
