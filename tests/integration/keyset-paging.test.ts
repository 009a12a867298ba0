/**
 * Keyset paging of the review queue, live posts and the brand's invoices (issue #18): walking Next from
 * the first page to the last lists every row exactly once in the list's order (ties, undated rows and
 * timestamps one microsecond apart included), walking Previous back gives the same pages, and a
 * tampered cursor or another list's cursor starts at the first page.
 */
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { encodeKeysetCursor } from '#app/domain/keyset-cursor.ts'
import { listReviewQueue } from '#app/services/content/list-review-queue.server.ts'
import { listBrandPosts } from '#app/services/posts/list-brand-posts.server.ts'
import { listBrandInvoices } from '#app/services/invoices/list-invoices.server.ts'
import { insertDraft } from '#tests/factories-content.ts'
import { createCampaign, createCollaboration, insertPost } from '#tests/factories-posts.ts'
import { addMember, call, cookieFor, createBrand, createCreator, makeRequest, uid } from '#tests/factories.ts'
import { chunks, walkPages as walk } from '#tests/paging.ts'
import * as queueRoute from '#app/routes/b+/$brand+/review._index.tsx'


async function world() {
  const brand = await createBrand()
  const manager = await addMember(brand.id, 'manager')
  const campaign = await createCampaign(brand.id)
  const { creator } = await createCreator({ brandIds: [brand.id] })
  return { brand, manager, campaign, creator }
}

