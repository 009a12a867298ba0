/**
 * Audit gate: every state transition of offers, posts, invoices, payments (and tax forms, campaigns)
 * made through its real route writes exactly one audit event for the entity, with the actor, the
 * creator acted for (creator-side actions, also when an agent acts), the IP and the user agent.
 * Table-driven on top of the access matrix's params and forms: a new transition is one row
 * (draft submission is multipart and its single audit event is checked in content-review.test.ts).
 */
import { and, desc, eq, gt, ne } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { ACCESS_MATRIX, type Actor } from '#tests/access-matrix.ts'
import type { FormSample } from '#tests/access/actors.ts'
import { buildGates, matrixForm, postAs, type Gates } from '#tests/gates/harness.ts'
import { createCollaboration } from '#tests/factories-posts.ts'
import type { InvoiceStatus } from '#app/domain/state-machines.ts'

type Ids = Record<string, string>

interface Transition {
  name: string
  /** Route module (a key of the access matrix): its params make the rows, its forms the submission. */
  route: string
  actor: Actor
  intent: string
  overrides?: FormSample
  /** Put the rows in the starting state; may return extra or replacement ids. */
  setup?: (ids: Ids, g: Gates) => Promise<Ids | void>
  entityType: string
  /** The entity's id, after the action (for entities the action creates). */
  entityId: (ids: Ids, g: Gates) => Promise<string> | string
  /** Creator-side actions record the creator acted for. */
  actingFor: boolean
}

const OFFER = 'c+/$creator+/offers.$offer.tsx'
const BRAND_OFFERS = 'b+/$brand+/campaigns.$campaign.offers.tsx'
const REVIEW = 'b+/$brand+/review.$draft.tsx'
const invoiceStatus = (status: InvoiceStatus, extra: Partial<typeof schema.invoices.$inferInsert> = {}) => async (ids: Ids) => {
  await db().update(schema.invoices).set({ status, ...extra }).where(eq(schema.invoices.id, ids.invoice!))
}
const newest = async <T>(rows: Promise<T[]>) => {
  const [r] = await rows
  if (!r) throw new Error('the action made no row')
  return r
}

let g: Gates
beforeAll(async () => {
  g = await buildGates()
})

const post = (route: string, actor: Actor, f: FormSample, ids: Ids) => postAs(g, route, actor, f, ids)
const form = (route: string, intent: string, ids: Ids, overrides: FormSample = {}) => matrixForm(g, route, intent, ids, overrides)
const counter = (ids: Ids) => post(OFFER, 'creatorA', form(OFFER, 'counter', ids), ids).then(() => undefined)

