/**
 * The report_collab rows (migration 0040: the performance report's raw totals per collaboration, kept by
 * statement triggers) never drift from the facts: after a random sequence of changes — posts published, moved
 * to another deliverable, deleted; readings added and removed; offers accepted, cancelled, repriced, moved to
 * another currency; "extend rights" offers of a collaboration in the same or another campaign; cost entries of
 * every kind and currency added, changed and removed; tracked links made, clicked, unclicked and deleted; a
 * campaign's currency changed; deliverables moved; changes in a transaction that rolls back — every row equals
 * what is computed here from scratch: posts and latest counters per collaboration in TypeScript, tracked-link
 * clicks counted, and the cost and ledger rows from getMoneyFigures (app/domain/money-figures.ts, the money
 * rule's one definition). report_collab_rebuild() gives the same rows. Property-based (fast-check); PGlite and,
 * with DATABASE_URL, PostgreSQL (which also runs two transactions clicking and refreshing one collaboration at once).
 */
import { eq, sql } from 'drizzle-orm'
import fc from 'fast-check'
import postgres from 'postgres'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { COMMITTED_OFFER_STATUSES, OFFER_RECORD_STATUSES } from '#app/domain/state-machines.ts'
import { getMoneyFigures } from '#app/services/budget/get-money-figures.server.ts'
import { getReportPage } from '#app/services/reports/get-report-page.server.ts'
import { reportQuerySchema } from '#app/validation/report-filters.ts'
import { rowsOf } from '#app/services/brands/get-at-risk.server.ts'
import { createBrand, createCreator } from '#tests/factories.ts'
import { createCampaign, createCollaboration, insertPost, insertSnapshot } from '#tests/factories-posts.ts'
import { noDriftAfterAnySequence, pick, rolledBack, type Q } from '#tests/drift.ts'

const METRICS = ['impressions', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks'] as const
type Metric = (typeof METRICS)[number]
const COST_KINDS = ['fee', 'usage', 'gifting', 'shipping', 'production', 'commission', 'other'] as const
const DAY0 = Date.UTC(2026, 2, 1)
const HOUR = 3_600_000

const idx = fc.nat({ max: 1000 })
const reading = fc.record(Object.fromEntries(METRICS.map((m) => [m, fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null })])) as Record<Metric, fc.Arbitrary<number | null>>)
const currency = fc.constantFrom('USD', 'USD', 'EUR')

type Op =
  | { t: 'post'; offer: number }
  | { t: 'postDeliverable'; post: number; offer: number }
  | { t: 'postDelete'; post: number }
  | { t: 'snapshot'; post: number; hour: number; m: Record<Metric, number | null> }
  | { t: 'snapshotDelete'; snapshot: number }
  | { t: 'offerStatus'; offer: number; status: string }
  | { t: 'offerFee'; offer: number; fee: number; usage: number }
  | { t: 'offerCurrency'; offer: number; currency: string }
  | { t: 'extension'; offer: number; campaign: number; fee: number; usage: number; status: string }
  | { t: 'cost'; campaign: number; offer: number | null; kind: string; amount: number; currency: string }
  | { t: 'costChange'; cost: number; amount: number; offer: number | null }
  | { t: 'costDelete'; cost: number }
  | { t: 'link'; offer: number }
  | { t: 'click'; link: number; n: number }
  | { t: 'clickDelete'; link: number }
  | { t: 'linkDelete'; link: number }
  | { t: 'linkMove'; link: number; offer: number }
  | { t: 'campaignCurrency'; campaign: number; currency: string }
  | { t: 'deliverableMove'; deliverable: number; offer: number }
  | { t: 'offerDelete'; offer: number }
  | { t: 'rollback'; ops: Op[] }

