/**
 * Factories for the posts / metrics / attribution / reports tests. Offers and draft reviews belong to
 * other capabilities: here they are plain inserted rows in the state those flows leave them in
 * (an accepted offer with an approved deliverable and an approved draft caption).
 */
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { addMember, createBrand, createCreator, uid } from './factories.ts'
import type { DeliverableStatus, PostStatus } from '#app/domain/state-machines.ts'

export async function createCampaign(brandId: string, opts: { name?: string; currency?: string } = {}) {
  const [c] = await db()
    .insert(schema.campaigns)
    .values({ brandId, name: opts.name ?? `Campaign ${uid()}`, status: 'active', currency: opts.currency ?? 'USD', platforms: ['instagram', 'tiktok'] })
    .returning()
  return c!
}

export interface CollabOpts {
  brandId: string
  campaignId: string
  creatorId: string
  feeMinor?: number
  usageFeeMinor?: number
  currency?: string
  platform?: string
  format?: string
  postWindowStart?: string | null
  postWindowEnd?: string | null
  draftDueOn?: string | null
  deliverableStatus?: DeliverableStatus
  caption?: string
}

/** An accepted offer with one deliverable in `deliverableStatus` (default approved) and its approved draft. */
export async function createCollaboration(o: CollabOpts) {
  const [offer] = await db()
    .insert(schema.offers)
    .values({
      brandId: o.brandId,
      campaignId: o.campaignId,
      creatorId: o.creatorId,
      status: 'accepted',
      connectionType: 'paid',
      feeMinor: o.feeMinor ?? 100_000,
      usageFeeMinor: o.usageFeeMinor ?? 0,
      currency: o.currency ?? 'USD',
      acceptedAt: new Date(),
    })
    .returning()
  const [deliverable] = await db()
    .insert(schema.deliverables)
    .values({
      offerId: offer!.id,
      brandId: o.brandId,
      campaignId: o.campaignId,
      creatorId: o.creatorId,
      platform: o.platform ?? 'instagram',
      format: o.format ?? 'reel',
      draftDueOn: o.draftDueOn ?? null,
      postWindowStart: o.postWindowStart === undefined ? '2026-03-01' : o.postWindowStart,
      postWindowEnd: o.postWindowEnd === undefined ? '2026-03-15' : o.postWindowEnd,
      status: o.deliverableStatus ?? 'approved',
    })
    .returning()
  let draft: typeof schema.draftVersions.$inferSelect | undefined
  if ((o.deliverableStatus ?? 'approved') !== 'pending') {
    ;[draft] = await db()
      .insert(schema.draftVersions)
      .values({
        deliverableId: deliverable!.id,
        brandId: o.brandId,
        version: 1,
        caption: o.caption ?? '#ad Marathon season starts now with @acmerunning',
        decision: 'approved',
        decidedAt: new Date(),
      })
      .returning()
  }
  return { offer: offer!, deliverable: deliverable!, draft }
}

/** A brand with a manager, a campaign and a creator (with a login) on its roster. */
export async function createPostsWorld(opts: { feeMinor?: number; platform?: string; format?: string } = {}) {
  const brand = await createBrand()
  const manager = await addMember(brand.id, 'manager')
  const campaign = await createCampaign(brand.id)
  const { creator, user } = await createCreator({ brandIds: [brand.id] })
  const collab = await createCollaboration({
    brandId: brand.id,
    campaignId: campaign.id,
    creatorId: creator.id,
    feeMinor: opts.feeMinor,
    platform: opts.platform,
    format: opts.format,
  })
  return { brand, manager, campaign, creator, creatorUser: user!, ...collab }
}

/** A post row as the submit flow leaves it (for report and metrics tests that do not test submission). */
export async function insertPost(o: {
  brandId: string
  creatorId: string
  deliverableId: string
  platform?: string
  url?: string
  postedAt?: Date
  status?: PostStatus
}) {
  const [p] = await db()
    .insert(schema.posts)
    .values({
      brandId: o.brandId,
      creatorId: o.creatorId,
      deliverableId: o.deliverableId,
      platform: o.platform ?? 'instagram',
      url: o.url ?? `https://www.instagram.com/reel/${uid()}${uid()}/`,
      postedAt: o.postedAt ?? new Date('2026-03-05T12:00:00Z'),
      status: o.status ?? 'verified',
    })
    .returning()
  return p!
}

export async function insertSnapshot(
  postId: string,
  brandId: string,
  capturedAt: Date,
  m: Partial<Record<'impressions' | 'reach' | 'views' | 'likes' | 'comments' | 'shares' | 'saves' | 'clicks' | 'followers', number | null>>,
) {
  const [s] = await db()
    .insert(schema.metricSnapshots)
    .values({ postId, brandId, capturedAt, source: 'csv', ...m })
    .returning()
  return s!
}

/** The PNG signature followed by filler: enough for the byte sniffer (a stand-in insights screenshot). */
export function fakePng(size = 2048): Buffer {
  const head = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 7)])
}

/** A multipart/form-data POST as a browser sends it (text fields, and files with a filename). */
export function multipartRequest(path: string, parts: { name: string; value?: string; filename?: string; type?: string; body?: Buffer }[], opts: { cookie?: string } = {}) {
  const boundary = `----greenroom${uid()}`
  const chunks: Buffer[] = []
  for (const p of parts) {
    const disp = `Content-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`
    const type = p.filename !== undefined ? `Content-Type: ${p.type ?? 'application/octet-stream'}\r\n` : ''
    chunks.push(Buffer.from(`--${boundary}\r\n${disp}\r\n${type}\r\n`), p.body ?? Buffer.from(p.value ?? ''), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  const headers = new Headers({ 'content-type': `multipart/form-data; boundary=${boundary}` })
  if (opts.cookie) headers.set('Cookie', opts.cookie)
  return new Request(`http://greenroom.test${path}`, { method: 'POST', headers, body: Buffer.concat(chunks) })
}
