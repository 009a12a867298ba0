import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { schema, type Tx } from './index.ts'
import { demoPdf } from './seed-money.ts'
import type { Seeder, SeedIds } from './seed-ids.ts'
import type { BriefContent, BriefFile } from '../app/domain/brief.ts'
import type { OfferDeliverableSpec } from '../app/domain/offer-terms.ts'
import { feeCostEntry } from '../app/domain/money-figures.ts'
import type { CampaignStatus } from '../app/domain/state-machines.ts'

const DAY = 86_400_000

/**
 * Demo campaigns, briefs and offers. Acme Running: "Spring Trail Drop" (active, brief v2, offers in every
 * state: Maya accepted with deliverables, Jonah (via Northstar) invited, Kenji countered, Sofia declined,
 * Diego withdrawn) and "Marathon Season" (active, Maya invited and expiring soon, Lucas invited) plus a
 * draft campaign. Glow Labs: "Winter Glow Serum" (UK brief; Amara accepted, Zoe invited). Dates are relative
 * to the seed's `now`; nothing is random.
 */
export const seedCampaigns: Seeder = async (tx, ids) => {
  const day = (n: number) => new Date(ids.now.getTime() + n * DAY).toISOString().slice(0, 10)
  const at = (n: number) => new Date(ids.now.getTime() + n * DAY)
  const acme = ids.brands.get('acme-running')!
  const glow = ids.brands.get('glow-labs')!
  const marco = ids.users.get('marco@acme.test')!
  const liam = ids.users.get('liam@glow.test')!
  const creator = (email: string) => ids.creators.get(email)!
  const user = (email: string) => ids.users.get(email)!

  // ---------------------------------------------------------------- Acme: Spring Trail Drop
  const trailV1: BriefContent = {
    overview:
      'Spring Trail Drop launches the Acme Trail 3, our lightest trail shoe yet. Show it on a real trail run in your own voice: where you ran, how it gripped, how your feet felt after.',
    keyMessages: ['Lightest Acme trail shoe: 245 g (men’s 9)', 'New Grip-Lug outsole for wet rock and mud', 'Available from March 15 at acmerunning.com'],
    hashtags: ['#AcmeTrail3', '#AcmePartner'],
    handles: ['@acmerunning'],
    productNames: ['Acme Trail 3'],
    links: ['https://acmerunning.com/trail3'],
    dos: ['Film outdoors on a trail, in daylight', 'Show the outsole at least once', 'Mention your real distance and terrain'],
    donts: ['No competitor shoes in frame', 'No medical or injury-prevention claims', 'Do not film on closed or private trails'],
    approvedClaims: ['Our lightest trail shoe', 'Grips on wet rock', 'Recycled mesh upper'],
    bannedWords: ['cure', 'injury-proof', 'guaranteed'],
    productNotes: 'You receive one pair of Trail 3 in your size (sizes 5–13, half sizes). Colour: Moss or Slate.',
    shippingNotes: 'Shoes ship within 3 business days of acceptance by UPS; confirm your shipping address on your profile.',
    deadlines: [`${day(6)}: drafts due`, `${day(12)}: posts go live`],
    jurisdiction: 'US',
    mediaAlteration: 'none',
    files: [],
  }
  // A brief file (issue #21), added in v2: Maya's "the brief changed" card lists it, the offer page opens it.
  const guide = await demoBriefFile(tx, { brandId: acme, by: marco, name: 'trail-3-creator-guide.pdf', key: 'brief_asset/demo-trail-3-guide', text: 'Acme Trail 3: creator guide (demo)' })
  const trailV2: BriefContent = {
    ...trailV1,
    files: [guide],
    keyMessages: [...trailV1.keyMessages, 'Members get free returns for 60 days'],
    bannedWords: [...trailV1.bannedWords, 'best shoe ever'],
  }
  const trail = await campaign(tx, {
    now: ids.now,
    brandId: acme,
    name: 'Spring Trail Drop',
    objective: 'Launch the Trail 3 to trail runners in the US; 10 creators, 20 posts, 2M impressions.',
    startsOn: day(-20),
    endsOn: day(40),
    platforms: ['instagram', 'tiktok', 'youtube'],
    budgetMinor: 2_500_000,
    currency: 'USD',
    status: 'active',
    createdByUserId: marco,
    versions: [trailV1, trailV2],
    publishedBy: marco,
    publishedDaysAgo: [18, 2],
  })
  const reelAndTiktok: OfferDeliverableSpec[] = [
    { platform: 'instagram', format: 'reel', quantity: 1, draftDueOn: day(6), postWindowStart: day(10), postWindowEnd: day(17) },
    { platform: 'tiktok', format: 'tiktok_video', quantity: 1, draftDueOn: day(8), postWindowStart: day(12), postWindowEnd: day(19) },
  ]
  // Maya accepted v1; the brief moved to v2 since, so she has a re-acknowledge to-do.
  await offer(tx, ids, {
    brandId: acme, campaignId: trail, creatorId: creator('maya@creators.test'), sentBy: marco, sentDaysAgo: 16, feeMinor: 180_000, currency: 'USD',
    specs: reelAndTiktok, status: 'accepted', acceptedBy: user('maya@creators.test'), acceptedDaysAgo: 14, briefVersion: 1, usage: { rights: 'organic', months: 6, territory: 'US' },
  })
  await offer(tx, ids, {
    brandId: acme, campaignId: trail, creatorId: creator('jonah@creators.test'), sentBy: marco, sentDaysAgo: 2, feeMinor: 450_000, currency: 'USD',
    specs: [{ platform: 'youtube', format: 'youtube_video', quantity: 1, draftDueOn: day(12), postWindowStart: day(16), postWindowEnd: day(25) }],
    status: 'invited', expiresAt: at(5), usage: { rights: 'paid', months: 3, territory: 'US' }, message: 'Jonah — we would love a dedicated review on your channel. Happy to talk usage.',
  })
  await offer(tx, ids, {
    brandId: acme, campaignId: trail, creatorId: creator('kenji@creators.test'), sentBy: marco, sentDaysAgo: 4, feeMinor: 120_000, currency: 'USD',
    specs: [{ platform: 'tiktok', format: 'tiktok_video', quantity: 2, draftDueOn: day(7), postWindowStart: day(10), postWindowEnd: day(20) }],
    status: 'countered', expiresAt: at(3), counter: { feeMinor: 150_000, note: 'Two TikToks with trail b-roll take two shoot days; 1,500 covers it.', by: user('kenji@creators.test'), daysAgo: 1 },
  })
  await offer(tx, ids, {
    brandId: acme, campaignId: trail, creatorId: creator('sofia@creators.test'), sentBy: marco, sentDaysAgo: 10, feeMinor: 60_000, currency: 'USD',
    specs: [{ platform: 'instagram', format: 'carousel', quantity: 1, draftDueOn: day(5), postWindowStart: day(9), postWindowEnd: day(15) }],
    status: 'declined', responseNote: 'Booked with another footwear brand this spring.',
  })
  await offer(tx, ids, {
    brandId: acme, campaignId: trail, creatorId: creator('diego@creators.test'), sentBy: marco, sentDaysAgo: 9, feeMinor: 90_000, currency: 'USD',
    specs: [{ platform: 'instagram', format: 'reel', quantity: 1, draftDueOn: day(6), postWindowStart: day(10), postWindowEnd: day(17) }],
    status: 'withdrawn',
  })

  // ---------------------------------------------------------------- Acme: Marathon Season
  const marathonBrief: BriefContent = {
    overview: 'Marathon Season: show your training block in the Acme Pace Pro, from long runs to race morning.',
    keyMessages: ['Pace Pro: carbon plate, 8 mm drop', 'Built for race day and the long run before it'],
    hashtags: ['#AcmePacePro', '#AcmePartner'],
    handles: ['@acmerunning'],
    productNames: ['Acme Trail 3'],
    links: ['https://acmerunning.com/pacepro'],
    dos: ['Show a real training session', 'Mention your goal race'],
    donts: ['No time or PR guarantees'],
    approvedClaims: ['Carbon-plated', 'Our fastest road shoe'],
    bannedWords: ['guaranteed PR'],
    productNotes: 'One pair of Pace Pro in your size.',
    shippingNotes: 'Ships on acceptance.',
    deadlines: [`${day(14)}: first story set`],
    jurisdiction: 'US',
    mediaAlteration: 'none',
    files: [],
  }
  const marathon = await campaign(tx, {
    now: ids.now,
    brandId: acme,
    name: 'Marathon Season',
    objective: 'Fall marathon training content with the Pace Pro.',
    startsOn: day(-3),
    endsOn: day(75),
    platforms: ['instagram', 'youtube'],
    budgetMinor: 1_200_000,
    currency: 'USD',
    status: 'active',
    createdByUserId: marco,
    versions: [marathonBrief],
    publishedBy: marco,
    publishedDaysAgo: [3],
  })
  await offer(tx, ids, {
    brandId: acme, campaignId: marathon, creatorId: creator('maya@creators.test'), sentBy: marco, sentDaysAgo: 1, feeMinor: 120_000, currency: 'USD',
    specs: [
      { platform: 'instagram', format: 'story', quantity: 3, draftDueOn: day(9), postWindowStart: day(14), postWindowEnd: day(21) },
      { platform: 'instagram', format: 'reel', quantity: 1, draftDueOn: day(12), postWindowStart: day(18), postWindowEnd: day(28) },
    ],
    status: 'invited', expiresAt: new Date(ids.now.getTime() + 36 * 3600_000), connectionType: 'mixed', gift: 'One pair of Pace Pro',
  })
  await offer(tx, ids, {
    brandId: acme, campaignId: marathon, creatorId: creator('lucas@creators.test'), sentBy: marco, sentDaysAgo: 1, feeMinor: 650_000, currency: 'USD',
    specs: [{ platform: 'youtube', format: 'youtube_video', quantity: 1, draftDueOn: day(15), postWindowStart: day(20), postWindowEnd: day(30) }],
    status: 'invited', expiresAt: at(9), exclusivity: { category: 'running shoes', months: 2 },
  })
  await campaign(tx, {
    now: ids.now,
    brandId: acme, name: 'Holiday Gift Guide', objective: 'Gift-guide placements for the Trail 3 and Pace Pro.', startsOn: day(30), endsOn: day(60),
    platforms: ['instagram', 'tiktok'], budgetMinor: 800_000, currency: 'USD', status: 'draft', createdByUserId: marco, versions: [], publishedBy: marco, publishedDaysAgo: [],
  })

  // ---------------------------------------------------------------- Glow Labs: Winter Glow Serum
  const glowBrief: BriefContent = {
    overview: 'Winter Glow Serum: a two-week routine diary showing the serum in your evening skincare.',
    keyMessages: ['Vitamin C + niacinamide', 'Fragrance-free, for sensitive skin'],
    hashtags: ['#GlowLabsPartner'],
    handles: ['@glowlabs'],
    productNames: [],
    links: ['https://glowlabs.co.uk/serum'],
    dos: ['Show day 1 and day 14', 'Natural light'],
    donts: ['No filters on skin', 'No before/after medical claims'],
    approvedClaims: ['Visibly brighter skin in 14 days (consumer panel, n=112)'],
    bannedWords: ['anti-ageing miracle', 'cures'],
    productNotes: 'Two 30 ml bottles.',
    shippingNotes: 'Royal Mail Tracked 48, UK and Ireland only.',
    deadlines: [`${day(10)}: routine diary drafts due`],
    jurisdiction: 'UK',
    mediaAlteration: 'none',
    files: [],
  }
  const serum = await campaign(tx, {
    now: ids.now,
    brandId: glow, name: 'Winter Glow Serum', objective: 'Two-week routine diaries for the serum launch in the UK and Ireland.',
    startsOn: day(-10), endsOn: day(45), platforms: ['instagram', 'tiktok'], budgetMinor: 800_000, currency: 'GBP', status: 'active',
    createdByUserId: liam, versions: [glowBrief], publishedBy: liam, publishedDaysAgo: [9],
  })
  await offer(tx, ids, {
    brandId: glow, campaignId: serum, creatorId: creator('amara@creators.test'), sentBy: liam, sentDaysAgo: 8, feeMinor: 250_000, currency: 'GBP',
    specs: [{ platform: 'instagram', format: 'reel', quantity: 2, draftDueOn: day(4), postWindowStart: day(8), postWindowEnd: day(20) }],
    status: 'accepted', acceptedBy: user('amara@creators.test'), acceptedDaysAgo: 6, briefVersion: 1,
  })
  await offer(tx, ids, {
    brandId: glow, campaignId: serum, creatorId: creator('zoe@creators.test'), sentBy: liam, sentDaysAgo: 2, feeMinor: 300_000, currency: 'GBP',
    specs: [{ platform: 'tiktok', format: 'tiktok_video', quantity: 2, draftDueOn: day(10), postWindowStart: day(14), postWindowEnd: day(24) }],
    status: 'invited', expiresAt: at(6),
  })
}