const money = fc.integer({ min: 0, max: 500_000 })
const simpleOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('post' as const), offer: idx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('postDeliverable' as const), post: idx, offer: idx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('postDelete' as const), post: idx }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('snapshot' as const), post: idx, hour: fc.integer({ min: 0, max: 95 }), m: reading }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('snapshotDelete' as const), snapshot: idx }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('offerStatus' as const), offer: idx, status: fc.constantFrom(...OFFER_RECORD_STATUSES) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('offerFee' as const), offer: idx, fee: money, usage: money }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('offerCurrency' as const), offer: idx, currency }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('extension' as const), offer: idx, campaign: idx, fee: money, usage: money, status: fc.constantFrom('accepted', 'completed', 'invited', 'cancelled') }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('cost' as const), campaign: idx, offer: fc.option(idx, { nil: null }), kind: fc.constantFrom(...COST_KINDS), amount: money, currency }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('costChange' as const), cost: idx, amount: money, offer: fc.option(idx, { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('costDelete' as const), cost: idx }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('link' as const), offer: idx }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('click' as const), link: idx, n: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('clickDelete' as const), link: idx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('linkDelete' as const), link: idx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('linkMove' as const), link: idx, offer: idx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('campaignCurrency' as const), campaign: idx, currency }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deliverableMove' as const), deliverable: idx, offer: idx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('offerDelete' as const), offer: idx }) },
)
const anyOp: fc.Arbitrary<Op> = fc.oneof({ weight: 12, arbitrary: simpleOp }, { weight: 1, arbitrary: fc.record({ t: fc.constant('rollback' as const), ops: fc.array(simpleOp, { minLength: 1, maxLength: 4 }) }) })

interface World {
  brandId: string
  otherBrandId: string
  creatorIds: string[]
  campaigns: string[]
  offers: string[]
  deliverables: string[]
  posts: string[]
  snapshots: string[]
  costs: string[]
  links: string[]
  clicks: number
}

async function world(): Promise<World> {
  const brand = await createBrand()
  const other = await createBrand()
  const { creator } = await createCreator({ brandIds: [brand.id, other.id] })
  const { creator: second } = await createCreator({ brandIds: [brand.id] })
  const usd = await createCampaign(brand.id, { currency: 'USD' })
  const eur = await createCampaign(brand.id, { currency: 'EUR' })
  const w: World = { brandId: brand.id, otherBrandId: other.id, creatorIds: [creator.id, second.id], campaigns: [usd.id, eur.id], offers: [], deliverables: [], posts: [], snapshots: [], costs: [], links: [], clicks: 0 }
  for (const [campaign, cur, who] of [[usd, 'USD', creator], [usd, 'USD', second], [eur, 'EUR', creator]] as const) {
    const c = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: who.id, currency: cur, feeMinor: 10_000 * (w.offers.length + 1), usageFeeMinor: 500 })
    w.offers.push(c.offer.id)
    w.deliverables.push(c.deliverable.id)
  }
  // another brand's collaboration with a post, a reading and a click: never in this brand's rows, and its own stay right
  const otherCampaign = await createCampaign(other.id)
  const oc = await createCollaboration({ brandId: other.id, campaignId: otherCampaign.id, creatorId: creator.id })
  const op = await insertPost({ brandId: other.id, creatorId: creator.id, deliverableId: oc.deliverable.id, postedAt: new Date(DAY0 + 10 * HOUR) })
  await insertSnapshot(op.id, other.id, new Date(DAY0 + 20 * HOUR), { views: 777, likes: 7 })
  const [l] = await db().insert(schema.trackingLinks).values({ offerId: oc.offer.id, brandId: other.id, code: `o${Math.random().toString(36).slice(2)}`, destinationUrl: 'https://example.com/' }).returning()
  await db().insert(schema.linkClicks).values({ linkId: l!.id, brandId: other.id, day: '2026-03-02', visitorHash: 'other' })
  return w
}

const offerOf = async (q: Q, id: string) => (await q.select().from(schema.offers).where(eq(schema.offers.id, id)))[0]

