/**
 * THE money figures of a campaign: planned, committed, invoiced, paid and remaining, for the campaign
 * and for each collaboration (one creator's offer in it). Pure: a function of ledger facts (the
 * campaign's budget, its offers, its cost entries, its invoices), so the pages, the demo seed check
 * and a maintained summary row (#18) all compute the same numbers from the same rows.
 *
 * The rules, one place:
 * - planned    = the campaign's budget.
 * - committed  = what the brand has promised or spent:
 *   - fee: each COMMITTED offer (accepted, active, completed) counts its fee. The fee is the offer's
 *     'fee' cost entries (written on acceptance by commitOffer, at the accepted fee, counters included);
 *     a committed offer with no fee entry counts its contracted fee (offer.feeMinor) instead. An offer
 *     that is invited, countered, declined, expired, withdrawn or cancelled commits no fee, and any
 *     'fee' entries it has do not count (a cancelled collaboration releases its fee; a kill fee is
 *     recorded as its own 'other' cost).
 *   - usage: each committed offer's contracted usage fee (offer.usageFeeMinor) plus 'usage' entries.
 *     A usage EXTENSION (an "extend rights" offer, kind 'usage_extension', tied to the collaboration it
 *     extends by collaborationId) is committed like any fee once accepted, and is counted as usage of
 *     the collaboration it extends.
 *   - gifting, shipping, production, commission, other: every cost entry counts, whatever the state of
 *     the offer it belongs to (a gift shipped to a creator who later declined was still spent). An entry
 *     tied to an offer is that creator's cost: it shows on their row, their profile and their
 *     collaboration's cost, even when the offer never got accepted.
 * - invoiced   = invoices submitted, approved or paid (not rejected, not void), by their total.
 * - paid       = invoices paid.
 * - remaining  = planned - committed (negative when over plan; overCommitted says so).
 * Only amounts in the campaign's currency count (the app writes every row of a campaign in it);
 * rows in another currency are left out and counted in `ignoredRows`, never converted.
 */
import { COMMITTED_OFFER_STATUSES } from './offer-terms.ts'

export const COST_KIND_ORDER = ['fee', 'usage', 'gifting', 'shipping', 'production', 'commission', 'other'] as const
export type CostKindName = (typeof COST_KIND_ORDER)[number]

/**
 * A cost named by creator ("Add a cost") is booked on that creator's offer in the campaign: any offer
 * but a withdrawn one (a gift to a creator who declined was still spent, see above). A creator with
 * no such offer in the campaign cannot carry the cost.
 */
export const OFFER_STATUSES_WITHOUT_COSTS = ['withdrawn'] as const

/** Invoice statuses that count as invoiced. */
export const INVOICED_STATUSES = ['submitted', 'approved', 'paid'] as const

export interface OfferFact {
  id: string
  creatorId: string
  status: string
  feeMinor: number
  usageFeeMinor: number
  currency: string
  /** 'offer' (default) or 'usage_extension' (an "extend rights" offer). */
  kind?: 'offer' | 'usage_extension'
  /** The collaboration an extension belongs to (its original offer's id); defaults to the offer's own id. */
  collaborationId?: string | null
}

export interface CostEntryFact {
  offerId: string | null
  kind: string
  amountMinor: number
  currency: string
}

export interface InvoiceFact {
  offerId: string
  status: string
  totalMinor: number
  currency: string
}

export interface CampaignLedgerFacts {
  budgetMinor: number
  currency: string
  offers: readonly OfferFact[]
  costEntries: readonly CostEntryFact[]
  invoices: readonly InvoiceFact[]
}

export interface MoneyFigures {
  currency: string
  plannedMinor: number
  committedMinor: number
  invoicedMinor: number
  paidMinor: number
  remainingMinor: number
  overCommitted: boolean
  /** committed by kind (only kinds with an amount). */
  byKind: Record<string, number>
}

