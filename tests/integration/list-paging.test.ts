/**
 * Paging of the payables desk and the per-creator report page (issue #18): one screen of rows per page
 * from a keyset cursor, Next from the first page to the last lists every row once in the page's order,
 * Previous walks back to the same pages, a tampered cursor (or another list's) is the first page, and
 * the figures at the top are of the whole set on every page, not of the rows shown.
 */
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { addDays, fromIsoDay, toIsoDay } from '#app/domain/dates.ts'
import { encodeKeysetCursor } from '#app/domain/keyset-cursor.ts'
import { listPayables } from '#app/services/invoices/list-invoices.server.ts'
import { listRightsPage } from '#app/services/contracts/list-rights.server.ts'
import { createCampaign, createCollaboration } from '#tests/factories-posts.ts'
import { addMember, call, cookieFor, createBrand, createCreator, makeRequest, uid } from '#tests/factories.ts'
import { chunks, walkPages as walk } from '#tests/paging.ts'
import * as payablesRoute from '#app/routes/pay+/$brand+/_index.tsx'
import * as reportsRoute from '#app/routes/b+/$brand+/reports._index.tsx'
import * as rightsRoute from '#app/routes/b+/$brand+/rights.tsx'
import * as exportRoute from '#app/routes/b+/$brand+/reports.export[.]csv.tsx'

const today = toIsoDay(new Date())
const daysAgo = (n: number) => toIsoDay(addDays(fromIsoDay(today), -n))

describe('payables desk paging', () => {
  it('one screen of approved invoices oldest due first; the totals and aging figures are of all of them', async () => {
    const brand = await createBrand()
    const finance = await addMember(brand.id, 'finance')
    const campaign = await createCampaign(brand.id)
    const { creator } = await createCreator({ brandIds: [brand.id] })
    const c = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id })
    const insert = async (status: 'approved' | 'submitted' | 'paid', dueDate: string | null, issueDate: string, totalMinor: number, currency = 'USD') => {
      const n = uid()
      const [i] = await db()
        .insert(schema.invoices)
        .values({ brandId: brand.id, offerId: c.offer.id, creatorId: creator.id, payeeKey: `creator:${creator.id}`, number: n, normalizedNumber: n, issueDate, dueDate, currency, subtotalMinor: totalMinor, totalMinor, status, idempotencyKey: `k-${uid()}${uid()}` })
        .returning()
      return i!
    }
    const a = [
      await insert('approved', daysAgo(100), '2025-01-01', 10_000), // 0: 90+
      await insert('approved', daysAgo(45), '2025-01-02', 20_000), // 1: 31-60
      await insert('approved', daysAgo(1), '2025-01-03', 30_000, 'EUR'), // 2: 1-30
      await insert('approved', today, '2025-01-04', 40_000), // 3: current (due today)
      await insert('approved', null, '2025-01-05', 50_000), // 4: no due date (last)
      await insert('approved', daysAgo(-10), '2025-01-06', 60_000), // 5: current
      await insert('approved', daysAgo(45), '2025-01-01', 70_000), // 6: 31-60, issued earlier than [1]
    ]
    await insert('submitted', daysAgo(5), '2025-01-01', 999) // waiting for approval: not on the desk
    await insert('paid', daysAgo(5), '2025-01-01', 888) // paid: not on the desk
    // By hand: due 100 days ago [0]; 45 days ago issued 01-01 [6], issued 01-02 [1]; yesterday [2]; today [3]; in 10 days [5]; undated [4].
    const expected = [0, 6, 1, 2, 3, 5, 4].map((i) => a[i]!.id)
    const { forward, backward } = await walk((cursor) => listPayables({ brand }, { cursor, size: 3 }), (r) => r.id)
    expect(forward).toEqual(chunks(expected, 3))
    expect(backward).toEqual(forward)

    // The figures are the same on every page: every approved invoice, summed by hand.
    const whole = { count: 7, totals: { USD: 250_000, EUR: 30_000 }, waitingApproval: 1 }
    const buckets = {
      '90+': { count: 1, totals: { USD: 10_000 } },
      '31-60': { count: 2, totals: { USD: 90_000 } },
      '1-30': { count: 1, totals: { EUR: 30_000 } },
      current: { count: 2, totals: { USD: 100_000 } },
      no_due_date: { count: 1, totals: { USD: 50_000 } },
    }
    const first = await listPayables({ brand }, { size: 3 })
    const last = await listPayables({ brand }, { size: 3, cursor: (await listPayables({ brand }, { size: 3, cursor: first.nextCursor })).nextCursor })
    expect(last.rows.map((r) => r.id)).toEqual([a[4]!.id])
    expect(last.nextCursor).toBeNull()
    for (const page of [first, last]) {
      expect({ count: page.count, totals: page.totals, waitingApproval: page.waitingApproval }).toEqual(whole)
      expect(page.buckets).toEqual(buckets)
    }

    // A tampered cursor, another list's cursor, or one of the wrong shape: the first page.
    for (const bad of ['nope', first.nextCursor!.slice(0, -2) + 'zz', encodeKeysetCursor({ list: 'invoices:approved', v: ['2026-01-01', '2026-01-01'], id: a[0]!.id, d: 'next' }), encodeKeysetCursor({ list: 'payables', v: ['x', 'y'], id: a[0]!.id, d: 'next' })]) {
      expect((await listPayables({ brand }, { cursor: bad, size: 3 })).rows.map((r) => r.id)).toEqual(expected.slice(0, 3))
    }

    // The page: one screen (all 7 fit), the figures, and a cursor that does not parse is the first page, not a 500.
    const cookie = await cookieFor(finance)
    const load = (q: string) => call(() => payablesRoute.loader({ request: makeRequest(`/pay/${brand.slug}${q}`, { cookie }), params: { brand: brand.slug }, context: {} } as never))
    const res = await load(`?cursor=${encodeKeysetCursor({ list: 'payables', v: ['not a date', 'x'], id: 'abc', d: 'next' })}`)
    expect(res.status).toBe(200)
    const data = res.data as { rows: { id: string }[]; count: number; totals: Record<string, number> }
    expect(data.rows.map((r) => r.id)).toEqual(expected)
    expect(data.totals).toEqual(whole.totals)
  })

  it('the desk sends one screen: 50 of 53 on the first page, the other 3 on the next, the totals of all 53', async () => {
    const brand = await createBrand()
    const campaign = await createCampaign(brand.id)
    const { creator } = await createCreator({ brandIds: [brand.id] })
    const c = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id })
    await db().execute(sql`
      insert into invoices (id, brand_id, offer_id, creator_id, payee_key, number, normalized_number, issue_date, due_date, currency, subtotal_minor, total_minor, status, idempotency_key)
      select ${uid()} || 'n' || n, ${brand.id}, ${c.offer.id}, ${creator.id}, ${`creator:${creator.id}`}, 'P-' || n, 'P' || n, '2025-01-01'::date, '2025-02-01'::date + n, 'USD', 100 * n, 100 * n, 'approved', ${uid()} || '-' || n
      from generate_series(1, 53) n`)
    const first = await listPayables({ brand })
    expect(first.rows.map((r) => r.number)).toEqual(Array.from({ length: 50 }, (_, i) => `P-${i + 1}`))
    const next = await listPayables({ brand }, { cursor: first.nextCursor })
    expect(next.rows.map((r) => r.number)).toEqual(['P-51', 'P-52', 'P-53'])
    expect(next.nextCursor).toBeNull()
    // 100 * (1 + ... + 53) = 100 * 1431
    for (const p of [first, next]) expect([p.count, p.totals]).toEqual([53, { USD: 143_100 }])
  })
})