async function newDeliverable(q: Q, w: World, offerIdx: number): Promise<string | null> {
  const offerId = pick(w.offers, offerIdx)
  if (!offerId) return null
  const o = await offerOf(q, offerId)
  if (!o) return null
  const [d] = await q
    .insert(schema.deliverables)
    .values({ offerId, brandId: w.brandId, campaignId: o.campaignId, creatorId: o.creatorId, platform: 'instagram', format: 'reel', status: 'posted' })
    .returning()
  w.deliverables.push(d!.id)
  return d!.id
}

async function apply(q: Q, w: World, op: Op): Promise<void> {
  switch (op.t) {
    case 'post': {
      const deliverableId = await newDeliverable(q, w, op.offer)
      if (!deliverableId) return
      const [d] = await q.select().from(schema.deliverables).where(eq(schema.deliverables.id, deliverableId))
      const [p] = await q
        .insert(schema.posts)
        .values({ brandId: w.brandId, creatorId: d!.creatorId, deliverableId, platform: 'instagram', url: `https://www.instagram.com/reel/${w.posts.length}-${Math.random().toString(36).slice(2)}/`, postedAt: new Date(DAY0) })
        .returning()
      w.posts.push(p!.id)
      return
    }
    case 'postDeliverable': {
      const id = pick(w.posts, op.post)
      const deliverableId = id ? await newDeliverable(q, w, op.offer) : null
      if (id && deliverableId) await q.update(schema.posts).set({ deliverableId }).where(eq(schema.posts.id, id))
      return
    }
    case 'postDelete': {
      const id = pick(w.posts, op.post)
      if (!id) return
      await q.delete(schema.posts).where(eq(schema.posts.id, id))
      w.posts = w.posts.filter((p) => p !== id)
      return
    }
    case 'snapshot': {
      const postId = pick(w.posts, op.post)
      if (!postId) return
      const [s] = await q.insert(schema.metricSnapshots).values({ postId, brandId: w.brandId, capturedAt: new Date(DAY0 + op.hour * HOUR), source: 'csv', ...op.m }).returning()
      w.snapshots.push(s!.id)
      return
    }
    case 'snapshotDelete': {
      const id = pick(w.snapshots, op.snapshot)
      if (!id) return
      await q.delete(schema.metricSnapshots).where(eq(schema.metricSnapshots.id, id))
      w.snapshots = w.snapshots.filter((s) => s !== id)
      return
    }
    case 'offerStatus': {
      const id = pick(w.offers, op.offer)
      if (id) await q.update(schema.offers).set({ status: op.status as never }).where(eq(schema.offers.id, id))
      return
    }
    case 'offerFee': {
      const id = pick(w.offers, op.offer)
      if (id) await q.update(schema.offers).set({ feeMinor: op.fee, usageFeeMinor: op.usage }).where(eq(schema.offers.id, id))
      return
    }
    case 'offerCurrency': {
      const id = pick(w.offers, op.offer)
      if (id) await q.update(schema.offers).set({ currency: op.currency }).where(eq(schema.offers.id, id))
      return
    }
    case 'extension': {
      const target = pick(w.offers, op.offer)
      const o = target ? await offerOf(q, target) : undefined
      if (!o) return
      const [e] = await q
        .insert(schema.offers)
        .values({ brandId: w.brandId, campaignId: pick(w.campaigns, op.campaign)!, creatorId: o.creatorId, status: op.status as never, connectionType: 'paid', feeMinor: op.fee, usageFeeMinor: op.usage, currency: o.currency, extendsOfferId: target })
        .returning()
      w.offers.push(e!.id)
      return
    }
    case 'cost': {
      const [c] = await q
        .insert(schema.costEntries)
        .values({ brandId: w.brandId, campaignId: pick(w.campaigns, op.campaign)!, offerId: op.offer === null ? null : (pick(w.offers, op.offer) ?? null), kind: op.kind, amountMinor: op.amount, currency: op.currency })
        .returning()
      w.costs.push(c!.id)
      return
    }
    case 'costChange': {
      const id = pick(w.costs, op.cost)
      if (id) await q.update(schema.costEntries).set({ amountMinor: op.amount, offerId: op.offer === null ? null : (pick(w.offers, op.offer) ?? null) }).where(eq(schema.costEntries.id, id))
      return
    }
    case 'costDelete': {
      const id = pick(w.costs, op.cost)
      if (!id) return
      await q.delete(schema.costEntries).where(eq(schema.costEntries.id, id))
      w.costs = w.costs.filter((c) => c !== id)
      return
    }
    case 'link': {
      const offerId = pick(w.offers, op.offer)
      if (!offerId) return
      const deliverableId = await newDeliverable(q, w, op.offer)
      const [l] = await q.insert(schema.trackingLinks).values({ offerId, brandId: w.brandId, deliverableId, code: `c${Math.random().toString(36).slice(2)}`, destinationUrl: 'https://example.com/' }).returning()
      w.links.push(l!.id)
      return
    }
    case 'click': {
      const linkId = pick(w.links, op.link)
      if (!linkId) return
      // one statement for several clicks: the trigger adds them all
      await q.insert(schema.linkClicks).values(Array.from({ length: op.n }, () => ({ linkId, brandId: w.brandId, day: '2026-03-02', visitorHash: `v${w.clicks++}` })))
      return
    }
    case 'clickDelete': {
      const linkId = pick(w.links, op.link)
      if (linkId) await q.execute(sql`delete from link_clicks where id = (select min(id) from link_clicks where link_id = ${linkId})`)
      return
    }
    case 'linkDelete': {
      const id = pick(w.links, op.link)
      if (!id) return
      await q.delete(schema.trackingLinks).where(eq(schema.trackingLinks.id, id))
      w.links = w.links.filter((l) => l !== id)
      return
    }
    case 'linkMove': {
      const id = pick(w.links, op.link)
      const offerId = pick(w.offers, op.offer)
      if (id && offerId) await q.update(schema.trackingLinks).set({ offerId, deliverableId: null }).where(eq(schema.trackingLinks.id, id)).catch(() => undefined)
      return
    }
    case 'campaignCurrency':
      await q.update(schema.campaigns).set({ currency: op.currency }).where(eq(schema.campaigns.id, pick(w.campaigns, op.campaign)!))
      return
    case 'deliverableMove': {
      const offerId = pick(w.offers, op.offer)
      const d = pick(w.deliverables, op.deliverable)
      const o = offerId ? await offerOf(q, offerId) : undefined
      if (o && d) await q.update(schema.deliverables).set({ offerId: o.id, campaignId: o.campaignId, creatorId: o.creatorId }).where(eq(schema.deliverables.id, d))
      return
    }
    case 'offerDelete': {
      // keep the three first collaborations: the others (extensions) may go, with what cascades from them
      const id = w.offers.length > 3 ? pick(w.offers.slice(3), op.offer) : undefined
      if (!id) return
      await q.delete(schema.offers).where(eq(schema.offers.id, id))
      w.offers = w.offers.filter((o) => o !== id)
      const left = new Set(rowsOf<{ id: string }>(await q.execute(sql`select id from deliverables where brand_id = ${w.brandId}`)).map((r) => r.id))
      w.deliverables = w.deliverables.filter((d) => left.has(d))
      const posts = new Set(rowsOf<{ id: string }>(await q.execute(sql`select id from posts where brand_id = ${w.brandId}`)).map((r) => r.id))
      w.posts = w.posts.filter((p) => posts.has(p))
      const links = new Set(rowsOf<{ id: string }>(await q.execute(sql`select id from tracking_links where brand_id = ${w.brandId}`)).map((r) => r.id))
      w.links = w.links.filter((l) => links.has(l))
      return
    }
    case 'rollback':
      await rolledBack(q, w, async (tx) => {
        for (const inner of op.ops) await apply(tx, w, inner)
      })
      return
  }
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))
const COLS = ['creator_id', 'campaign_id', 'currency', 'posts', ...METRICS.flatMap((m) => [m, `${m}_n`]), 'link_clicks', 'cost_minor', 'ledger_rows'] as const
type Row = Record<(typeof COLS)[number], string | number | null>

