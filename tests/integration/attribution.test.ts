import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { createTrackingLink } from '#app/services/attribution/create-tracking-link.server.ts'
import { createPromoCode } from '#app/services/attribution/create-promo-code.server.ts'
import { recordLinkClick } from '#app/services/attribution/record-link-click.server.ts'
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
    const link = await createTrackingLink(actor, { offerId: w.offer.id, destinationUrl: 'https://acme.test/shoes?ref=x' })
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