describe('report page paging', () => {
  it('one screen of 50 creators by cost, Next and Previous, the Total row and the figures of all 53; the CSV has every row', async () => {
    const brand = await createBrand()
    const viewer = await addMember(brand.id, 'viewer')
    const campaign = await createCampaign(brand.id)
    // Creator i (1..53) has one collaboration with a fee of i × $10.00: by cost descending, 53 first.
    const creators: { id: string; fee: number }[] = []
    for (let i = 1; i <= 53; i++) {
      const { creator } = await createCreator({ brandIds: [brand.id], name: `Creator ${String(i).padStart(2, '0')}` })
      await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id, feeMinor: i * 1_000 })
      creators.push({ id: creator.id, fee: i * 1_000 })
    }
    const byCost = [...creators].reverse().map((c) => c.id)
    const cookie = await cookieFor(viewer)
    type Data = { rows: { creatorId: string }[]; offset: number; totalRows: number; nextCursor: string | null; prevCursor: string | null; report: { program: { costMinor: number; collaborations: number } } }
    const load = async (q: string) => {
      const res = await call(() => reportsRoute.loader({ request: makeRequest(`/b/${brand.slug}/reports${q}`, { cookie }), params: { brand: brand.slug }, context: {} } as never))
      expect(res.status).toBe(200)
      return res.data as Data
    }
    const { forward, backward } = await walk(
      async (cursor) => {
        const d = await load(cursor ? `?cursor=${cursor}` : '')
        return { rows: d.rows, nextCursor: d.nextCursor, prevCursor: d.prevCursor }
      },
      (r) => r.creatorId,
    )
    expect(forward).toEqual([byCost.slice(0, 50), byCost.slice(50)])
    expect(backward).toEqual(forward)
    const first = await load('')
    const last = await load(`?cursor=${first.nextCursor}`)
    expect([first.offset, last.offset]).toEqual([0, 50])
    // The Total row and the cost at the top: $10.00 × (1 + ... + 53) = 1,431,000¢ on every page, 53 collaborations.
    for (const d of [first, last]) {
      expect(d.totalRows).toBe(53)
      expect([d.report.program.costMinor, d.report.program.collaborations]).toEqual([1_431_000, 53])
    }
    // A tampered cursor, a cursor of another sort, of the wrong shape: the first page.
    for (const bad of ['nope', first.nextCursor!.slice(0, -3) + 'zzz', encodeKeysetCursor({ list: 'report:crea:costMinor:asc', v: ['1'], id: byCost[10]!, d: 'next' }), encodeKeysetCursor({ list: 'report:crea:costMinor:desc', v: ['1', '2'], id: byCost[10]!, d: 'next' })]) {
      expect((await load(`?cursor=${bad}`)).rows.map((r) => r.creatorId)).toEqual(byCost.slice(0, 50))
    }
    // Show all: every row, no pages; the CSV export has all 53 (and the Total line) whatever the cursor.
    const all = await load('?all=1')
    expect(all.rows.map((r) => r.creatorId)).toEqual(byCost)
    expect([all.nextCursor, all.prevCursor]).toEqual([null, null])
    const csv = await call(() => exportRoute.loader({ request: makeRequest(`/b/${brand.slug}/reports/export.csv?cursor=${first.nextCursor}`, { cookie }), params: { brand: brand.slug }, context: {} } as never))
    const lines = (await csv.response!.text()).split('\r\n').filter((l) => l.startsWith('Creator ') || l.startsWith('Total'))
    expect(lines).toHaveLength(54)
    expect(lines[0]).toContain('Creator 53,')
    expect(lines[53]).toMatch(/^Total,.*14310\.00/)
  })
})