/** A demo PDF on disk (UPLOAD_DIR) and its files row, as attach-brief-files would leave them. */
async function demoBriefFile(tx: Tx, f: { brandId: string; by: string; name: string; key: string; text: string }): Promise<BriefFile> {
  const bytes = demoPdf(f.text)
  const full = path.resolve(process.env.UPLOAD_DIR ?? 'data/uploads', f.key)
  mkdirSync(path.dirname(full), { recursive: true })
  writeFileSync(full, bytes, { mode: 0o600 })
  const [row] = await tx
    .insert(schema.files)
    .values({ purpose: 'brief_asset', storage: 'local', storageKey: f.key, originalName: f.name, mimeType: 'application/pdf', sizeBytes: bytes.length, brandId: f.brandId, uploadedByUserId: f.by })
    .returning()
  return { id: row!.id, name: row!.originalName, mimeType: row!.mimeType, sizeBytes: row!.sizeBytes }
}

async function campaign(
  tx: Tx,
  c: {
    brandId: string; name: string; objective: string; startsOn: string; endsOn: string; platforms: string[]; budgetMinor: number; currency: string
    status: string; createdByUserId: string; versions: BriefContent[]; publishedBy: string; publishedDaysAgo: number[]; now: Date
  },
) {
  const [row] = await tx
    .insert(schema.campaigns)
    .values({ brandId: c.brandId, name: c.name, objective: c.objective, startsOn: c.startsOn, endsOn: c.endsOn, platforms: c.platforms, budgetMinor: c.budgetMinor, currency: c.currency, status: c.status as CampaignStatus, createdByUserId: c.createdByUserId })
    .returning()
  const latest = c.versions.at(-1)
  const [brief] = await tx
    .insert(schema.briefs)
    .values({ campaignId: row!.id, brandId: c.brandId, draft: latest ? { ...latest } : { jurisdiction: c.currency === 'GBP' ? 'UK' : 'US' }, currentVersion: c.versions.length })
    .returning()
  const now = c.now.getTime()
  for (const [i, content] of c.versions.entries()) {
    await tx.insert(schema.briefVersions).values({
      briefId: brief!.id,
      brandId: c.brandId,
      version: i + 1,
      content: { ...content },
      publishedByUserId: c.publishedBy,
      publishedAt: new Date(now - (c.publishedDaysAgo[i] ?? 0) * DAY),
    })
  }
  return row!.id
}

