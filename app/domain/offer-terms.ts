/**
 * Offer terms (pure, browser-safe): deliverable lines, labels, the offer life cycle, and the terms
 * written as plain sentences for the creator ("You'll be paid $1,800 within 30 days after your post is verified").
 */
import { CONNECTION_LABEL, FORMAT_LABEL, PLATFORM_LABEL, type ConnectionType, type Format, type Platform } from './catalog.ts'
import { formatMoneyExact } from './money.ts'
import { COMMITTED_OFFER_STATUSES, OPEN_OFFER_STATUSES } from './state-machines.ts'

export interface OfferDeliverableSpec {
  platform: Platform
  format: Format
  quantity: number
  /** 'YYYY-MM-DD' or null */
  draftDueOn: string | null
  postWindowStart: string | null
  postWindowEnd: string | null
}

export const PAYMENT_CLOCK_STARTS = ['post_verified', 'draft_approved', 'invoice_received'] as const
export type PaymentClockStart = (typeof PAYMENT_CLOCK_STARTS)[number]
export const PAYMENT_CLOCK_LABEL: Record<PaymentClockStart, string> = {
  post_verified: 'after the post is verified',
  draft_approved: 'after the draft is approved',
  invoice_received: 'after the invoice is received',
}
const PAYMENT_CLOCK_YOU: Record<PaymentClockStart, string> = {
  post_verified: 'after your post is verified',
  draft_approved: 'after your draft is approved',
  invoice_received: 'after the brand receives your invoice',
}

export const USAGE_RIGHTS = ['none', 'organic', 'paid'] as const
export type UsageRights = (typeof USAGE_RIGHTS)[number]
export const USAGE_LABEL: Record<UsageRights, string> = {
  none: 'No usage rights',
  organic: 'Organic repost',
  paid: 'Paid amplification',
}

/** Three deliverable line slots in the offer form (d0_*, d1_*, d2_*); empty lines are ignored. */
export const DELIVERABLE_SLOTS = 3

/** Connection types a brand can offer (employee is recorded elsewhere). */
export const OFFER_CONNECTION_TYPES = ['paid', 'gifted', 'affiliate', 'mixed'] as const satisfies readonly ConnectionType[]

// OPEN_OFFER_STATUSES / COMMITTED_OFFER_STATUSES are defined with the offer machine (./state-machines.ts).
export { OPEN_OFFER_STATUSES, COMMITTED_OFFER_STATUSES }

export function isCommitted(status: string) {
  return (COMMITTED_OFFER_STATUSES as readonly string[]).includes(status)
}

/** An open offer whose expiry has passed is expired even before a job marks it so. */
export function effectiveOfferStatus(o: { status: string; expiresAt: Date | string | null }, now = new Date()): string {
  if ((OPEN_OFFER_STATUSES as readonly string[]).includes(o.status) && o.expiresAt && new Date(o.expiresAt).getTime() <= now.getTime()) return 'expired'
  return o.status
}

export function deliverableLabel(d: { platform: string; format: string; quantity?: number }) {
  const p = PLATFORM_LABEL[d.platform as Platform] ?? d.platform
  const f = FORMAT_LABEL[d.format as Format] ?? d.format
  const q = d.quantity && d.quantity > 1 ? `${d.quantity} × ` : ''
  // "TikTok video", "YouTube video" already name their platform.
  return f.toLowerCase().includes(p.toLowerCase()) ? `${q}${f}` : `${q}${p} ${f.toLowerCase()}`
}

/** "$1,800" for whole amounts, "$1,800.50" otherwise. */
export function moneyWords(minor: number, currency: string) {
  return formatMoneyExact(minor, currency).replace(/\.00$/, '')
}

export interface OfferTermsInput {
  connectionType: string
  feeMinor: number
  currency: string
  paymentNetDays: number
  paymentClockStart: string
  usageRights: string
  usageMonths: number
  usageTerritory: string | null
  exclusivityCategory: string | null
  exclusivityMonths: number
  revisionRounds: number
  giftDescription?: string | null
}

/** The terms as sentences addressed to the creator, in the order they matter. */
export function termsSentences(t: OfferTermsInput): string[] {
  const out: string[] = []
  const clock = PAYMENT_CLOCK_YOU[t.paymentClockStart as PaymentClockStart] ?? t.paymentClockStart
  if (t.feeMinor > 0) {
    out.push(`You'll be paid ${moneyWords(t.feeMinor, t.currency)} within ${t.paymentNetDays} days ${clock}.`)
  } else {
    out.push('There is no cash fee for this collaboration.')
  }
  if (t.connectionType === 'gifted' || (t.connectionType === 'mixed' && t.giftDescription)) {
    out.push(t.giftDescription ? `You'll receive product: ${t.giftDescription}.` : "You'll receive free product from the brand.")
  }
  if (t.connectionType === 'affiliate' || (t.connectionType === 'mixed' && !t.giftDescription)) out.push('You earn a commission on sales through your link or code.')
  if (t.usageRights === 'none') out.push('The brand may not reuse your content.')
  else {
    const where = t.usageTerritory ? ` in ${t.usageTerritory}` : ''
    const months = `${t.usageMonths} month${t.usageMonths === 1 ? '' : 's'}`
    out.push(
      t.usageRights === 'paid'
        ? `The brand may run your content as paid ads${where} for ${months}.`
        : `The brand may repost your content on its own channels${where} for ${months}.`,
    )
  }
  if (t.exclusivityCategory && t.exclusivityMonths > 0) {
    out.push(`You agree not to work with other ${t.exclusivityCategory} brands for ${t.exclusivityMonths} month${t.exclusivityMonths === 1 ? '' : 's'}.`)
  } else out.push('No exclusivity: you are free to work with other brands.')
  out.push(
    t.revisionRounds === 0
      ? 'Drafts are approved as submitted (no revision rounds).'
      : `${t.revisionRounds} round${t.revisionRounds === 1 ? '' : 's'} of revisions ${t.revisionRounds === 1 ? 'is' : 'are'} included.`,
  )
  out.push(`Connection: ${CONNECTION_LABEL[t.connectionType as ConnectionType] ?? t.connectionType}.`)
  return out
}

/** Read stored JSON as deliverable specs (drops malformed lines). */
export function toDeliverableSpecs(value: unknown): OfferDeliverableSpec[] {
  if (!Array.isArray(value)) return []
  return value
    .filter((x): x is Record<string, unknown> => Boolean(x) && typeof x === 'object')
    .map((x) => ({
      platform: String(x.platform) as Platform,
      format: String(x.format) as Format,
      quantity: Number(x.quantity) || 1,
      draftDueOn: typeof x.draftDueOn === 'string' ? x.draftDueOn : null,
      postWindowStart: typeof x.postWindowStart === 'string' ? x.postWindowStart : null,
      postWindowEnd: typeof x.postWindowEnd === 'string' ? x.postWindowEnd : null,
    }))
}

// Campaign statuses and transitions live in ./state-machines.ts (campaignMachine).
