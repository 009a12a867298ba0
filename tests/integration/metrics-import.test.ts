import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { importMetricsCsv } from '#app/services/metrics/import-metrics-csv.server.ts'
import { addCreatorSnapshot } from '#app/services/metrics/add-creator-snapshot.server.ts'
import { createBrand } from '#tests/factories.ts'
import { createPostsWorld, insertPost } from '#tests/factories-posts.ts'

const HEAD = 'post_url,captured_at,impressions,reach,views,likes,comments,shares,saves,link_clicks,followers'

async function world() {
  const w = await createPostsWorld()
  const code = w.deliverable.id.slice(0, 11)
  const post = await insertPost({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId: w.deliverable.id, url: `https://www.instagram.com/reel/${code}/` })
  const actor = { brand: { id: w.brand.id }, audit: { userId: w.manager.id } } as never
  return { w, post, code, actor }
}

describe('metrics CSV import', () => {
  it('a good file: preview stores nothing, import stores each row with its numbers', async () => {
    const { w, post, code, actor } = await world()
    const csv = [
      HEAD,
      // Any form of the same address matches: no www, no trailing slash, a query string.
      `instagram.com/reel/${code}?igsh=abc,2026-03-12,52000,41000,60000,2100,180,95,240,310,48200`,
      `https://www.instagram.com/reel/${code}/,2026-04-04T09:30:00Z,"81,000",,90000,3000,220,120,300,,`,
    ].join('\r\n')
    const preview = await importMetricsCsv(actor, csv, { dryRun: true, now: new Date('2026-05-01') })
    expect(preview.errors).toEqual([])
    expect(preview.rows.map((r) => [r.line, r.postId, r.capturedAt])).toEqual([
      [2, post.id, '2026-03-12T00:00:00.000Z'],
      [3, post.id, '2026-04-04T09:30:00.000Z'],
    ])
    expect(preview.inserted).toBe(0)
    expect(await db().select().from(schema.metricSnapshots).where(eq(schema.metricSnapshots.postId, post.id))).toHaveLength(0)

    const done = await importMetricsCsv(actor, csv, { now: new Date('2026-05-01') })
    expect(done.inserted).toBe(2)
    const snaps = await db().select().from(schema.metricSnapshots).where(eq(schema.metricSnapshots.postId, post.id)).orderBy(schema.metricSnapshots.capturedAt)
    expect(snaps.map((s) => [s.impressions, s.reach, s.views, s.likes, s.clicks, s.followers, s.source])).toEqual([
      [52000, 41000, 60000, 2100, 310, 48200, 'csv'],
      [81000, null, 90000, 3000, null, null, 'csv'],
    ])
    expect(snaps[0]!.brandId).toBe(w.brand.id)
  })

  it('bad rows are reported with their line number and reason; good rows still import', async () => {
    const { code, actor, post } = await world()
    const csv = [
      HEAD,
      `https://www.instagram.com/reel/${code}/,2026-03-12,100,,,,,,,,`, // line 2: good
      `https://www.instagram.com/reel/NOTOURS123/,2026-03-12,100,,,,,,,,`, // line 3: unknown post
      `https://www.instagram.com/reel/${code}/,12/03/2026,100,,,,,,,,`, // line 4: bad date
      `https://www.instagram.com/reel/${code}/,2026-03-13,-5,,,,,,,,`, // line 5: negative
      `https://www.instagram.com/reel/${code}/,2026-03-14,,,,,,,,,`, // line 6: no numbers
      `https://www.instagram.com/reel/${code}/,2026-03-12,200,,,,,,,,`, // line 7: same post+time as line 2
      `,2026-03-12,100,,,,,,,,`, // line 8: no url
    ].join('\n')
    const r = await importMetricsCsv(actor, csv, { now: new Date('2026-05-01') })
    expect(r.errors).toEqual([
      { line: 3, reason: 'No live post of yours has the address https://www.instagram.com/reel/NOTOURS123/.' },
      { line: 4, reason: 'captured_at "12/03/2026" is not a date (use YYYY-MM-DD).' },
      { line: 5, reason: 'impressions must be whole numbers of 0 or more.' },
      { line: 6, reason: 'No numbers on this row.' },
      { line: 7, reason: 'Same post and captured_at as line 2.' },
      { line: 8, reason: 'post_url is empty.' },
    ])
    expect(r.inserted).toBe(1)
    expect(await db().select().from(schema.metricSnapshots).where(eq(schema.metricSnapshots.postId, post.id))).toHaveLength(1)
  })

  it('the same file twice changes nothing the second time', async () => {
    const { code, actor, post } = await world()
    const csv = `${HEAD}\nhttps://www.instagram.com/reel/${code}/,2026-03-12,100,90,80,7,6,5,4,3,2\n`
    expect((await importMetricsCsv(actor, csv, { now: new Date('2026-05-01') })).inserted).toBe(1)
    const again = await importMetricsCsv(actor, csv, { now: new Date('2026-05-01') })
    expect(again.inserted).toBe(0)
    expect(again.rows[0]!.duplicate).toBe(true)
    expect(await db().select().from(schema.metricSnapshots).where(eq(schema.metricSnapshots.postId, post.id))).toHaveLength(1)
  })

  it('another brand’s posts never match', async () => {
    const { code } = await world()
    const other = await createBrand()
    const r = await importMetricsCsv({ brand: { id: other.id }, audit: { userId: null } } as never, `${HEAD}\nhttps://www.instagram.com/reel/${code}/,2026-03-12,1,,,,,,,,\n`)
    expect(r.rows).toEqual([])
    expect(r.errors).toHaveLength(1)
  })

  it('a file without the required columns is one clear error', async () => {
    const { actor } = await world()
    const r = await importMetricsCsv(actor, 'url,date\nx,y\n')
    expect(r.errors).toEqual([{ line: 1, reason: 'Missing column(s): post_url, captured_at.' }])
  })
})

