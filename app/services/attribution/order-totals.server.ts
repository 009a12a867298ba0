import { sql, type SQL } from 'drizzle-orm'
import { atOnIsoDay, fromIsoDay } from '#app/domain/dates.ts'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { currencyExponent } from '#app/domain/money.ts'
import { convertMinor, RATE_SCALE, SQL_ORDER_GROSS, SQL_ORDER_NET } from '#app/domain/orders.ts'

/**
 * Orders credited to each collaboration, the one read behind the links page, the performance report
 * and the brand home. The rules are app/domain/orders.ts: money taken and kept (net of refunds),
 * cancelled/voided/unpaid/test orders out, only orders inside the campaign's attribution window, and
 * an order in another currency than the collaboration's converted at the brand's latest rate on or
 * before the order's day — or, with no such rate, reported apart in its own currency (never added in).
 */

export interface OfferOrderTotals {
  offerId: string
  creatorId: string
  campaignId: string
  currency: string
  orders: number
  grossMinor: number
  refundsMinor: number
  netMinor: number
  /** Orders that count but could not be converted: kept apart, per currency. */
  unconverted: { currency: string; orders: number; netMinor: number }[]
  /** Orders outside the attribution window (not counted). */
  outsideWindow: number
  /** Orders on record that do not count: cancelled, voided, unpaid, test or refunded in full. */
  notCounted: number
}

export interface OrderFilters {
  from?: string | null
  to?: string | null
  creatorId?: string | null
  campaignId?: string | null
  offerIds?: string[]
  /** Only the orders of collaborations (accepted, active or completed offers): the performance report's rows. */
  collaborationsOnly?: boolean
  /**
   * Only the collaborations (accepted, active or completed offers in this currency) with a post published
   * in [from, toEnd): the ones a dated performance report, and so the brand home's program row, counts.
   */
  collaborationsPosted?: { currency: string; from: Date; toEnd: Date }
}

export async function loadOrderTotals(brandId: string, f: OrderFilters = {}): Promise<Map<string, OfferOrderTotals>> {
  const conds: SQL[] = [sql`r.brand_id = ${brandId}`]
  // UTC days as instants (a bare ::date would use the server's time zone).
  if (f.from) conds.push(sql`r.ordered_at >= ${fromIsoDay(f.from).toISOString()}::timestamptz`)
  if (f.to) conds.push(sql`r.ordered_at < ${atOnIsoDay(f.to, 86_400_000).toISOString()}::timestamptz`)
  if (f.creatorId) conds.push(sql`o.creator_id = ${f.creatorId}`)
  if (f.campaignId) conds.push(sql`o.campaign_id = ${f.campaignId}`)
  if (f.offerIds) {
    if (!f.offerIds.length) return new Map()
    conds.push(sql`r.offer_id in ${f.offerIds}`)
  }
  if (f.collaborationsOnly) conds.push(sql`o.status in ('accepted', 'active', 'completed')`)
  if (f.collaborationsPosted) {
    const c = f.collaborationsPosted
    conds.push(sql`o.status in ('accepted', 'active', 'completed') and o.currency = ${c.currency}::bpchar and exists (
      select 1 from ${schema.posts} pp join ${schema.deliverables} pd on pd.id = pp.deliverable_id and pd.brand_id = pp.brand_id
      where pd.offer_id = r.offer_id and pp.brand_id = r.brand_id and pp.posted_at >= ${c.from.toISOString()}::timestamptz and pp.posted_at < ${c.toEnd.toISOString()}::timestamptz)`)
  }
  const result = await db().execute(sql`
    with w as (
      select r.offer_id, trim(o.currency) as offer_currency, trim(r.currency) as order_currency, o.creator_id, o.campaign_id,
        ${sql.raw(SQL_ORDER_GROSS)} as gross, ${sql.raw(SQL_ORDER_NET)} as net, r.ordered_at,
        case when r.source = 'link'
          then r.clicked_at is not null and r.ordered_at >= r.clicked_at and r.ordered_at <= r.clicked_at + k.attribution_window_days * interval '1 day'
          else coalesce(r.ordered_at <= (
            select max(p.posted_at) from ${schema.posts} p join ${schema.deliverables} d on d.id = p.deliverable_id
            where d.offer_id = r.offer_id and p.brand_id = r.brand_id
          ) + k.attribution_window_days * interval '1 day', true)
        end as inside
      from ${schema.redemptions} r
      join ${schema.offers} o on o.id = r.offer_id and o.brand_id = r.brand_id
      join ${schema.campaigns} k on k.id = o.campaign_id
      where ${sql.join(conds, sql` and `)}
    )
    select w.offer_id, w.offer_currency, w.order_currency, w.inside, (w.net > 0) as counted,
      case when w.order_currency = w.offer_currency then ${RATE_SCALE} else (
        select er.rate_micros from ${schema.exchangeRates} er
        where er.brand_id = ${brandId} and er.from_currency = w.order_currency and er.to_currency = w.offer_currency
          and er.effective_on <= (w.ordered_at at time zone 'UTC')::date
        order by er.effective_on desc limit 1) end as rate,
      w.creator_id, w.campaign_id,
      count(*) as n, sum(w.gross) as gross, sum(w.net) as net
    from w
    group by 1, 2, 3, 4, 5, 6, 7, 8`)
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    offer_id: string
    offer_currency: string
    order_currency: string
    inside: boolean
    counted: boolean
    rate: unknown
    creator_id: string
    campaign_id: string
    n: unknown
    gross: unknown
    net: unknown
  }[]
  const out = new Map<string, OfferOrderTotals>()
  for (const r of rows) {
    let t = out.get(r.offer_id)
    if (!t) {
      t = { offerId: r.offer_id, creatorId: r.creator_id, campaignId: r.campaign_id, currency: r.offer_currency, orders: 0, grossMinor: 0, refundsMinor: 0, netMinor: 0, unconverted: [], outsideWindow: 0, notCounted: 0 }
      out.set(r.offer_id, t)
    }
    const n = Number(r.n)
    const gross = Number(r.gross)
    const net = Number(r.net)
    if (!r.counted) {
      t.notCounted += n
      // a full refund: gross and refund both shown, net zero
      if (r.inside && gross > 0 && r.rate !== null) {
        const g = convertMinor(gross, Number(r.rate), currencyExponent(r.order_currency), currencyExponent(r.offer_currency))
        t.grossMinor += g
        t.refundsMinor += g
      }
      continue
    }
    if (!r.inside) {
      t.outsideWindow += n
      continue
    }
    if (r.rate === null) {
      const u = t.unconverted.find((x) => x.currency === r.order_currency)
      if (u) {
        u.orders += n
        u.netMinor += net
      } else t.unconverted.push({ currency: r.order_currency, orders: n, netMinor: net })
      continue
    }
    const rate = Number(r.rate)
    const from = currencyExponent(r.order_currency)
    const to = currencyExponent(r.offer_currency)
    const g = convertMinor(gross, rate, from, to)
    const nt = convertMinor(net, rate, from, to)
    t.orders += n
    t.grossMinor += g
    t.netMinor += nt
    t.refundsMinor += g - nt
  }
  return out
}
