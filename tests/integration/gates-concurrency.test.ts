/**
 * Concurrency gate (meaningful on PostgreSQL, where the two requests really run at once on two
 * connections; on PGlite they serialise and the same assertions hold): the same money or state action
 * sent twice at the same moment — a double click, two tabs, two people — has exactly one effect.
 * The other request is told (409, or a success that says nothing changed), never a 500.
 */
import { and, count, eq, ne } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { ACCESS_MATRIX, type Actor } from '#tests/access-matrix.ts'
import { buildGates, matrixForm, postAs, type Gates, type Outcome } from '#tests/gates/harness.ts'
import { createCollaboration } from '#tests/factories-posts.ts'

let g: Gates
beforeAll(async () => {
  g = await buildGates()
})

const ids = (route: string) => ACCESS_MATRIX[route]!.params!(g.ctx)
const audits = async (entityId: string, action: string) =>
  Number((await db().select({ n: count() }).from(schema.auditEvents).where(and(eq(schema.auditEvents.entityId, entityId), eq(schema.auditEvents.action, action))))[0]!.n)

/** Both answered without a 500; at least one did it; the other succeeded idempotently or got a 409. */
function oneEffect(rs: Outcome[]) {
  for (const r of rs) expect([302, 409], JSON.stringify(r.data ?? r.text).slice(0, 200)).toContain(r.status)
  expect(rs.some((r) => r.status === 302), JSON.stringify(rs.map((r) => [r.status, r.data ?? r.text])).slice(0, 400)).toBe(true)
}

async function twice(route: string, actors: [Actor, Actor], intent: string, rowIds: Record<string, string>, overrides = {}) {
  return Promise.all(actors.map((a) => postAs(g, route, a, matrixForm(g, route, intent, rowIds, overrides), rowIds)))
}

describe('the same action twice at once has one effect', () => {
  it('double approve: an invoice is approved once', async () => {
    const route = 'b+/$brand+/invoices.$invoice.tsx'
    const i = await ids(route)
    await db().update(schema.invoices).set({ status: 'submitted' }).where(eq(schema.invoices.id, i.invoice!))
    oneEffect(await twice(route, ['managerX', 'adminX'], 'approve', i))
    expect(await audits(i.invoice!, 'invoice.approved')).toBe(1)
  })

  it('double pay: mark paid twice, and mark paid racing a payment run, pay once', async () => {
    const route = 'pay+/$brand+/invoices.$invoice.tsx'
    const i = await ids(route)
    oneEffect(await twice(route, ['financeX', 'financeX'], 'mark-paid', i))
    expect(await audits(i.invoice!, 'invoice.paid')).toBe(1)

    const j = await ids(route)
    const rs = await Promise.all([
      postAs(g, route, 'financeX', matrixForm(g, route, 'mark-paid', j), j),
      postAs(g, 'pay+/$brand+/_index.tsx', 'financeX', matrixForm(g, 'pay+/$brand+/_index.tsx', 'pay-run', j), j),
    ])
    oneEffect(rs)
    expect(await audits(j.invoice!, 'invoice.paid')).toBe(1)
    const [inv] = await db().select().from(schema.invoices).where(eq(schema.invoices.id, j.invoice!))
    expect(inv!.status).toBe('paid')
  })

  it('double accept: the creator and their agent accepting at once accept once', async () => {
    const route = 'c+/$creator+/offers.$offer.tsx'
    const i = await ids(route)
    oneEffect(await twice(route, ['creatorA', 'agentOfA'], 'accept', i))
    expect(await audits(i.offer!, 'offer.accepted')).toBe(1)
    const [offer] = await db().select().from(schema.offers).where(eq(schema.offers.id, i.offer!))
    expect(offer!.status).toBe('accepted')
  })

  it('double submit: the same invoice form twice makes one invoice', async () => {
    const route = 'c+/$creator+/invoices.new.tsx'
    const i = await ids(route)
    oneEffect(await twice(route, ['creatorA', 'creatorA'], 'submit-invoice', i))
    const made = await db().select().from(schema.invoices).where(and(eq(schema.invoices.offerId, i.offer!), ne(schema.invoices.id, i.invoice!)))
    expect(made).toHaveLength(1)
  })

  it('double submit: two different invoices for the same deliverable at once: only one passes the match', async () => {
    // A second invoice for a billed deliverable is accepted but flagged (finance cannot pay it without an
    // exception): the offer row lock makes the second submit see the first one's lines.
    const route = 'c+/$creator+/invoices.new.tsx'
    const i = await ids(route)
    const rs = await Promise.all(
      ['one', 'two'].map((n) =>
        postAs(g, route, n === 'one' ? 'creatorA' : 'agentOfA', matrixForm(g, route, 'submit-invoice', i, { idempotencyKey: `gates-${n}-${i.offer}`, number: `G-${n}-${i.offer!.slice(0, 4)}` }), i),
      ),
    )
    for (const r of rs) expect(r.status).toBe(302)
    const made = await db().select().from(schema.invoices).where(and(eq(schema.invoices.offerId, i.offer!), ne(schema.invoices.id, i.invoice!)))
    expect(made).toHaveLength(2)
    // Exactly one of them carries the failed "already billed" check (the other may fail other checks).
    expect(made.filter((x) => JSON.stringify(x.match).includes('already billed'))).toHaveLength(1)
  })

  it('double submit: a live post link sent twice at once makes one post', async () => {
    const [campaign] = await db().select().from(schema.campaigns).where(eq(schema.campaigns.brandId, g.ctx.brandX.id)).limit(1)
    const c = await createCollaboration({ brandId: g.ctx.brandX.id, campaignId: campaign?.id ?? (await ids('b+/$brand+/campaigns.$campaign._index.tsx')).campaign!, creatorId: g.ctx.creatorA.id })
    const route = 'c+/$creator+/posts.$deliverable.tsx'
    const i = { deliverable: c.deliverable.id }
    oneEffect(await twice(route, ['creatorA', 'agentOfA'], 'submit', i))
    const posts = await db().select().from(schema.posts).where(eq(schema.posts.deliverableId, c.deliverable.id))
    expect(posts).toHaveLength(1)
  })
})
