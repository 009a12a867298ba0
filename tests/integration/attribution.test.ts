import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { createTrackingLink } from '#app/services/attribution/create-tracking-link.server.ts'
import { createPromoCode } from '#app/services/attribution/create-promo-code.server.ts'
import { recordLinkClick } from '#app/services/attribution/record-link-click.server.ts'
import { listAttribution } from '#app/services/attribution/list-attribution.server.ts'
import { getCreatorPostPage } from '#app/services/posts/get-creator-post-page.server.ts'
import { loadReportTotals } from '#app/services/reports/load-performance.server.ts'
import { createBrand } from '#tests/factories.ts'
import { createCollaboration, createCampaign, createPostsWorld } from '#tests/factories-posts.ts'
import { createCreator } from '#tests/factories.ts'

const CHROME = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'

describe('tracked links', () => {
  it('redirects with UTM parameters and counts one click per visitor per day, bots never', async () => {
    const w = await createPostsWorld()
    const actor = { brand: { id: w.brand.id }, audit: { userId: w.manager.id } } as never
    const [link] = (await createTrackingLink(actor, { offerId: w.offer.id, destinationUrl: 'https://acme.test/shoes?ref=x' })) as [Awaited<ReturnType<typeof createTrackingLink>>[number]]
    expect(link.code).toMatch(/^[A-Z0-9]{7}$/)

    const day1 = new Date('2026-03-06T10:00:00Z')
    const first = await recordLinkClick({ code: link.code.toLowerCase(), ip: '203.0.113.9', userAgent: CHROME, now: day1 })
    const url = new URL(first!.location)
    expect(url.origin + url.pathname).toBe('https://acme.test/shoes')
    expect(url.searchParams.get('ref')).toBe('x')
    expect(url.searchParams.get('utm_source')).toBe('instagram')
    expect(url.searchParams.get('utm_medium')).toBe('influencer')
    expect(url.searchParams.get('utm_campaign')).toBe(w.campaign.name.toLowerCase().replace(/ /g, '-'))
    expect(url.searchParams.get('utm_content')).toBe(`${w.creator.name.toLowerCase().replace(/ /g, '-')}_reel-1`)
    expect(first!.counted).toBe(true)

    // Same visitor, same day: not counted again. Another browser (UA) on the same IP: counted.
    expect((await recordLinkClick({ code: link.code, ip: '203.0.113.9', userAgent: CHROME, now: new Date('2026-03-06T18:00:00Z') }))!.counted).toBe(false)
    expect((await recordLinkClick({ code: link.code, ip: '203.0.113.9', userAgent: SAFARI, now: day1 }))!.counted).toBe(true)
    // A bot and a request without a user agent are redirected but not counted.
    const bot = await recordLinkClick({ code: link.code, ip: '66.249.66.1', userAgent: GOOGLEBOT, now: day1 })
    // Same destination, but only a person's visit carries a click id (for the conversion endpoint).
    expect(url.searchParams.get('gr_click')).toMatch(new RegExp(`^${link.code}\\.`))
    url.searchParams.delete('gr_click')
    expect(bot!.location).toBe(url.toString())
    expect(bot!.counted).toBe(false)
    expect((await recordLinkClick({ code: link.code, ip: '66.249.66.2', userAgent: null, now: day1 }))!.counted).toBe(false)
    // The first visitor again the next day: counted.
    expect((await recordLinkClick({ code: link.code, ip: '203.0.113.9', userAgent: CHROME, now: new Date('2026-03-07T09:00:00Z') }))!.counted).toBe(true)

    const rows = await db().select().from(schema.linkClicks).where(eq(schema.linkClicks.linkId, link.id))
    // 2 on day one (Chrome, Safari) + 1 on day two.
    expect(rows).toHaveLength(3)
    // No raw IP anywhere in the stored rows.
    expect(JSON.stringify(rows)).not.toContain('203.0.113.9')
  })

  it('unknown or malformed codes resolve to nothing', async () => {
    expect(await recordLinkClick({ code: 'NOPE999', ip: null, userAgent: CHROME })).toBeNull()
    expect(await recordLinkClick({ code: '../etc', ip: null, userAgent: CHROME })).toBeNull()
  })

  it('a brand cannot create a link for another brand’s collaboration', async () => {
    const w = await createPostsWorld()
    const other = await createBrand()
    await expect(
      createTrackingLink({ brand: { id: other.id }, audit: { userId: null } } as never, { offerId: w.offer.id, destinationUrl: 'https://x.test' }),
    ).rejects.toMatchObject({ status: 404 })
    await expect(
      createTrackingLink({ brand: { id: w.brand.id }, audit: { userId: null } } as never, { offerId: w.offer.id, destinationUrl: 'javascript:alert(1)' }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('a tracked link per post (issue #21)', () => {
  /** A collaboration with an Instagram reel and then a TikTok video. */
  async function reelAndTikTok() {
    const w = await createPostsWorld()
    const [tiktok] = await db()
      .insert(schema.deliverables)
      .values({ offerId: w.offer.id, brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, platform: 'tiktok', format: 'tiktok_video', status: 'approved', createdAt: new Date(Date.now() + 1000) })
      .returning()
    const actor = { brand: { id: w.brand.id }, audit: { userId: w.manager.id } } as never
    return { w, reel: w.deliverable, tiktok: tiktok!, actor }
  }
  const params = async (code: string, ip: string) => {
    const r = await recordLinkClick({ code, ip, userAgent: CHROME, now: new Date('2026-03-06T10:00:00Z') })
    const u = new URL(r!.location)
    return { source: u.searchParams.get('utm_source'), content: u.searchParams.get('utm_content') }
  }

  it('the reel’s link tags instagram and the TikTok’s tags tiktok; each post’s page shows its own; clicks add up per collaboration', async () => {
    const { w, reel, tiktok, actor } = await reelAndTikTok()
    const links = await createTrackingLink(actor, { offerId: w.offer.id, destinationUrl: 'https://acme.test/shoes' })
    expect(links.map((l) => [l.deliverableId, l.label])).toEqual([
      [reel.id, 'Instagram reel 1'],
      [tiktok.id, 'TikTok video 1'],
    ])
    const [reelLink, tiktokLink] = links as [(typeof links)[number], (typeof links)[number]]
    const creator = w.creator.name.toLowerCase().replace(/ /g, '-')
    expect(await params(reelLink.code, '203.0.113.1')).toEqual({ source: 'instagram', content: `${creator}_reel-1` })
    expect(await params(tiktokLink.code, '203.0.113.1')).toEqual({ source: 'tiktok', content: `${creator}_tiktok-video-1` })
    expect(await params(tiktokLink.code, '203.0.113.2')).toEqual({ source: 'tiktok', content: `${creator}_tiktok-video-1` })
    // Every post has its link now: a second create is refused and writes nothing.
    await expect(createTrackingLink(actor, { offerId: w.offer.id, destinationUrl: 'https://acme.test/shoes' })).rejects.toMatchObject({ status: 409 })
    expect(await db().select().from(schema.trackingLinks).where(eq(schema.trackingLinks.offerId, w.offer.id))).toHaveLength(2)

    const [row] = (await listAttribution(w.brand.id)).filter((r) => r.offerId === w.offer.id)
    expect(row!.links.map((l) => [l.label, l.code, l.clicks])).toEqual([
      ['Instagram reel 1', reelLink.code, 1],
      ['TikTok video 1', tiktokLink.code, 2],
    ])
    expect(row!.clicks).toBe(3) // 1 + 2
    expect(row!.unlinked).toEqual([])
    // The report counts the collaboration's clicks over all its links: the same 3.
    const report = await loadReportTotals(w.brand.id, {})
    expect(report.collaborations.find((c) => c.offerId === w.offer.id)!.linkClicks).toBe(3)

    expect((await getCreatorPostPage(w.creator.id, reel.id)).link).toEqual({ code: reelLink.code, clicks: 1, forThisPost: true })
    expect((await getCreatorPostPage(w.creator.id, tiktok.id)).link).toEqual({ code: tiktokLink.code, clicks: 2, forThisPost: true })
    const audits = await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.action, 'tracking_link.created'))
    expect(audits.filter((a) => links.some((l) => l.id === a.entityId))).toHaveLength(2)
  })

  it('an older link for the whole collaboration keeps redirecting as before; per-post links are added beside it', async () => {
    const { w, tiktok, actor } = await reelAndTikTok()
    const [old] = await db().insert(schema.trackingLinks).values({ offerId: w.offer.id, brandId: w.brand.id, code: `OLD${w.offer.id.slice(0, 6).toUpperCase().replace(/[^A-Z0-9]/g, 'X')}`, destinationUrl: 'https://acme.test/old' }).returning()
    const creator = w.creator.name.toLowerCase().replace(/ /g, '-')
    // As before: the collaboration's first deliverable (the reel).
    expect(await params(old!.code, '203.0.113.1')).toEqual({ source: 'instagram', content: `${creator}_reel-1` })
    const before = (await listAttribution(w.brand.id)).find((r) => r.offerId === w.offer.id)!
    expect(before.links.map((l) => l.label)).toEqual([null])
    expect(before.unlinked).toEqual(['Instagram reel 1', 'TikTok video 1'])
    // Only the TikTok's post page had nothing of its own: it shows the older link, said so.
    expect((await getCreatorPostPage(w.creator.id, tiktok.id)).link).toEqual({ code: old!.code, clicks: 1, forThisPost: false })

    const links = await createTrackingLink(actor, { offerId: w.offer.id, destinationUrl: 'https://acme.test/new' })
    expect(links).toHaveLength(2)
    expect(await params(old!.code, '203.0.113.2')).toEqual({ source: 'instagram', content: `${creator}_reel-1` })
    expect(await params(links[1]!.code, '203.0.113.1')).toEqual({ source: 'tiktok', content: `${creator}_tiktok-video-1` })
    const after = (await listAttribution(w.brand.id)).find((r) => r.offerId === w.offer.id)!
    expect(after.links.map((l) => [l.label, l.clicks])).toEqual([
      ['Instagram reel 1', 0],
      ['TikTok video 1', 1],
      [null, 2],
    ])
    expect(after.clicks).toBe(3)
    expect(after.unlinked).toEqual([])
    expect((await getCreatorPostPage(w.creator.id, tiktok.id)).link).toMatchObject({ code: links[1]!.code, forThisPost: true })
  })
})

describe('promo codes', () => {
  async function world() {
    const w = await createPostsWorld()
    const actor = { brand: { id: w.brand.id }, audit: { userId: w.manager.id } } as never
    const suffix = w.brand.id.slice(0, 6).toUpperCase()
    const code = `MAYA-${suffix}`
    await createPromoCode(actor, { offerId: w.offer.id, code: code.toLowerCase() })
    // A second creator on the same campaign with their own code.
    const other = await createCreator({ brandIds: [w.brand.id] })
    const c2 = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: other.creator.id })
    await createPromoCode(actor, { offerId: c2.offer.id, code: `JO-${suffix}` })
    return { w, actor, code, code2: `JO-${suffix}` }
  }

  it('codes are unique per brand', async () => {
    const { w, actor, code } = await world()
    const c = await createCampaign(w.brand.id)
    const other = await createCollaboration({ brandId: w.brand.id, campaignId: c.id, creatorId: w.creator.id })
    await expect(createPromoCode(actor, { offerId: other.offer.id, code })).rejects.toMatchObject({ status: 409 })
  })
})