/** report_collab as stored, for one brand: offer id -> its row. */
async function stored(brandId: string): Promise<Record<string, Row>> {
  const rows = rowsOf<Record<string, unknown>>(await db().execute(sql`select offer_id, ${sql.raw(COLS.join(', '))} from report_collab where brand_id = ${brandId}`))
  return Object.fromEntries(rows.map((r) => [r.offer_id as string, Object.fromEntries(COLS.map((c) => [c, typeof r[c] === 'string' && c !== 'creator_id' && c !== 'campaign_id' && c !== 'currency' ? num(r[c]) : c === 'currency' ? String(r[c]).trim() : (r[c] as never)])) as Row]))
}

/** The same rows from scratch: the brand's committed offers, their posts' latest readings, clicks, and the money rule's costs. */
async function recomputed(brandId: string): Promise<Record<string, Row>> {
  const [offers, posts, clicks, money] = await Promise.all([
    db().execute(sql`select id, creator_id, campaign_id, currency, status from offers where brand_id = ${brandId}`),
    db().execute(sql`select d.offer_id, ${sql.raw(METRICS.map((m) => `pl.${m}`).join(', '))}
      from posts p join deliverables d on d.id = p.deliverable_id and d.brand_id = p.brand_id
      left join post_metrics_latest pl on pl.post_id = p.id and pl.brand_id = p.brand_id where p.brand_id = ${brandId}`),
    db().execute(sql`select l.offer_id, c.id from link_clicks c join tracking_links l on l.id = c.link_id and l.brand_id = c.brand_id where c.brand_id = ${brandId}`),
    getMoneyFigures(brandId, { costsOnly: true }),
  ])
  const costs = new Map(money.flatMap((m) => m.collaborations.map((c) => [c.offerId, c] as const)))
  const out: Record<string, Row> = {}
  for (const o of rowsOf<{ id: string; creator_id: string; campaign_id: string; currency: string; status: string }>(offers)) {
    if (!(COMMITTED_OFFER_STATUSES as readonly string[]).includes(o.status)) continue
    const c = costs.get(o.id)
    out[o.id] = { creator_id: o.creator_id, campaign_id: o.campaign_id, currency: o.currency.trim(), posts: 0, ...(Object.fromEntries(METRICS.flatMap((m) => [[m, null], [`${m}_n`, 0]])) as Record<string, null | number>), link_clicks: 0, cost_minor: c?.costMinor ?? 0, ledger_rows: c?.ledgerRows ?? 0 } as Row
  }
  for (const p of rowsOf<Record<string, unknown>>(posts)) {
    const r = out[p.offer_id as string]
    if (!r) continue
    ;(r.posts as number)++
    for (const m of METRICS) {
      const v = num(p[m])
      if (v === null) continue
      r[m] = ((r[m] as number | null) ?? 0) + v
      ;(r[`${m}_n`] as number)++
    }
  }
  for (const c of rowsOf<{ offer_id: string }>(clicks)) {
    const r = out[c.offer_id]
    if (r) (r.link_clicks as number)++
  }
  return out
}