describe('keyset paging', () => {
  it('the review queue: most urgent first, undated last, every draft once, forwards and back', async () => {
    const w = await world()
    // Goes-live dates (post window start, else draft due): 8 rows, with ties and undated ones.
    const plan: { start: string | null; due: string | null; submitted: string }[] = [
      { start: '2026-03-10', due: null, submitted: '2026-03-01 10:00:00.123457+00' },
      { start: '2026-03-10', due: null, submitted: '2026-03-01 10:00:00.123456+00' }, // one microsecond earlier: first of the tie
      { start: null, due: '2026-03-05', submitted: '2026-03-02 09:00:00+00' },
      { start: null, due: null, submitted: '2026-02-01 09:00:00+00' }, // undated: last, though waiting longest
      { start: '2026-03-20', due: '2026-03-01', submitted: '2026-03-03 09:00:00+00' }, // the window start wins over the due date
      { start: '2026-03-10', due: null, submitted: '2026-03-01 09:00:00+00' },
      { start: null, due: null, submitted: '2026-02-02 09:00:00+00' },
      { start: '2026-03-01', due: null, submitted: '2026-03-04 09:00:00+00' },
    ]
    const drafts: string[] = []
    for (const p of plan) {
      const c = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, deliverableStatus: 'pending', postWindowStart: p.start, draftDueOn: p.due })
      const d = await insertDraft({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId: c.deliverable.id })
      await db().execute(sql`update draft_versions set submitted_at = ${p.submitted}::timestamptz where id = ${d.id}`)
      drafts.push(d.id)
    }
    // By hand: 03-01 [7]; 03-05 [2]; 03-10 by submitted: [5] 09:00, [1] .123456, [0] .123457; 03-20 [4]; undated by submitted: [3], [6].
    const expected = [7, 2, 5, 1, 0, 4, 3, 6].map((i) => drafts[i]!)
    const { forward, backward } = await walk((cursor) => listReviewQueue(w.brand.id, {}, { cursor, size: 3 }), (r) => r.draftId)
    expect(forward).toEqual(chunks(expected, 3))
    expect(backward).toEqual(forward)
    const first = await listReviewQueue(w.brand.id, {}, { size: 3 })
    expect(first.total).toBe(8)
    // A tampered cursor, another list's cursor, or one of the wrong shape: the first page.
    for (const bad of ['nope', first.nextCursor!.slice(0, -2) + 'zz', encodeKeysetCursor({ list: 'posts:all', v: ['2026-01-01'], id: drafts[0]!, d: 'next' }), encodeKeysetCursor({ list: 'review', v: ['x'], id: drafts[0]!, d: 'next' })]) {
      const page = await listReviewQueue(w.brand.id, {}, { cursor: bad, size: 3 })
      expect(page.rows.map((r) => r.draftId)).toEqual(expected.slice(0, 3))
    }
    // The page itself: a cursor that does not parse as a date is a first page, not a 500.
    const cookie = await cookieFor(w.manager)
    const res = await call(() =>
      queueRoute.loader({ request: makeRequest(`/b/${w.brand.slug}/review?cursor=${encodeKeysetCursor({ list: 'review', v: ['not a date', 'x'], id: 'abc', d: 'next' })}`, { cookie }), params: { brand: w.brand.slug }, context: {} } as never),
    )
    expect(res.status).toBe(200)
  })

  it('live posts: newest first, per tab', async () => {
    const w = await world()
    const times = ['2026-03-05T12:00:00Z', '2026-03-06T12:00:00Z', '2026-03-05T12:00:00Z', '2026-03-01T08:00:00Z', '2026-03-07T00:00:00Z', '2026-03-05T12:00:00Z', '2026-03-02T00:00:00Z']
    const posts: { id: string; at: string }[] = []
    for (const [i, at] of times.entries()) {
      const c = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, deliverableStatus: 'posted' })
      const p = await insertPost({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId: c.deliverable.id, postedAt: new Date(at), status: i % 2 ? 'verified' : 'submitted' })
      posts.push({ id: p.id, at })
    }
    // Newest first; the three posted at 03-05 12:00 by id descending.
    const expected = [...posts].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1)).map((p) => p.id)
    const all = await walk((cursor) => listBrandPosts(w.brand.id, 'all', { cursor, size: 2 }).then((r) => ({ rows: r.posts, nextCursor: r.nextCursor, prevCursor: r.prevCursor })), (r) => r.id)
    expect(all.forward).toEqual(chunks(expected, 2))
    expect(all.backward).toEqual(all.forward)
    const submitted = expected.filter((id) => posts.findIndex((p) => p.id === id) % 2 === 0)
    const sub = await walk((cursor) => listBrandPosts(w.brand.id, 'submitted', { cursor, size: 2 }).then((r) => ({ rows: r.posts, nextCursor: r.nextCursor, prevCursor: r.prevCursor })), (r) => r.id)
    expect(sub.forward.flat()).toEqual(submitted)
  })

  it("the brand's invoices: to approve oldest due first (undated last); the others newest first", async () => {
    const w = await world()
    const c = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id })
    const insert = async (status: 'submitted' | 'paid', dueDate: string | null, issueDate: string) => {
      const n = uid()
      const [i] = await db()
        .insert(schema.invoices)
        .values({ brandId: w.brand.id, offerId: c.offer.id, creatorId: w.creator.id, payeeKey: `creator:${w.creator.id}`, number: n, normalizedNumber: n, issueDate, dueDate, currency: 'USD', subtotalMinor: 100, totalMinor: 100, status, idempotencyKey: `k-${uid()}${uid()}` })
        .returning()
      return i!
    }
    const s = [
      await insert('submitted', '2026-04-10', '2026-03-10'),
      await insert('submitted', null, '2026-03-01'),
      await insert('submitted', '2026-04-01', '2026-03-05'),
      await insert('submitted', '2026-04-10', '2026-03-08'),
      await insert('submitted', '2026-04-10', '2026-03-08'),
    ]
    // By hand: 04-01 [2]; 04-10 issued 03-08 [3],[4] by id; 04-10 issued 03-10 [0]; undated [1].
    const tie = [s[3]!.id, s[4]!.id].sort()
    const expected = [s[2]!.id, ...tie, s[0]!.id, s[1]!.id]
    const a = await walk((cursor) => listBrandInvoices({ brand: w.brand }, 'submitted', { cursor, size: 2 }), (r) => r.id)
    expect(a.forward).toEqual(chunks(expected, 2))
    expect(a.backward).toEqual(a.forward)
    const paid = [await insert('paid', null, '2026-01-01'), await insert('paid', null, '2026-01-02'), await insert('paid', null, '2026-01-03')]
    await db().execute(sql`update invoices set created_at = '2026-03-01 00:00:00.000002+00' where id = ${paid[0]!.id}`)
    await db().execute(sql`update invoices set created_at = '2026-03-01 00:00:00.000001+00' where id = ${paid[1]!.id}`)
    await db().update(schema.invoices).set({ createdAt: new Date('2026-03-02T00:00:00Z') }).where(eq(schema.invoices.id, paid[2]!.id))
    const p = await walk((cursor) => listBrandInvoices({ brand: w.brand }, 'paid', { cursor, size: 1 }), (r) => r.id)
    expect(p.forward).toEqual([[paid[2]!.id], [paid[0]!.id], [paid[1]!.id]])
    expect(p.backward).toEqual(p.forward)
  })
})