export interface CollaborationFigures {
  /** The collaboration's offer id (extensions fold into it). */
  offerId: string
  creatorId: string
  status: string
  committed: boolean
  feeMinor: number
  usageMinor: number
  /** Product + shipping. */
  giftingMinor: number
  /** Production, commission, other. */
  otherMinor: number
  /** fee + usage + gifting + other: this collaboration's share of committed. */
  costMinor: number
  byKind: Record<string, number>
  invoicedMinor: number
  paidMinor: number
  /** Cost entries of this collaboration in the ledger (0: its cost is the contracted fee and usage fee alone). */
  ledgerRows: number
}

export interface CampaignMoney extends MoneyFigures {
  /** Collaborations that are committed or carry any counted cost or invoice. */
  collaborations: CollaborationFigures[]
  /** Rows left out because they are in another currency. */
  ignoredRows: number
}

const isCommittedStatus = (s: string) => (COMMITTED_OFFER_STATUSES as readonly string[]).includes(s)
const isInvoiced = (s: string) => (INVOICED_STATUSES as readonly string[]).includes(s)
const GIFTING = new Set(['gifting', 'shipping'])

function add(into: Record<string, number>, kind: string, amount: number) {
  if (!amount) return
  into[kind] = (into[kind] ?? 0) + amount
}

/** The money figures of one campaign from its ledger facts (see the rules above). */
export function campaignMoney(facts: CampaignLedgerFacts): CampaignMoney {
  const currency = facts.currency.trim()
  const same = (c: string) => c.trim() === currency
  let ignoredRows = 0
  const offers = new Map(facts.offers.map((o) => [o.id, o]))
  const collabOf = (o: OfferFact) => (o.kind === 'usage_extension' && o.collaborationId && offers.has(o.collaborationId) ? o.collaborationId : o.id)

  const rows = new Map<string, CollaborationFigures>()
  const row = (offerId: string): CollaborationFigures => {
    let r = rows.get(offerId)
    if (!r) {
      const o = offers.get(offerId)!
      r = {
        offerId,
        creatorId: o.creatorId,
        status: o.status,
        committed: isCommittedStatus(o.status),
        feeMinor: 0,
        usageMinor: 0,
        giftingMinor: 0,
        otherMinor: 0,
        costMinor: 0,
        byKind: {},
        invoicedMinor: 0,
        paidMinor: 0,
        ledgerRows: 0,
      }
      rows.set(offerId, r)
    }
    return r
  }
  const byKind: Record<string, number> = {}
  const charge = (offerId: string | null, kind: string, amount: number) => {
    if (!amount) return
    add(byKind, kind, amount)
    if (offerId === null) return
    const r = row(offerId)
    add(r.byKind, kind, amount)
    if (kind === 'fee') r.feeMinor += amount
    else if (kind === 'usage') r.usageMinor += amount
    else if (GIFTING.has(kind)) r.giftingMinor += amount
    else r.otherMinor += amount
    r.costMinor += amount
  }

  // Ledger fee entries per offer (in the campaign currency).
  const ledgerFee = new Map<string, number>()
  for (const e of facts.costEntries) {
    if (!same(e.currency)) {
      ignoredRows++
      continue
    }
    if (e.kind === 'fee' && e.offerId) ledgerFee.set(e.offerId, (ledgerFee.get(e.offerId) ?? 0) + e.amountMinor)
    const o = e.offerId ? offers.get(e.offerId) : undefined
    if (o && (e.kind !== 'fee' || isCommittedStatus(o.status))) row(collabOf(o)).ledgerRows++
  }

  for (const o of facts.offers) {
    // Every known offer of the campaign is a collaboration row candidate; only those with money are kept.
    if (!isCommittedStatus(o.status)) continue
    if (!same(o.currency)) {
      ignoredRows++
      continue
    }
    const target = collabOf(o)
    const fee = ledgerFee.has(o.id) ? ledgerFee.get(o.id)! : o.feeMinor
    if (o.kind === 'usage_extension') charge(target, 'usage', fee + o.usageFeeMinor)
    else {
      charge(target, 'fee', fee)
      charge(target, 'usage', o.usageFeeMinor)
    }
    row(target)
  }
  for (const e of facts.costEntries) {
    if (!same(e.currency) || e.kind === 'fee') continue
    const o = e.offerId ? offers.get(e.offerId) : undefined
    charge(o ? collabOf(o) : null, e.kind, e.amountMinor)
  }
  let invoicedMinor = 0
  let paidMinor = 0
  for (const i of facts.invoices) {
    if (!isInvoiced(i.status)) continue
    if (!same(i.currency)) {
      ignoredRows++
      continue
    }
    invoicedMinor += i.totalMinor
    if (i.status === 'paid') paidMinor += i.totalMinor
    const o = offers.get(i.offerId)
    if (!o) continue
    const r = row(collabOf(o))
    r.invoicedMinor += i.totalMinor
    if (i.status === 'paid') r.paidMinor += i.totalMinor
  }
  const committedMinor = Object.values(byKind).reduce((s, v) => s + v, 0)
  const collaborations = [...rows.values()]
  return {
    currency,
    plannedMinor: facts.budgetMinor,
    committedMinor,
    invoicedMinor,
    paidMinor,
    remainingMinor: facts.budgetMinor - committedMinor,
    overCommitted: committedMinor > facts.budgetMinor,
    byKind,
    collaborations,
    ignoredRows,
  }
}