async function expectNoDrift(w: World) {
  for (const brandId of [w.brandId, w.otherBrandId]) {
    const [have, want] = await Promise.all([stored(brandId), recomputed(brandId)])
    expect(have).toEqual(want)
  }
  // the creator and campaign sums (migration 0041) are report_collab's, grouped
  for (const [table, key] of [['report_creator', 'creator_id'], ['report_campaign', 'campaign_id']] as const) {
    const cols = 'n, ledger, cost_minor, posts, impressions, reach, views, likes, comments, shares, saves, clicks, link_clicks'
    const kept = rowsOf<Record<string, unknown>>(await db().execute(sql`select brand_id, trim(currency) as currency, ${sql.raw(key)} as k, ${sql.raw(cols)} from ${sql.raw(table)} where brand_id in (${w.brandId}, ${w.otherBrandId}) order by 1, 2, 3`))
    const grouped = rowsOf<Record<string, unknown>>(
      await db().execute(sql`select brand_id, trim(currency) as currency, ${sql.raw(key)} as k, count(*) as n, count(*) filter (where ledger_rows > 0) as ledger, sum(cost_minor) as cost_minor, sum(posts) as posts,
        sum(impressions) as impressions, sum(reach) as reach, sum(views) as views, sum(likes) as likes, sum(comments) as comments, sum(shares) as shares, sum(saves) as saves, sum(clicks) as clicks, sum(link_clicks) as link_clicks
        from report_collab where brand_id in (${w.brandId}, ${w.otherBrandId}) group by 1, 2, 3 order by 1, 2, 3`),
    )
    const norm = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : typeof v === 'number' || typeof v === 'bigint' ? Number(v) : v])))
    expect(norm(kept), table).toEqual(norm(grouped))
  }
  // and the Reports page read from them equals the page computed from the facts (tests/integration/report-page.test.ts)
  const [brand] = await db().select().from(schema.brands).where(eq(schema.brands.id, w.brandId))
  for (const view of ['creators', 'collaborations', 'campaigns'] as const) {
    const q = reportQuerySchema.parse({ view })
    expect(await getReportPage(brand!, q, undefined, { kept: true })).toEqual(await getReportPage(brand!, q, undefined, { kept: false }))
  }
  // the rebuild is the same definition: it changes nothing
  const before = await stored(w.brandId)
  await db().transaction(async (tx) => {
    const groups = sql`select string_agg(g::text, ';' order by g::text) as s from (select * from report_creator where brand_id = ${w.brandId} union all select * from report_campaign where brand_id = ${w.brandId}) g`
    const beforeGroups = rowsOf<{ s: string | null }>(await tx.execute(groups))[0]!.s
    await tx.execute(sql`select report_collab_rebuild()`)
    const rows = rowsOf<{ n: unknown }>(await tx.execute(sql`select count(*) as n from report_collab where brand_id = ${w.brandId}`))
    expect(Number(rows[0]!.n)).toBe(Object.keys(before).length)
    expect(rowsOf<{ s: string | null }>(await tx.execute(groups))[0]!.s).toBe(beforeGroups)
  })
  expect(await stored(w.brandId)).toEqual(before)
}