const TRANSITIONS: Transition[] = [
  // Offers
  {
    name: 'offer sent (→ invited)',
    route: BRAND_OFFERS,
    actor: 'managerX',
    intent: 'send',
    overrides: { creatorIds: ['$C'] },
    setup: async (ids) => {
      const brief = 'b+/$brand+/campaigns.$campaign.brief.tsx'
      expect((await post(brief, 'managerX', form(brief, 'publish', ids), ids)).status).toBe(302)
    },
    entityType: 'offer',
    entityId: async (ids, x) =>
      (await newest(db().select().from(schema.offers).where(and(eq(schema.offers.campaignId, ids.campaign!), eq(schema.offers.creatorId, x.foreignCreator.creatorA.id))))).id,
    actingFor: false,
  },
  { name: 'offer invited → accepted by the creator', route: OFFER, actor: 'creatorA', intent: 'accept', entityType: 'offer', entityId: (i) => i.offer!, actingFor: true },
  { name: 'offer invited → accepted by an agent', route: OFFER, actor: 'agentOfA', intent: 'accept', entityType: 'offer', entityId: (i) => i.offer!, actingFor: true },
  { name: 'offer invited → declined', route: OFFER, actor: 'creatorA', intent: 'decline', entityType: 'offer', entityId: (i) => i.offer!, actingFor: true },
  { name: 'offer invited → countered (agent)', route: OFFER, actor: 'agentOfA', intent: 'counter', entityType: 'offer', entityId: (i) => i.offer!, actingFor: true },
  { name: 'offer invited → withdrawn', route: BRAND_OFFERS, actor: 'managerX', intent: 'withdraw', entityType: 'offer', entityId: (i) => i.offer!, actingFor: false },
  { name: 'offer countered → counter accepted', route: BRAND_OFFERS, actor: 'adminX', intent: 'accept-counter', setup: counter, entityType: 'offer', entityId: (i) => i.offer!, actingFor: false },
  { name: 'offer countered → counter declined', route: BRAND_OFFERS, actor: 'managerX', intent: 'decline-counter', setup: counter, entityType: 'offer', entityId: (i) => i.offer!, actingFor: false },
  // Posts
  {
    name: 'deliverable approved → post submitted',
    route: 'c+/$creator+/posts.$deliverable.tsx',
    actor: 'agentOfA',
    intent: 'submit',
    setup: async (_ids, x) => {
      const [campaign] = await db().select().from(schema.campaigns).where(eq(schema.campaigns.brandId, x.ctx.brandX.id)).limit(1)
      const c = await createCollaboration({ brandId: x.ctx.brandX.id, campaignId: campaign!.id, creatorId: x.ctx.creatorA.id })
      return { deliverable: c.deliverable.id }
    },
    entityType: 'post',
    entityId: async (ids) => (await newest(db().select().from(schema.posts).where(eq(schema.posts.deliverableId, ids.deliverable!)))).id,
    actingFor: true,
  },
  { name: 'post submitted → verified', route: 'b+/$brand+/posts.$post.tsx', actor: 'managerX', intent: 'verify', entityType: 'post', entityId: (i) => i.post!, actingFor: false },
  { name: 'post submitted → sent back', route: 'b+/$brand+/posts.$post.tsx', actor: 'adminX', intent: 'send-back', entityType: 'post', entityId: (i) => i.post!, actingFor: false },
  // Invoices and payments
  ...(['creatorA', 'agentOfA'] as const).map(
    (actor): Transition => ({
      name: `invoice submitted by ${actor === 'creatorA' ? 'the creator' : 'an agent'}`,
      route: 'c+/$creator+/invoices.new.tsx',
      actor,
      intent: 'submit-invoice',
      entityType: 'invoice',
      entityId: async (ids) =>
        (await newest(db().select().from(schema.invoices).where(and(eq(schema.invoices.offerId, ids.offer!), ne(schema.invoices.id, ids.invoice!))).orderBy(desc(schema.invoices.createdAt)))).id,
      actingFor: true,
    }),
  ),
  { name: 'invoice submitted → approved', route: 'b+/$brand+/invoices.$invoice.tsx', actor: 'managerX', intent: 'approve', setup: invoiceStatus('submitted'), entityType: 'invoice', entityId: (i) => i.invoice!, actingFor: false },
  { name: 'invoice submitted → rejected', route: 'b+/$brand+/invoices.$invoice.tsx', actor: 'adminX', intent: 'reject', setup: invoiceStatus('submitted'), entityType: 'invoice', entityId: (i) => i.invoice!, actingFor: false },
  {
    name: 'invoice approved with a failed check → exception approved',
    route: 'pay+/$brand+/invoices.$invoice.tsx',
    actor: 'financeX',
    intent: 'approve-exception',
    setup: invoiceStatus('approved', { matchOk: false }),
    entityType: 'invoice',
    entityId: (i) => i.invoice!,
    actingFor: false,
  },
  { name: 'invoice approved → sent back by finance', route: 'pay+/$brand+/invoices.$invoice.tsx', actor: 'financeX', intent: 'send-back', entityType: 'invoice', entityId: (i) => i.invoice!, actingFor: false },
  { name: 'invoice approved → paid', route: 'pay+/$brand+/invoices.$invoice.tsx', actor: 'financeX', intent: 'mark-paid', entityType: 'invoice', entityId: (i) => i.invoice!, actingFor: false },
  { name: 'invoice approved → paid in a payment run', route: 'pay+/$brand+/_index.tsx', actor: 'financeX', intent: 'pay-run', entityType: 'invoice', entityId: (i) => i.invoice!, actingFor: false },
  // Drafts (the review decisions; a submission is multipart, see content-review.test.ts)
  { name: 'draft submitted → changes requested', route: REVIEW, actor: 'managerX', intent: 'request-changes', entityType: 'draft_version', entityId: (i) => i.draft!, actingFor: false },
  { name: 'draft submitted → approved', route: REVIEW, actor: 'adminX', intent: 'approve', entityType: 'draft_version', entityId: (i) => i.draft!, actingFor: false },
  // Tax forms and campaigns
  { name: 'tax form submitted → verified', route: 'pay+/$brand+/tax-forms.tsx', actor: 'financeX', intent: 'verify', entityType: 'tax_form', entityId: (i) => i.taxForm!, actingFor: false },
  { name: 'tax form submitted → rejected', route: 'pay+/$brand+/tax-forms.tsx', actor: 'financeX', intent: 'reject', entityType: 'tax_form', entityId: (i) => i.taxForm!, actingFor: false },
  { name: 'campaign active → completed', route: 'b+/$brand+/campaigns.$campaign._index.tsx', actor: 'managerX', intent: 'status', entityType: 'campaign', entityId: (i) => i.campaign!, actingFor: false },
]

describe('every state transition writes exactly one audit event with actor and acting-for', () => {
  for (const t of TRANSITIONS) {
    it(t.name, async () => {
      const rules = ACCESS_MATRIX[t.route]!
      let ids: Ids = rules.params ? await rules.params(g.ctx) : {}
      ids = { ...ids, ...((await t.setup?.(ids, g)) ?? {}) }
      const overrides = Object.fromEntries(Object.entries(t.overrides ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => (x === '$C' ? g.foreignCreator.creatorA.id : x)) : v]))
      const [last] = await db().select({ id: schema.auditEvents.id }).from(schema.auditEvents).orderBy(desc(schema.auditEvents.id)).limit(1)
      const r = await post(t.route, t.actor, form(t.route, t.intent, ids, overrides), ids)
      expect(r.status, `${t.name}: ${JSON.stringify(r.data ?? r.text).slice(0, 300)}`).toBe(302)
      const entityId = await t.entityId(ids, g)
      const events = await db()
        .select()
        .from(schema.auditEvents)
        .where(and(gt(schema.auditEvents.id, last?.id ?? 0), eq(schema.auditEvents.entityType, t.entityType), eq(schema.auditEvents.entityId, entityId)))
      expect(events.map((e) => e.action), `${t.name}: audit events for the ${t.entityType}`).toHaveLength(1)
      const e = events[0]!
      expect({ actor: e.actorUserId, actingFor: e.actingForCreatorId, ip: e.ip, userAgent: e.userAgent }).toEqual({
        actor: g.ctx.users[t.actor]!.id,
        actingFor: t.actingFor ? g.ctx.creatorA.id : null,
        ip: '127.0.0.1',
        userAgent: 'gates',
      })
      if (e.brandId !== null) expect(e.brandId).toBe(g.ctx.brandX.id)
    })
  }
})
