import { schema } from './index.ts'
import type { Seeder } from './seed-ids.ts'
import { feeCostEntry } from '../app/domain/money-figures.ts'

const DAY = 86_400_000

/**
 * Demo roster for Acme Running, on top of the base seed's creators and follower history (every third
 * creator grows ~35% over 90 days, so Kenji is a rising micro creator on TikTok):
 *  - a finished "Spring 10K" campaign last season: TikTok videos by micro creators (Kenji $1,100,
 *    Diego $900, Hannah $400) and Sofia's reel, with on-time and late drafts, posts, results and paid
 *    invoices: the rate history, on-time rates and the fee guidance for a TikTok video by a micro
 *    creator (median $1,100: Diego $900, Kenji $1,100 here and $1,200 on Track Club Launch) come from it;
 *  - relationship notes by Marco;
 *  - a prospect, Tyler Boost, whose Instagram doubled within ten days (a follower-count sanity flag),
 *    plus tags so the tag filter has something to offer.
 * Roster stats (last collaboration, total paid, on-time rate) are kept by the database triggers.
 */
export const seedRoster: Seeder = async (tx, ids) => {
  const acme = ids.brands.get('acme-running')!
  const marco = ids.users.get('marco@acme.test')!
  const ava = ids.users.get('ava@acme.test')!
  const at = (n: number) => new Date(ids.now.getTime() + n * DAY)
  const day = (n: number) => at(n).toISOString().slice(0, 10)
  const creator = (email: string) => ids.creators.get(email)!

  const [spring] = await tx
    .insert(schema.campaigns)
    .values({
      brandId: acme,
      name: 'Spring 10K',
      objective: 'Get road runners to sign up for the Acme Spring 10K.',
      startsOn: day(-200),
      endsOn: day(-150),
      platforms: ['tiktok', 'instagram'],
      budgetMinor: 600_000,
      currency: 'USD',
      status: 'completed',
      createdByUserId: marco,
    })
    .returning()
  const past = [
    // creator, platform, format, fee, draft days late, impressions, likes, comments, shares, saves
    { email: 'kenji@creators.test', platform: 'tiktok', format: 'tiktok_video', fee: 110_000, late: 0, m: [88_000, 4_100, 310, 220, 180] },
    { email: 'diego@creators.test', platform: 'tiktok', format: 'tiktok_video', fee: 90_000, late: 2, m: [41_000, 1_650, 120, 60, 70] },
    { email: 'hannah@creators.test', platform: 'tiktok', format: 'tiktok_video', fee: 40_000, late: 0, m: [9_800, 610, 45, 20, 35] },
    { email: 'sofia@creators.test', platform: 'instagram', format: 'reel', fee: 60_000, late: 0, m: [14_500, 820, 64, 18, 90] },
  ] as const
  for (const [i, p] of past.entries()) {
    const creatorId = creator(p.email)
    const acceptedAt = at(-198 + i)
    const [offer] = await tx
      .insert(schema.offers)
      .values({
        brandId: acme,
        campaignId: spring!.id,
        creatorId,
        status: 'completed',
        connectionType: 'paid',
        feeMinor: p.fee,
        currency: 'USD',
        deliverableSpecs: [{ platform: p.platform, format: p.format, quantity: 1, draftDueOn: day(-185), postWindowStart: day(-180), postWindowEnd: day(-170) }],
        sentByUserId: marco,
        sentAt: at(-200 + i),
        acceptedAt,
        acceptedTerms: { feeMinor: p.fee, currency: 'USD' },
        acceptedBriefVersion: 1,
        acknowledgedBriefVersion: 1,
      })
      .returning()
    // The fee entry acceptance writes in the app (commitOffer).
    const fee = feeCostEntry(offer!, p.fee, null, acceptedAt)
    if (fee) await tx.insert(schema.costEntries).values(fee)
    const [d] = await tx
      .insert(schema.deliverables)
      .values({
        offerId: offer!.id,
        brandId: acme,
        campaignId: spring!.id,
        creatorId,
        platform: p.platform,
        format: p.format,
        draftDueOn: day(-185),
        postWindowStart: day(-180),
        postWindowEnd: day(-170),
        status: 'verified',
      })
      .returning()
    await tx.insert(schema.draftVersions).values({
      deliverableId: d!.id,
      brandId: acme,
      version: 1,
      caption: '#ad Signed up for the Acme Spring 10K',
      submittedAt: at(-186 + p.late),
      decision: 'approved',
      decidedByUserId: marco,
      decidedAt: at(-184 + p.late),
    })
    const [post] = await tx
      .insert(schema.posts)
      .values({
        deliverableId: d!.id,
        brandId: acme,
        creatorId,
        platform: p.platform,
        url: p.platform === 'tiktok' ? `https://www.tiktok.com/@demo${i}/video/73000000000000${i}` : `https://www.instagram.com/reel/SpRiNg10K${i}/`,
        postedAt: at(-176),
        captionAsPosted: '#ad Signed up for the Acme Spring 10K',
        status: 'verified',
        verifiedByUserId: marco,
        verifiedAt: at(-175),
      })
      .returning()
    const [impressions, likes, comments, shares, saves] = p.m
    await tx.insert(schema.metricSnapshots).values({
      postId: post!.id,
      brandId: acme,
      capturedAt: at(-146),
      source: 'csv',
      impressions,
      reach: Math.round(impressions * 0.7),
      views: Math.round(impressions * 1.1),
      likes,
      comments,
      shares,
      saves,
      createdByUserId: marco,
    })
    await tx.insert(schema.invoices).values({
      brandId: acme,
      offerId: offer!.id,
      creatorId,
      payeeKey: `creator:${creatorId}`,
      number: `SP10K-${i + 1}`,
      normalizedNumber: `SP10K${i + 1}`,
      issueDate: day(-170),
      dueDate: day(-140),
      currency: 'USD',
      subtotalMinor: p.fee,
      totalMinor: p.fee,
      status: 'paid',
      idempotencyKey: `seed-spring10k-${i}`,
      matchOk: true,
      approvedByUserId: ava,
      approvedAt: at(-160),
      paidAt: at(-142),
      paymentMethod: 'ach',
      paymentReference: `ACH-SP10K-${i + 1}`,
    })
  }

  const notes = [
    { email: 'kenji@creators.test', daysAgo: 150, by: marco, body: 'Spring 10K video was our best CPE of the season. Films trail b-roll himself; give him two weeks for a draft.' },
    { email: 'kenji@creators.test', daysAgo: 3, by: marco, body: 'Growing fast on TikTok (+35% in 90 days). Lock in a longer deal before his rate goes up.' },
    { email: 'diego@creators.test', daysAgo: 148, by: marco, body: 'Draft came two days late on Spring 10K; otherwise easy to work with. Prefers email to DMs.' },
    { email: 'maya@creators.test', daysAgo: 20, by: ava, body: 'Met Maya at the Portland marathon expo. Wants a usage fee for paid ads; organic only is fine at the base rate.' },
    { email: 'jonah@creators.test', daysAgo: 10, by: marco, body: 'Represented by Northstar Talent: send offers through Nora.' },
  ]
  for (const n of notes) {
    await tx.insert(schema.creatorNotes).values({ brandId: acme, creatorId: creator(n.email), authorUserId: n.by, body: n.body, createdAt: at(-n.daysAgo) })
  }

  // A prospect whose Instagram doubled in ten days with no posts to check it against.
  const [tyler] = await tx.insert(schema.creators).values({ name: 'Tyler Boost', email: 'tyler@creators.test', country: 'US' }).returning()
  const [acct] = await tx
    .insert(schema.socialAccounts)
    // Acme entered the account itself (he has no login): Acme's own row, labelled brand-entered (issue #14).
    .values({ creatorId: tyler!.id, brandId: acme, platform: 'instagram', handle: 'tylerboost', followers: 88_000, followersAt: ids.now, profileUrl: 'https://www.instagram.com/tylerboost/' })
    .returning()
  for (const [daysAgo, followers] of [
    [120, 40_200],
    [90, 41_000],
    [60, 42_100],
    [30, 43_000],
    [20, 86_500],
    [0, 88_000],
  ] as const) {
    await tx.insert(schema.followerSnapshots).values({ socialAccountId: acct!.id, followers, capturedAt: at(-daysAgo), source: 'seed' })
  }
  await tx.insert(schema.rosterEntries).values({ brandId: acme, creatorId: tyler!.id, status: 'prospect', tags: ['lifestyle', 'vetting'] })
  await tx.insert(schema.creatorNotes).values({ brandId: acme, creatorId: tyler!.id, authorUserId: marco, body: 'Pitched by his manager. Check the follower jump before any offer.', createdAt: at(-2) })
}