interface SeedOffer {
  brandId: string
  campaignId: string
  creatorId: string
  sentBy: string
  sentDaysAgo: number
  feeMinor: number
  currency: string
  specs: OfferDeliverableSpec[]
  status: 'invited' | 'accepted' | 'declined' | 'withdrawn' | 'countered'
  expiresAt?: Date
  acceptedBy?: string
  acceptedDaysAgo?: number
  briefVersion?: number
  responseNote?: string
  counter?: { feeMinor: number; note: string; by: string; daysAgo: number }
  usage?: { rights: 'organic' | 'paid'; months: number; territory: string }
  exclusivity?: { category: string; months: number }
  connectionType?: string
  gift?: string
  message?: string
}

async function offer(tx: Tx, ids: SeedIds, o: SeedOffer) {
  const ago = (n: number) => new Date(ids.now.getTime() - n * DAY)
  const sentAt = ago(o.sentDaysAgo)
  const base = {
    brandId: o.brandId,
    campaignId: o.campaignId,
    creatorId: o.creatorId,
    status: o.status,
    connectionType: o.connectionType ?? 'paid',
    feeMinor: o.feeMinor,
    currency: o.currency,
    paymentNetDays: 30,
    paymentClockStart: 'post_verified',
    usageRights: o.usage?.rights ?? 'none',
    usageMonths: o.usage?.months ?? 0,
    usageTerritory: o.usage?.territory ?? null,
    exclusivityCategory: o.exclusivity?.category ?? null,
    exclusivityMonths: o.exclusivity?.months ?? 0,
    revisionRounds: 2,
    giftDescription: o.gift ?? null,
    message: o.message ?? null,
    deliverableSpecs: o.specs.map((s) => ({ ...s })),
    expiresAt: o.expiresAt ?? new Date(sentAt.getTime() + 7 * DAY),
    sentByUserId: o.sentBy,
    sentAt,
  }
  const accepted = o.status === 'accepted'
  const acceptedAt = accepted ? ago(o.acceptedDaysAgo ?? 0) : null
  const terms = accepted
    ? {
        feeMinor: o.feeMinor, currency: o.currency, connectionType: base.connectionType, paymentNetDays: 30, paymentClockStart: 'post_verified',
        usageRights: base.usageRights, usageMonths: base.usageMonths, usageTerritory: base.usageTerritory, usageFeeMinor: 0,
        exclusivityCategory: base.exclusivityCategory, exclusivityMonths: base.exclusivityMonths, revisionRounds: 2, giftDescription: base.giftDescription,
        deliverables: o.specs, briefVersion: o.briefVersion ?? 1,
      }
    : null
  const [row] = await tx
    .insert(schema.offers)
    .values({
      ...base,
      responseNote: o.responseNote ?? null,
      respondedAt: o.status === 'declined' || o.status === 'withdrawn' ? ago(Math.max(0, o.sentDaysAgo - 2)) : acceptedAt,
      counterFeeMinor: o.counter?.feeMinor ?? null,
      counterNote: o.counter?.note ?? null,
      counteredAt: o.counter ? ago(o.counter.daysAgo) : null,
      counteredByUserId: o.counter?.by ?? null,
      acceptedAt,
      acceptedByUserId: accepted ? o.acceptedBy! : null,
      acceptedIp: accepted ? '203.0.113.24' : null,
      acceptedTerms: terms,
      acceptedBriefVersion: accepted ? (o.briefVersion ?? 1) : null,
      acknowledgedBriefVersion: accepted ? (o.briefVersion ?? 1) : null,
      createdAt: sentAt,
    })
    .returning()
  await tx.insert(schema.auditEvents).values({ at: sentAt, actorUserId: o.sentBy, brandId: o.brandId, action: 'offer.sent', entityType: 'offer', entityId: row!.id, after: { creatorId: o.creatorId, feeMinor: o.feeMinor } })
  if (accepted) {
    await tx.insert(schema.auditEvents).values({ at: acceptedAt!, actorUserId: o.acceptedBy!, actingForCreatorId: o.creatorId, brandId: o.brandId, action: 'offer.accepted', entityType: 'offer', entityId: row!.id, after: { status: 'accepted', terms } })
    const deliverables = o.specs.flatMap((s) =>
      Array.from({ length: s.quantity }, (_, i) => ({
        offerId: row!.id, brandId: o.brandId, campaignId: o.campaignId, creatorId: o.creatorId, platform: s.platform, format: s.format, position: i + 1,
        draftDueOn: s.draftDueOn, postWindowStart: s.postWindowStart, postWindowEnd: s.postWindowEnd, status: 'pending' as const,
      })),
    )
    await tx.insert(schema.deliverables).values(deliverables)
    const fee = feeCostEntry(row!, o.feeMinor, o.acceptedBy!, acceptedAt!)
    if (fee) await tx.insert(schema.costEntries).values(fee)
  }
  return row!.id
}
