import { eq, sql } from 'drizzle-orm'
import { schema } from './index.ts'
import type { Seeder } from './seed-ids.ts'
import { feeCostEntry } from '../app/domain/money-figures.ts'
import type { DeliverableStatus } from '../app/domain/state-machines.ts'

const DAY = 86_400_000

/**
 * Demo live posts and performance for Acme Running's "Track Club Launch":
 *  - Maya Chen: an approved Instagram reel with an approved draft, ready for her live link (the e2e
 *    flow: submit link + 7-day stats, manager verifies, report shows CPM and EMV). Tracked link + code.
 *  - Diego Santos and Kenji Watanabe: verified posts with 7- and 30-day numbers, link clicks,
 *    redemptions and ledger costs, so the report and its chart have something to show.
 * Dates are relative to the seed's `now`; nothing is random.
 */
export const seedPosts: Seeder = async (tx, ids) => {
  const acme = ids.brands.get('acme-running')!
  const marco = ids.users.get('marco@acme.test')!
  const at = (n: number) => new Date(ids.now.getTime() + n * DAY)
  // Acme's report settings (merged into whatever else the brand's settings hold): engagements =
  // likes + comments + shares + saves, ER by reach, EMV per action in cents.
  const reportSettings = {
    engagementSet: ['likes', 'comments', 'shares', 'saves'],
    engagementRateBasis: 'reach',
    emvPerAction: { impressions: 0.5, likes: 10, comments: 50, shares: 50, saves: 30 },
  }
  await tx
    .update(schema.brands)
    .set({ settings: sql`${schema.brands.settings} || ${JSON.stringify(reportSettings)}::jsonb` })
    .where(eq(schema.brands.id, acme))
  const day = (n: number) => at(n).toISOString().slice(0, 10)
  const [campaign] = await tx
    .insert(schema.campaigns)
    .values({
      brandId: acme,
      name: 'Track Club Launch',
      objective: 'Launch the Acme Track Club app with runners who train in public.',
      startsOn: day(-40),
      endsOn: day(40),
      platforms: ['instagram', 'tiktok'],
      budgetMinor: 1_200_000,
      currency: 'USD',
      status: 'active',
      createdByUserId: marco,
    })
    .returning()

  async function collab(email: string, o: { fee: number; platform: string; format: string; windowStart: number; windowEnd: number; status: DeliverableStatus; caption: string }) {
    const creatorId = ids.creators.get(email)!
    const [offer] = await tx
      .insert(schema.offers)
      .values({
        brandId: acme,
        campaignId: campaign!.id,
        creatorId,
        status: 'accepted',
        connectionType: 'paid',
        feeMinor: o.fee,
        currency: 'USD',
        sentByUserId: marco,
        sentAt: at(-30),
        acceptedAt: at(-28),
        acceptedByUserId: ids.users.get(email) ?? null,
      })
      .returning()
    // The fee entry acceptance writes in the app (commitOffer).
    const fee = feeCostEntry(offer!, o.fee, ids.users.get(email) ?? null, at(-28))
    if (fee) await tx.insert(schema.costEntries).values(fee)
    const [deliverable] = await tx
      .insert(schema.deliverables)
      .values({
        offerId: offer!.id,
        brandId: acme,
        campaignId: campaign!.id,
        creatorId,
        platform: o.platform,
        format: o.format,
        draftDueOn: day(o.windowStart - 5),
        postWindowStart: day(o.windowStart),
        postWindowEnd: day(o.windowEnd),
        status: o.status,
      })
      .returning()
    await tx.insert(schema.draftVersions).values({
      deliverableId: deliverable!.id,
      brandId: acme,
      version: 1,
      caption: o.caption,
      submittedByUserId: ids.users.get(email) ?? null,
      submittedAt: at(o.windowStart - 6),
      decision: 'approved',
      decidedByUserId: marco,
      decidedAt: at(o.windowStart - 4),
    })
    return { offer: offer!, deliverable: deliverable!, creatorId }
  }

  // Maya: approved, window open (3 days ago .. in 10 days), waiting for her live link.
  const maya = await collab('maya@creators.test', {
    fee: 150_000,
    platform: 'instagram',
    format: 'reel',
    windowStart: -3,
    windowEnd: 10,
    status: 'approved',
    caption: '#ad Training for my first sub-3 marathon with the @acmerunning Track Club app. Week one done! #AcmeTrackClub',
  })
  // One tracked link per deliverable, as the attribution page creates them (createTrackingLink).
  await tx.insert(schema.trackingLinks).values({ offerId: maya.offer.id, deliverableId: maya.deliverable.id, brandId: acme, code: 'MAYA4TC', destinationUrl: 'https://acmerunning.test/track-club' })
  await tx.insert(schema.promoCodes).values({ offerId: maya.offer.id, brandId: acme, code: 'MAYA15' })

  // Diego and Kenji: posted 35 and 20 days ago, verified, with numbers.
  const past = [
    { email: 'diego@creators.test', fee: 80_000, platform: 'instagram', format: 'reel', postedDaysAgo: 35, code: 'DIEGO10', link: 'DIEGOTC',
      snaps: [
        [7, { impressions: 30_000, reach: 22_000, views: 41_000, likes: 1_500, comments: 90, shares: 40, saves: 120, clicks: 210, followers: 15_600 }],
        [30, { impressions: 38_000, reach: 27_000, views: 52_000, likes: 1_900, comments: 110, shares: 55, saves: 160, clicks: 260, followers: 15_700 }],
      ] as const,
      costs: [['gifting', 12_000], ['shipping', 1_500]] as const, clicks: 14, orders: [6_450, 11_200, 8_900] },
    { email: 'kenji@creators.test', fee: 120_000, platform: 'tiktok', format: 'tiktok_video', postedDaysAgo: 20, code: 'KENJI12', link: 'KENJITC',
      snaps: [[7, { impressions: 95_000, reach: 70_000, views: 110_000, likes: 6_200, comments: 340, shares: 410, saves: 380, clicks: null, followers: 67_500 }]] as const,
      costs: [] as const, clicks: 31, orders: [12_900] },
  ]
  for (const p of past) {
    const c = await collab(p.email, {
      fee: p.fee,
      platform: p.platform,
      format: p.format,
      windowStart: -p.postedDaysAgo - 2,
      windowEnd: -p.postedDaysAgo + 5,
      status: 'verified',
      caption: '#ad Morning intervals with the @acmerunning Track Club app #AcmeTrackClub',
    })
    const shortcode = `TC${p.link}${p.postedDaysAgo}`
    const url = p.platform === 'instagram' ? `https://www.instagram.com/reel/${shortcode}/` : `https://www.tiktok.com/@kenjiontrail/video/73${String(p.postedDaysAgo).padStart(2, '0')}000000000000000`
    const [post] = await tx
      .insert(schema.posts)
      .values({
        deliverableId: c.deliverable.id,
        brandId: acme,
        creatorId: c.creatorId,
        platform: p.platform,
        url,
        postedAt: at(-p.postedDaysAgo),
        captionAsPosted: '#ad Morning intervals with the @acmerunning Track Club app #AcmeTrackClub',
        status: 'verified',
        attestations: { [p.platform === 'tiktok' ? 'PT-02' : 'PT-01']: true },
        verifiedByUserId: marco,
        verifiedAt: at(-p.postedDaysAgo + 1),
        submittedByUserId: ids.users.get(p.email) ?? null,
      })
      .returning()
    for (const [after, m] of p.snaps) {
      await tx.insert(schema.metricSnapshots).values({ postId: post!.id, brandId: acme, capturedAt: at(-p.postedDaysAgo + after), source: 'creator', ...m, createdByUserId: ids.users.get(p.email) ?? null })
    }
    for (const [kind, amount] of p.costs) {
      await tx.insert(schema.costEntries).values({ brandId: acme, campaignId: campaign!.id, offerId: c.offer.id, kind, amountMinor: amount, currency: 'USD', createdByUserId: marco })
    }
    const [link] = await tx.insert(schema.trackingLinks).values({ offerId: c.offer.id, deliverableId: c.deliverable.id, brandId: acme, code: p.link, destinationUrl: 'https://acmerunning.test/track-club' }).returning()
    for (let i = 0; i < p.clicks; i++) {
      await tx.insert(schema.linkClicks).values({ linkId: link!.id, brandId: acme, day: day(-p.postedDaysAgo + (i % 5)), visitorHash: `seed-${p.link}-${i}`, at: at(-p.postedDaysAgo + (i % 5)) })
    }
    const [code] = await tx.insert(schema.promoCodes).values({ offerId: c.offer.id, brandId: acme, code: p.code }).returning()
    for (const [i, total] of p.orders.entries()) {
      await tx.insert(schema.redemptions).values({ brandId: acme, offerId: c.offer.id, promoCodeId: code!.id, orderId: `#${p.code}-${1001 + i}`, orderedAt: at(-p.postedDaysAgo + 1 + i), totalMinor: total, currency: 'USD' })
    }
  }
}
