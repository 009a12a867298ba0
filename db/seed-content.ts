import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { deflateSync } from 'node:zlib'
import { schema, type Tx } from './index.ts'
import { newId } from './ids.ts'
import type { SeedIds, Seeder } from './seed-ids.ts'
import { checkCaption } from '../app/domain/disclosure/check-caption.ts'
import type { ConnectionType, Format, Platform } from '../app/domain/catalog.ts'
import { feeCostEntry } from '../app/domain/money-figures.ts'
import type { DeliverableStatus } from '../app/domain/state-machines.ts'

const DAY = 86_400_000
const HOUR = 3_600_000

/**
 * Demo drafts and reviews for Acme Running's "Summer Road Series" (brief: #AcmeRoad, @acmerunning):
 *  - Diego Santos: Instagram reel v1 waiting for review, caption without a disclosure (blocking LX-01).
 *  - Kenji Watanabe: TikTok video v1 waiting, clean caption.
 *  - Sofia Marquez: Instagram feed post, changes requested on v1 (a comment for her and an internal note).
 *  - Lucas Meyer: YouTube video, v1 changes requested, v2 approved.
 * Each draft has a real PNG on disk (UPLOAD_DIR) so the review page has something to show. Maya's
 * own deliverables are left alone (the e2e flow uploads her drafts). Nothing is random but the ids.
 */
export const seedContent: Seeder = async (tx, ids) => {
  const acme = ids.brands.get('acme-running')!
  const marco = ids.users.get('marco@acme.test')!
  const at = (n: number) => new Date(ids.now.getTime() + n * DAY)
  const day = (n: number) => at(n).toISOString().slice(0, 10)
  const brief = { hashtags: ['#AcmeRoad'], handles: ['@acmerunning'], links: [], bannedWords: ['guaranteed', 'cure'], approvedClaims: ['Our most cushioned road shoe'] }
  const [campaign] = await tx
    .insert(schema.campaigns)
    .values({
      brandId: acme,
      name: 'Summer Road Series',
      objective: 'Road running content in the Acme Cruise for the summer race season.',
      startsOn: day(-10),
      endsOn: day(50),
      platforms: ['instagram', 'tiktok', 'youtube'],
      budgetMinor: 1_500_000,
      currency: 'USD',
      status: 'active',
      createdByUserId: marco,
    })
    .returning()
  const [b] = await tx.insert(schema.briefs).values({ campaignId: campaign!.id, brandId: acme, currentVersion: 1, draft: { ...briefContent(brief) } }).returning()
  await tx.insert(schema.briefVersions).values({ briefId: b!.id, brandId: acme, version: 1, content: briefContent(brief), publishedByUserId: marco, publishedAt: at(-9) })

  const collab = (email: string, o: { platform: Platform; format: Format; fee: number; status: DeliverableStatus; windowStart: number; revisionsUsed?: number }) =>
    deliverableFor(tx, ids, { brandId: acme, campaignId: campaign!.id, email, marco, ...o, day, at })

  const draft = async (d: { id: string; creatorId: string; platform: Platform; format: Format }, v: { version: number; caption: string; hoursAgo: number; decision?: 'approved' | 'changes_requested'; color: [number, number, number] }) => {
    const file = await seedImage(tx, { brandId: acme, creatorId: d.creatorId, name: `draft-v${v.version}.png`, color: v.color })
    const findings = checkCaption({
      caption: v.caption,
      platform: d.platform,
      format: d.format,
      connectionType: 'paid' as ConnectionType,
      jurisdiction: 'US',
      brandName: 'Acme Running',
      mandatory: { hashtags: brief.hashtags, handles: brief.handles, links: [] },
      bannedWords: brief.bannedWords,
      approvedClaims: brief.approvedClaims,
    })
    const submittedAt = new Date(ids.now.getTime() - v.hoursAgo * HOUR)
    const [row] = await tx
      .insert(schema.draftVersions)
      .values({
        deliverableId: d.id,
        brandId: acme,
        version: v.version,
        caption: v.caption,
        fileIds: [file],
        findings,
        submittedAt,
        decision: v.decision ?? null,
        decidedByUserId: v.decision ? marco : null,
        decidedAt: v.decision ? new Date(submittedAt.getTime() + 20 * HOUR) : null,
        attestations: v.decision === 'approved' ? { 'VD-01': true, 'VD-02': true, 'VD-03': true, 'VD-04': true, 'PT-03': true } : {},
      })
      .returning()
    return row!
  }
  const comment = (deliverableId: string, draftVersionId: string, body: string, visibility: 'creator' | 'internal', hoursAgo: number) =>
    tx.insert(schema.reviewComments).values({ deliverableId, draftVersionId, brandId: acme, authorUserId: marco, body, visibility, createdAt: new Date(ids.now.getTime() - hoursAgo * HOUR) })

  const diego = await collab('diego@creators.test', { platform: 'instagram', format: 'reel', fee: 90_000, status: 'draft_submitted', windowStart: 4 })
  await draft(diego, { version: 1, caption: 'Sunday long run in the new Cruise 🏃‍♂️ 18 miles and my legs still feel fresh\n#AcmeRoad @acmerunning #running #longrun', hoursAgo: 50, color: [230, 120, 60] })

  const kenji = await collab('kenji@creators.test', { platform: 'tiktok', format: 'tiktok_video', fee: 120_000, status: 'draft_submitted', windowStart: 7 })
  await draft(kenji, { version: 1, caption: '#ad Testing the Acme Cruise on hill repeats with @acmerunning #AcmeRoad', hoursAgo: 5, color: [40, 110, 200] })

  const sofia = await collab('sofia@creators.test', { platform: 'instagram', format: 'feed_post', fee: 60_000, status: 'changes_requested', windowStart: 9, revisionsUsed: 1 })
  const s1 = await draft(sofia, { version: 1, caption: '#ad Morning 5K with @acmerunning. This shoe is guaranteed to make you faster! #AcmeRoad', hoursAgo: 30, decision: 'changes_requested', color: [120, 170, 90] })
  await comment(sofia.id, s1.id, 'Looks great! Please drop "guaranteed to make you faster": we cannot claim that. "Our most cushioned road shoe" is fine.', 'creator', 10)
  await comment(sofia.id, s1.id, 'Legal flagged the performance claim; second time this creator used it.', 'internal', 10)

  const lucas = await collab('lucas@creators.test', { platform: 'youtube', format: 'youtube_video', fee: 650_000, status: 'approved', windowStart: 3, revisionsUsed: 1 })
  const l1 = await draft(lucas, { version: 1, caption: 'My summer race plan, and the shoe I trust for it. @acmerunning #AcmeRoad', hoursAgo: 96, decision: 'changes_requested', color: [150, 80, 160] })
  await comment(lucas.id, l1.id, 'Please add "Paid partnership with Acme Running" at the start of the description.', 'creator', 70)
  await draft(lucas, { version: 2, caption: 'Paid partnership with Acme Running. My summer race plan, and the shoe I trust for it. @acmerunning #AcmeRoad', hoursAgo: 60, decision: 'approved', color: [150, 80, 160] })
}