describe('report_collab (the performance report’s kept totals per collaboration)', () => {
  it('follows a collaboration’s posts, readings, clicks and costs, including an extension’s usage and a cancelled offer', async () => {
    const w = await world()
    const [usdOffer] = w.offers
    await apply(db(), w, { t: 'post', offer: 0 })
    await insertSnapshot(w.posts[0]!, w.brandId, new Date(DAY0 + 30 * HOUR), { views: 100, likes: 10 })
    await insertSnapshot(w.posts[0]!, w.brandId, new Date(DAY0 + 40 * HOUR), { views: 250, likes: 20, reach: null })
    await apply(db(), w, { t: 'link', offer: 0 })
    await apply(db(), w, { t: 'click', link: 0, n: 3 })
    let row = (await stored(w.brandId))[usdOffer!]!
    // the fee of 10,000 and the usage fee of 500 (no ledger rows): 10,500; the latest reading; three clicks
    expect(row).toMatchObject({ posts: 1, views: 250, views_n: 1, likes: 20, likes_n: 1, reach: null, reach_n: 0, link_clicks: 3, cost_minor: 10_500, ledger_rows: 0 })
    // a ledger fee replaces the contracted fee; a gift adds; an "extend rights" offer is this collaboration's usage
    await apply(db(), w, { t: 'cost', campaign: 0, offer: 0, kind: 'fee', amount: 9_000, currency: 'USD' })
    await apply(db(), w, { t: 'cost', campaign: 0, offer: 0, kind: 'gifting', amount: 1_234, currency: 'USD' })
    await apply(db(), w, { t: 'cost', campaign: 0, offer: 0, kind: 'gifting', amount: 99_999, currency: 'EUR' })
    await apply(db(), w, { t: 'extension', offer: 0, campaign: 0, fee: 2_000, usage: 300, status: 'accepted' })
    row = (await stored(w.brandId))[usdOffer!]!
    expect(row).toMatchObject({ cost_minor: 9_000 + 500 + 1_234 + 2_300, ledger_rows: 2 })
    // cancelled: the collaboration leaves the report; accepted again: it is back with the same totals
    await apply(db(), w, { t: 'offerStatus', offer: 0, status: 'cancelled' })
    expect((await stored(w.brandId))[usdOffer!]).toBeUndefined()
    await apply(db(), w, { t: 'offerStatus', offer: 0, status: 'accepted' })
    expect((await stored(w.brandId))[usdOffer!]).toMatchObject({ posts: 1, views: 250, link_clicks: 3, cost_minor: 13_034 })
    await expectNoDrift(w)
  })

  it('never drifts from the figures recomputed from scratch, after any sequence of changes', async () => {
    await noDriftAfterAnySequence({ anyOp, world, apply, expectNoDrift, numRuns: 25 })
  }, 180_000)

  it.runIf(Boolean(process.env.DATABASE_URL))('keeps every click and reading when they and a refresh of one collaboration commit at the same time (PostgreSQL)', async () => {
    const w = await world()
    await apply(db(), w, { t: 'post', offer: 0 })
    await apply(db(), w, { t: 'link', offer: 0 })
    const linkId = w.links[0]!
    const a = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
    const b = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
    const reading = (tx: postgres.TransactionSql, n: number) =>
      tx`insert into metric_snapshots (id, post_id, brand_id, captured_at, source, views) values (${`race-${n}-${Math.random().toString(36).slice(2)}`}, ${w.posts[0]!}, ${w.brandId}, ${new Date(DAY0 + (50 + n) * HOUR)}, 'csv', ${n})`
    try {
      await Promise.all([a`select 1`, b`select 1`]) // connected before the race, so b's statement starts while a waits
      for (let round = 0; round < 4; round++) {
        // a's reading refreshes the collaboration's row and stays uncommitted while b clicks (round 0, 2) or reads
        // (1, 3) on the same collaboration: without the lock, b's click would add to a row a replaced (lost),
        // and b's refresh would insert a second row for it (a duplicate key)
        let refreshed!: () => void
        const aRefreshed = new Promise<void>((r) => (refreshed = r))
        const ta = a.begin(async (tx) => {
          await reading(tx, 10 * round)
          refreshed()
          await new Promise((r) => setTimeout(r, 400))
        })
        await aRefreshed
        const tb = b.begin(async (tx) => {
          if (round % 2 === 0) await tx`insert into link_clicks (link_id, brand_id, day, visitor_hash) values (${linkId}, ${w.brandId}, '2026-03-03', ${`race-${round}`})`
          else await reading(tx, 10 * round + 1)
        })
        await Promise.all([ta, tb])
        // after every round, not only at the end: a later refresh would recount a lost click
        expect((await stored(w.brandId))[w.offers[0]!]).toEqual((await recomputed(w.brandId))[w.offers[0]!])
      }
    } finally {
      await a.end()
      await b.end()
    }
    expect((await stored(w.brandId))[w.offers[0]!]).toMatchObject({ link_clicks: 2, views: 31 })
    await expectNoDrift(w)
  }, 60_000)
})