/**
 * The figures of a campaign from its stored totals (the campaign_money summary row the database keeps,
 * migration 0022): remaining and over-plan follow from planned and committed, as in campaignMoney.
 */
export function figuresFromTotals(t: { currency: string; plannedMinor: number; committedMinor: number; invoicedMinor: number; paidMinor: number; byKind: Record<string, number> }): MoneyFigures {
  return {
    currency: t.currency.trim(),
    plannedMinor: t.plannedMinor,
    committedMinor: t.committedMinor,
    invoicedMinor: t.invoicedMinor,
    paidMinor: t.paidMinor,
    remainingMinor: t.plannedMinor - t.committedMinor,
    overCommitted: t.committedMinor > t.plannedMinor,
    byKind: { ...t.byKind },
  }
}

/** Program totals per currency: the sum of each campaign's figures (remaining and over-plan recomputed). */
export function sumMoneyFigures(lines: readonly MoneyFigures[]): MoneyFigures[] {
  const out = new Map<string, MoneyFigures>()
  for (const l of lines) {
    const p = out.get(l.currency) ?? { currency: l.currency, plannedMinor: 0, committedMinor: 0, invoicedMinor: 0, paidMinor: 0, remainingMinor: 0, overCommitted: false, byKind: {} }
    p.plannedMinor += l.plannedMinor
    p.committedMinor += l.committedMinor
    p.invoicedMinor += l.invoicedMinor
    p.paidMinor += l.paidMinor
    for (const [k, v] of Object.entries(l.byKind)) add(p.byKind, k, v)
    p.remainingMinor = p.plannedMinor - p.committedMinor
    p.overCommitted = p.committedMinor > p.plannedMinor
    out.set(l.currency, p)
  }
  return [...out.values()]
}

/**
 * The 'fee' cost entry acceptance writes (commitOffer), as a plain row: the app and the demo seed write
 * the same row, so a demo never shows a figure the app could not produce. Null for a zero fee.
 */
export function feeCostEntry(
  offer: { id: string; brandId: string; campaignId: string; currency: string },
  feeMinor: number,
  userId: string | null,
  at?: Date,
) {
  if (feeMinor <= 0) return null
  return {
    brandId: offer.brandId,
    campaignId: offer.campaignId,
    offerId: offer.id,
    kind: 'fee',
    amountMinor: feeMinor,
    currency: offer.currency,
    note: 'committed',
    createdByUserId: userId,
    ...(at ? { createdAt: at } : {}),
  }
}
