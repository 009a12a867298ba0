import { eq } from 'drizzle-orm'
import type { MatrixContext, RouteAccess } from './actors.ts'
import { CREATOR_A } from './actors.ts'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { acceptedOffer, moneyCampaign, taxFormFor } from '../factories-money.ts'

const MANAGERS = ['managerX', 'adminX'] as const
const FINANCE = ['financeX'] as const
const REPORT_VIEWERS = ['managerX', 'adminX', 'financeX', 'viewerX'] as const
const CREATOR_INVOICE = ['creatorA', 'agentOfA'] as const

/** An approved invoice of creator A at brand X, and a payment run of brand X. */
async function invoiceParams(ctx: MatrixContext) {
  const campaign = await moneyCampaign(ctx.brandX.id)
  const c = await acceptedOffer({ brandId: ctx.brandX.id, campaignId: campaign.id, creatorId: ctx.creatorA.id })
  const n = Math.random().toString(36).slice(2, 10)
  const [invoice] = await db()
    .insert(schema.invoices)
    .values({
      brandId: ctx.brandX.id,
      offerId: c.offer.id,
      creatorId: ctx.creatorA.id,
      payeeKey: `creator:${ctx.creatorA.id}`,
      number: `AM-${n}`,
      normalizedNumber: `AM${n.toUpperCase()}`,
      issueDate: '2026-03-10',
      currency: 'USD',
      subtotalMinor: 100_000,
      totalMinor: 100_000,
      status: 'approved',
      idempotencyKey: `am-${n}`,
      match: { checks: [] },
      matchOk: true,
    })
    .returning()
  const [run] = await db().insert(schema.paymentRuns).values({ brandId: ctx.brandX.id, reference: `RUN-${n}`, paidOn: '2026-04-01', method: 'ach' }).returning()
  return { invoice: invoice!.id, run: run!.id, campaign: campaign.id, offer: c.offer.id, deliverable: c.deliverables[0]!.id }
}

/** A tax form creator A submitted (waiting for finance), in creator A's name so it matches its payee. */
async function taxFormParams(ctx: MatrixContext) {
  const [creator] = await db().select({ name: schema.creators.name }).from(schema.creators).where(eq(schema.creators.id, ctx.creatorA.id))
  const form = await taxFormFor({ creatorId: ctx.creatorA.id }, { legalName: creator!.name, status: 'submitted' })
  return { taxForm: form.id }
}

const payment = { paidOn: '2026-04-01', method: 'ach', reference: 'GATES-RUN-1' }

/** Access rows for the payables routes (keyed by path under app/routes). */
export const PAYABLES_ACCESS: Record<string, RouteAccess> = {
  // Overrides the foundation row: the queue now has the bulk mark-paid action.
  'pay+/$brand+/_index.tsx': { loader: FINANCE, action: FINANCE, params: invoiceParams, forms: (ids) => [{ intent: 'pay-run', invoiceIds: [ids.invoice!], ...payment }] },
  'pay+/$brand+/invoices.$invoice.tsx': {
    loader: FINANCE,
    action: FINANCE,
    params: invoiceParams,
    forms: () => [{ intent: 'mark-paid', ...payment }, { intent: 'approve-exception', note: 'Checked by phone' }, { intent: 'send-back', note: 'Wrong amount' }],
  },
  'pay+/$brand+/runs.$run[.]csv.tsx': { loader: FINANCE, params: invoiceParams },
  'pay+/$brand+/tax-forms.tsx': {
    loader: FINANCE,
    action: FINANCE,
    params: taxFormParams,
    forms: (ids) => [{ intent: 'verify', formId: ids.taxForm! }, { intent: 'reject', formId: ids.taxForm! }],
  },
  'pay+/$brand+/year-end.tsx': { loader: FINANCE },
  'b+/$brand+/invoices._index.tsx': { loader: MANAGERS },
  'b+/$brand+/invoices.$invoice.tsx': {
    loader: MANAGERS,
    action: MANAGERS,
    params: invoiceParams,
    forms: () => [{ intent: 'approve' }, { intent: 'reject', reason: 'Wrong amount' }],
  },
  'b+/$brand+/budget.tsx': {
    loader: REPORT_VIEWERS,
    action: MANAGERS,
    params: invoiceParams,
    forms: (ids) => [{ intent: 'add-cost', campaignId: ids.campaign!, offerId: ids.offer!, kind: 'gifting', amount: '120', shipping: '15', note: 'Shoes', shippedOn: '2026-03-01', deliveredOn: '2026-03-03' }],
  },
  'b+/$brand+/settings.tsx': {
    loader: ['adminX'],
    action: ['adminX'],
    rateDecimals: { emv_impressions: 4, emv_likes: 4 },
    forms: () => [
      { jurisdiction: 'US', engagementSet: ['likes', 'comments', 'shares'], engagementRateBasis: 'reach', emv_impressions: '0.005', emv_likes: '0.10', invoiceApprovalLimit: '5,000', segregationOfDuties: 'on' },
    ],
  },
  'c+/$creator+/invoices._index.tsx': { loader: CREATOR_A, scopes: { loader: 'view' } },
  'c+/$creator+/invoices.new.tsx': {
    loader: CREATOR_INVOICE,
    action: CREATOR_INVOICE,
    scopes: { loader: 'invoice', action: 'invoice' },
    params: invoiceParams,
    forms: (ids) => [
      {
        intent: 'submit-invoice',
        offerId: ids.offer!,
        idempotencyKey: `gates-${ids.offer}-key`,
        number: `G-${ids.offer!.slice(0, 6)}`,
        issueDate: '2026-03-20',
        payeeName: 'Gates Legal Name',
        line: [ids.deliverable!],
        lineAmount: ['1000'],
      },
    ],
  },
  'c+/$creator+/invoices.tax-form.tsx': { loader: CREATOR_INVOICE, action: CREATOR_INVOICE, scopes: { loader: 'invoice', action: 'invoice' } },
  'c+/$creator+/invoices.$invoice.tsx': { loader: CREATOR_A, scopes: { loader: 'view' }, params: invoiceParams },
}
