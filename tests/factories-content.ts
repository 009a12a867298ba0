/** Content test data: stored files (real bytes on disk under UPLOAD_DIR + a files row). */
import { Readable } from 'node:stream'
import { db } from '#app/db.server.ts'
import { storeLocal } from '#app/services/files/local-disk.server.ts'
import { recordFile } from '#app/services/files/record-file.server.ts'
import type { UploadPurpose } from '#app/domain/file-access.ts'

/** The first bytes of an ISO-BMFF mp4 ('ftypisom') followed by filler: enough for the sniffer. */
export function fakeMp4(size = 4096): Buffer {
  const head = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom')])
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 1)])
}

export async function insertStoredFile(opts: { brandId: string; creatorId: string | null; purpose?: UploadPurpose; bytes?: Buffer; name?: string; uploadedByUserId?: string | null }) {
  const purpose = opts.purpose ?? 'draft'
  const stored = await storeLocal(Readable.from([opts.bytes ?? fakeMp4()]), { purpose, maxBytes: 10 * 1024 * 1024 })
  return recordFile(db(), stored, {
    purpose,
    originalName: opts.name ?? 'draft.mp4',
    brandId: opts.brandId,
    creatorId: opts.creatorId,
    uploadedByUserId: opts.uploadedByUserId ?? null,
  })
}

import { eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { emptyBrief, type BriefContent } from '#app/domain/brief.ts'
import { addMember, createAgency, createBrand, createCreator } from './factories.ts'
import { createCampaign, createCollaboration } from './factories-posts.ts'
import type { Finding } from '#app/domain/disclosure/check-caption.ts'

/** A published brief (version 1) for a campaign. */
export async function publishBrief(brandId: string, campaignId: string, content: Partial<BriefContent> = {}) {
  const [brief] = await db().insert(schema.briefs).values({ campaignId, brandId, currentVersion: 1 }).returning()
  await db()
    .insert(schema.briefVersions)
    .values({ briefId: brief!.id, brandId, version: 1, content: { ...emptyBrief('US'), ...content } as unknown as Record<string, unknown> })
  return brief!
}

/**
 * A brand (manager, admin), a campaign with a published brief asking for #AcmeRun and @acme, and a
 * creator (with a login and an agent holding submit_content) with an accepted offer whose one
 * Instagram reel deliverable is pending. `revisionRounds` defaults to 2.
 */
export async function createContentWorld(opts: { revisionRounds?: number; format?: string; platform?: string; brief?: Partial<BriefContent> } = {}) {
  const brand = await createBrand()
  const manager = await addMember(brand.id, 'manager')
  const admin = await addMember(brand.id, 'admin')
  const campaign = await createCampaign(brand.id)
  await publishBrief(brand.id, campaign.id, { hashtags: ['AcmeRun'], handles: ['acme'], bannedWords: ['cure'], ...opts.brief })
  const { creator, user } = await createCreator({ brandIds: [brand.id] })
  const { agency, agent } = await createAgency({ representing: [{ creatorId: creator.id, scopes: ['submit_content'] }] })
  const collab = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id, deliverableStatus: 'pending', platform: opts.platform, format: opts.format })
  if (opts.revisionRounds !== undefined) await db().update(schema.offers).set({ revisionRounds: opts.revisionRounds }).where(eq(schema.offers.id, collab.offer.id))
  return { brand, manager, admin, campaign, creator, creatorUser: user!, agency, agent, offer: collab.offer, deliverable: collab.deliverable }
}

/** A multipart request carrying a caption and files, as the browser sends the draft form. */
export function draftRequest(path: string, opts: { cookie?: string; caption?: string; files?: { name: string; bytes: Buffer; type?: string }[] }) {
  const form = new FormData()
  form.append('intent', 'submit-draft')
  form.append('caption', opts.caption ?? '')
  for (const f of opts.files ?? []) form.append('files', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'video/mp4' }), f.name)
  // What a browser sends for an empty file input: a part with an empty file name.
  if (!opts.files?.length) form.append('files', new Blob([], { type: 'application/octet-stream' }), '')
  const headers = new Headers({ Origin: 'http://greenroom.test' })
  if (opts.cookie) headers.set('Cookie', opts.cookie)
  return new Request(`http://greenroom.test${path}`, { method: 'POST', body: form, headers })
}

/** A draft version row as the submit flow leaves it (for review tests that do not go through upload). */
export async function insertDraft(o: { brandId: string; creatorId: string; deliverableId: string; caption?: string; findings?: Finding[]; version?: number }) {
  const file = await insertStoredFile({ brandId: o.brandId, creatorId: o.creatorId })
  const [v] = await db()
    .insert(schema.draftVersions)
    .values({ deliverableId: o.deliverableId, brandId: o.brandId, version: o.version ?? 1, caption: o.caption ?? '#ad Run with @acme #AcmeRun', fileIds: [file.id], findings: o.findings ?? [] })
    .returning()
  await db().update(schema.deliverables).set({ status: 'draft_submitted' }).where(eq(schema.deliverables.id, o.deliverableId))
  return v!
}