describe('creator-reported stats', () => {
  it('stores the creator’s numbers against their own post only', async () => {
    const { w, post } = await world()
    const actor = { creator: { id: w.creator.id }, user: { id: w.creatorUser.id }, audit: { userId: w.creatorUser.id, actingForCreatorId: w.creator.id } } as never
    const values = { impressions: 1000, reach: 800, views: 1200, likes: 50, comments: 5, shares: 2, saves: 3, clicks: null, followers: null }
    const snap = await addCreatorSnapshot(actor, { deliverableId: w.deliverable.id, capturedOn: '2026-03-12', values })
    expect(snap.postId).toBe(post.id)
    expect(snap.source).toBe('creator')
    expect(snap.evidenceFileId).toBeNull()
    // Before the post went live: refused.
    await expect(addCreatorSnapshot(actor, { deliverableId: w.deliverable.id, capturedOn: '2026-03-01', values })).rejects.toMatchObject({ status: 400 })
    // Someone else's deliverable: not found.
    const other = await createPostsWorld()
    await expect(addCreatorSnapshot(actor, { deliverableId: other.deliverable.id, capturedOn: '2026-03-12', values })).rejects.toMatchObject({ status: 404 })
  })
})

describe('metrics import page', () => {
  it('preview then import through the route (multipart upload), refusing unknown fields', async () => {
    const { w, code, post } = await world()
    const { cookieFor, call } = await import('#tests/factories.ts')
    const route = await import('#app/routes/b+/$brand+/posts.import.tsx')
    const cookie = (await cookieFor(w.manager))!
    const send = (fields: Record<string, string | Blob>) => {
      const form = new FormData()
      for (const [k, v] of Object.entries(fields)) form.append(k, v)
      const request = new Request(`http://greenroom.test/b/${w.brand.slug}/posts/import`, { method: 'POST', body: form, headers: { Cookie: cookie } })
      return call(() => route.action({ request, params: { brand: w.brand.slug }, context: {} }))
    }
    const csv = `${HEAD}\nhttps://www.instagram.com/reel/${code}/,2026-03-12,100,90,80,7,6,5,4,3,2\n`
    const preview = await send({ intent: 'preview', file: new File([csv], 'metrics.csv', { type: 'text/csv' }) })
    expect(preview.status).toBe(200)
    expect((preview.data as { preview: { rows: unknown[] } }).preview.rows).toHaveLength(1)
    expect(await db().select().from(schema.metricSnapshots).where(eq(schema.metricSnapshots.postId, post.id))).toHaveLength(0)
    const done = await send({ intent: 'import', csv })
    expect(done.status).toBe(302)
    expect(await db().select().from(schema.metricSnapshots).where(eq(schema.metricSnapshots.postId, post.id))).toHaveLength(1)
    expect((await send({ intent: 'import', csv, extra: 'x' })).status).toBe(400)
    expect((await send({ intent: 'preview', file: new File([new Uint8Array([0, 1, 2])], 'x.csv') })).status).toBe(400)
    expect((await send({ intent: 'preview' })).status).toBe(400)
  })
})