function briefContent(b: { hashtags: string[]; handles: string[]; links: string[]; bannedWords: string[]; approvedClaims: string[] }) {
  return {
    overview: 'Show your summer road training in the Acme Cruise: real runs, real weather, your own words.',
    keyMessages: ['Our most cushioned road shoe', 'Made for long summer miles'],
    dos: ['Film outdoors', 'Mention your distance'],
    donts: ['No competitor shoes in frame', 'No performance guarantees'],
    productNotes: 'One pair of Acme Cruise in your size.',
    shippingNotes: 'Ships on acceptance.',
    deadlines: [],
    jurisdiction: 'US',
    ...b,
  }
}

async function deliverableFor(
  tx: Tx,
  ids: SeedIds,
  o: { brandId: string; campaignId: string; email: string; marco: string; platform: Platform; format: Format; fee: number; status: DeliverableStatus; windowStart: number; revisionsUsed?: number; day: (n: number) => string; at: (n: number) => Date },
) {
  const creatorId = ids.creators.get(o.email)!
  const spec = { platform: o.platform, format: o.format, quantity: 1, draftDueOn: o.day(o.windowStart - 4), postWindowStart: o.day(o.windowStart), postWindowEnd: o.day(o.windowStart + 10) }
  const [offer] = await tx
    .insert(schema.offers)
    .values({
      brandId: o.brandId,
      campaignId: o.campaignId,
      creatorId,
      status: 'accepted',
      connectionType: 'paid',
      feeMinor: o.fee,
      currency: 'USD',
      revisionRounds: 2,
      deliverableSpecs: [spec],
      sentByUserId: o.marco,
      sentAt: o.at(-9),
      acceptedAt: o.at(-8),
      acceptedByUserId: ids.users.get(o.email) ?? null,
      acceptedTerms: { feeMinor: o.fee, currency: 'USD', deliverables: [spec], briefVersion: 1 },
      acceptedBriefVersion: 1,
      acknowledgedBriefVersion: 1,
    })
    .returning()
  // The fee entry acceptance writes in the app (commitOffer).
  const fee = feeCostEntry(offer!, o.fee, ids.users.get(o.email) ?? null, o.at(-8))
  if (fee) await tx.insert(schema.costEntries).values(fee)
  const [d] = await tx
    .insert(schema.deliverables)
    .values({
      offerId: offer!.id,
      brandId: o.brandId,
      campaignId: o.campaignId,
      creatorId,
      platform: o.platform,
      format: o.format,
      draftDueOn: spec.draftDueOn,
      postWindowStart: spec.postWindowStart,
      postWindowEnd: spec.postWindowEnd,
      status: o.status,
      revisionsUsed: o.revisionsUsed ?? 0,
    })
    .returning()
  return { id: d!.id, creatorId, platform: o.platform, format: o.format }
}

/** Writes a small striped PNG to UPLOAD_DIR/draft/<id> and records it. */
async function seedImage(tx: Tx, o: { brandId: string; creatorId: string; name: string; color: [number, number, number] }) {
  const bytes = png(360, 450, o.color)
  const storageKey = `draft/${newId(24)}`
  const full = path.resolve(process.env.UPLOAD_DIR ?? 'data/uploads', storageKey)
  mkdirSync(path.dirname(full), { recursive: true })
  writeFileSync(full, bytes, { mode: 0o600 })
  const [row] = await tx
    .insert(schema.files)
    .values({ purpose: 'draft', storage: 'local', storageKey, originalName: o.name, mimeType: 'image/png', sizeBytes: bytes.length, brandId: o.brandId, creatorId: o.creatorId, uploadedByUserId: null })
    .returning()
  return row!.id
}

function png(width: number, height: number, [r, g, bl]: [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1)
    raw[row] = 0
    const shade = 0.75 + 0.25 * Math.sin(y / 18)
    for (let x = 0; x < width; x++) {
      const i = row + 1 + x * 3
      const light = ((x >> 5) + (y >> 5)) % 2 ? 1 : 0.88
      raw[i] = Math.min(255, Math.round(r * shade * light))
      raw[i + 1] = Math.min(255, Math.round(g * shade * light))
      raw[i + 2] = Math.min(255, Math.round(bl * shade * light))
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(td))
    return Buffer.concat([len, td, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

function crc32(buf: Buffer): number {
  let c = ~0
  for (const byte of buf) {
    c ^= byte
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}