describe('rights ledger paging', () => {
  it('one screen of licences in the ledger order; the counts per status are of all of them', async () => {
    const brand = await createBrand()
    const manager = await addMember(brand.id, 'manager')
    const campaign = await createCampaign(brand.id)
    const { creator } = await createCreator({ brandIds: [brand.id] })
    const NOW = new Date('2026-06-15T12:00:00Z')
    const insert = async (startsOn: string, endsOn: string | null, offerId?: string) => {
      const c = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id })
      const [r] = await db()
        .insert(schema.rightsItems)
        .values({ brandId: brand.id, creatorId: creator.id, offerId: offerId ?? c.offer.id, deliverableId: c.deliverable.id, contractId: uid(), organic: true, paidAds: false, channels: ['instagram'], territory: 'Worldwide', startsOn, endsOn, perpetual: endsOn === null })
        .returning()
      return r!
    }
    const a = await insert('2026-01-01', '2026-06-20') // ending, 6 days left
    const b = await insert('2026-01-01', '2026-06-30') // ending, 16 days left
    const c = await insert('2026-01-01', '2026-12-31') // active
    const d = await insert('2026-07-01', '2027-01-01') // upcoming
    const e = await insert('2026-01-01', null) // perpetual
    const f = await insert('2025-01-01', '2026-01-01') // expired
    const g = await insert('2026-01-01', '2026-06-20', a.offerId) // ending, the same end day as a, and a's offer
    // By hand: ending by end day (a and g tie on 06-20: by id), then b; active c; upcoming d; perpetual e; expired f.
    const expected = [...[a.id, g.id].sort(), b.id, c.id, d.id, e.id, f.id]
    const { forward, backward } = await walk(async (cursor) => listRightsPage(brand.id, { cursor, size: 3 }, NOW).then((p) => ({ ...p, rows: p.items })), (r) => r.id)
    expect(forward).toEqual(chunks(expected, 3))
    expect(backward).toEqual(forward)
    const first = await listRightsPage(brand.id, { size: 3 }, NOW)
    const last = await listRightsPage(brand.id, { size: 3, cursor: (await listRightsPage(brand.id, { size: 3, cursor: first.nextCursor }, NOW)).nextCursor }, NOW)
    for (const p of [first, last]) {
      expect(p.counts).toEqual({ ending: 3, active: 1, upcoming: 1, perpetual: 1, expired: 1 })
      expect(p.total).toBe(7)
    }
    // The extension form goes on the first item with an end day of each offer, in the whole ledger: a and g share
    // an offer, so only the first of them by id; e has no end day.
    const extendHere = new Map((await listRightsPage(brand.id, { size: 50 }, NOW)).items.map((i) => [i.id, i.extendHere]))
    const [firstOfA] = [a.id, g.id].sort()
    expect([...extendHere.entries()].filter(([, v]) => v).map(([k]) => k).sort()).toEqual([firstOfA!, b.id, c.id, d.id, f.id].sort())
    // A tampered cursor, or one of another list: the first page; the page answers 200.
    for (const bad of ['nope', first.nextCursor!.slice(0, -3) + 'zzz', encodeKeysetCursor({ list: 'payables', v: ['x'], id: a.id, d: 'next' })]) {
      expect((await listRightsPage(brand.id, { cursor: bad, size: 3 }, NOW)).items.map((r) => r.id)).toEqual(expected.slice(0, 3))
    }
    const cookie = await cookieFor(manager)
    const res = await call(() => rightsRoute.loader({ request: makeRequest(`/b/${brand.slug}/rights?cursor=garbage`, { cookie }), params: { brand: brand.slug }, context: {} } as never))
    expect(res.status).toBe(200)
    expect((res.data as { total: number }).total).toBe(7)
  })
})
