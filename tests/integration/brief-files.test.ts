/**
 * Issue #21 / #19: managers attach images and PDFs to the brief through the one upload path
 * (app/services/files: type from the bytes, DOCUMENT_UPLOAD_MAX_BYTES); the files land in the draft,
 * publishing carries them, and /files/:id serves them to the brand and to the creators with an offer in
 * the campaign (and their agents) once a published version carries them. Everyone else gets a 404.
 */
import { readdir } from 'node:fs/promises'
import { and, asc, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config, setConfig } from '#app/config.server.ts'
import * as briefRoute from '#app/routes/b+/$brand+/campaigns.$campaign.brief.tsx'
import * as fileRoute from '#app/routes/files.$id.tsx'
import { toBriefContent } from '#app/domain/brief.ts'
import { getCreatorOffer } from '#app/services/offers/get-creator-offer.server.ts'
import { addMember, call, cookieFor, createAgency, createBrand, createCreator, makeRequest } from '#tests/factories.ts'
import { createCampaign, createCollaboration } from '#tests/factories-posts.ts'

const PDF = (size = 2_000) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)])
const PNG = () => Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4480000000049454e44ae426082', 'hex')
/** A Windows executable (MZ header) renamed to look like a PDF. */
const EXE = () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(4_000, 0)])

afterEach(() => setConfig({ DOCUMENT_UPLOAD_MAX_BYTES: 25 * 1024 * 1024 }))

async function world() {
  const brand = await createBrand()
  const other = await createBrand()
  const manager = await addMember(brand.id, 'manager')
  const viewer = await addMember(brand.id, 'viewer')
  const otherManager = await addMember(other.id, 'manager')
  const campaign = await createCampaign(brand.id)
  const a = await createCreator({ brandIds: [brand.id] })
  const unrelated = await createCreator({ brandIds: [brand.id] })
  const { offer } = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: a.creator.id })
  const agency = await createAgency({ representing: [{ creatorId: a.creator.id, scopes: [] }] })
  return { brand, other, manager, viewer, otherManager, campaign, a, unrelated, offer, agent: agency.agent }
}
type World = Awaited<ReturnType<typeof world>>

async function listUploads(): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(config().UPLOAD_DIR, { withFileTypes: true, recursive: true }).catch(() => [])) if (e.isFile()) out.push(e.name)
  return out.sort()
}

/** The multipart body the brief page's "Attach files" form sends. */
async function attach(w: World, user: { id: string }, files: { name: string; bytes: Buffer; type?: string }[], brandSlug = w.brand.slug) {
  const form = new FormData()
  form.append('intent', 'attach-files')
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'application/pdf' }), f.name)
  if (!files.length) form.append('files', new Blob([], { type: 'application/octet-stream' }), '')
  const headers = new Headers({ Cookie: (await cookieFor(user))! })
  const request = new Request(`http://greenroom.test/b/${brandSlug}/campaigns/${w.campaign.id}/brief`, { method: 'POST', body: form, headers })
  return call(() => briefRoute.action({ request, params: { brand: brandSlug, campaign: w.campaign.id }, context: {} }))
}

async function post(w: World, user: { id: string }, form: Record<string, string>) {
  const request = makeRequest(`/b/${w.brand.slug}/campaigns/${w.campaign.id}/brief`, { cookie: await cookieFor(user), form })
  return call(() => briefRoute.action({ request, params: { brand: w.brand.slug, campaign: w.campaign.id }, context: {} }))
}

const publish = (w: World, baseVersion: number, overview = 'Run the trail with us') => post(w, w.manager, { intent: 'publish', overview, jurisdiction: 'US', baseVersion: String(baseVersion) })

async function fileStatus(user: { id: string }, id: string) {
  const request = new Request(`http://greenroom.test/files/${id}`, { headers: { Cookie: (await cookieFor(user))! } })
  return (await call(() => fileRoute.loader({ request, params: { id }, context: {} }))).status
}

const brief = async (w: World) => (await db().select().from(schema.briefs).where(eq(schema.briefs.campaignId, w.campaign.id)))[0]!
const draftFiles = async (w: World) => toBriefContent((await brief(w)).draft).files
const briefFileRows = (w: World) => db().select().from(schema.files).where(and(eq(schema.files.brandId, w.brand.id), eq(schema.files.purpose, 'brief_asset')))
const audits = async (w: World) =>
  (await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.brandId, w.brand.id), eq(schema.auditEvents.entityType, 'brief'))).orderBy(asc(schema.auditEvents.id))).map((e) => e.action)

describe('brief files', () => {
  it('a manager attaches a PDF and an image: they land in the draft (brand only), publishing carries them to the creator and their agent', async () => {
    const w = await world()
    const r = await attach(w, w.manager, [
      { name: 'Trail 3 brand guide.pdf', bytes: PDF() },
      { name: 'outsole.png', bytes: PNG(), type: 'image/png' },
    ])
    expect(r.status).toBe(302)
    const files = await draftFiles(w)
    expect(files.map((f) => [f.name, f.mimeType, f.sizeBytes])).toEqual([
      ['Trail 3 brand guide.pdf', 'application/pdf', 2_000],
      ['outsole.png', 'image/png', PNG().length],
    ])
    const rows = await briefFileRows(w)
    expect(rows.map((f) => f.id).sort()).toEqual(files.map((f) => f.id).sort())
    expect(rows.every((f) => f.creatorId === null && f.uploadedByUserId === w.manager.id)).toBe(true)
    const [pdf, png] = files
    // In the draft only: the brand sees them, creators do not yet.
    expect(await fileStatus(w.manager, pdf!.id)).toBe(200)
    expect(await fileStatus(w.viewer, pdf!.id)).toBe(200)
    expect(await fileStatus(w.a.user!, pdf!.id)).toBe(404)
    expect(await fileStatus(w.agent, pdf!.id)).toBe(404)

    // Saving the text keeps the files; publishing carries them into version 1.
    expect((await post(w, w.manager, { intent: 'save', overview: 'Draft text', jurisdiction: 'US', baseVersion: '0' })).status).toBe(302)
    expect((await draftFiles(w)).map((f) => f.id)).toEqual([pdf!.id, png!.id])
    expect((await publish(w, 0)).status).toBe(302)
    const [v1] = await db().select().from(schema.briefVersions).where(eq(schema.briefVersions.briefId, (await brief(w)).id))
    expect(toBriefContent(v1!.content).files.map((f) => f.id)).toEqual([pdf!.id, png!.id])
    for (const id of [pdf!.id, png!.id]) {
      expect(await fileStatus(w.a.user!, id)).toBe(200)
      expect(await fileStatus(w.agent, id)).toBe(200) // an active grant, even without scopes ('view')
    }
    // The creator's offer page shows them with the published brief.
    const page = await getCreatorOffer(w.a.creator.id, w.offer.id)
    expect(page.brief!.files.map((f) => f.name)).toEqual(['Trail 3 brand guide.pdf', 'outsole.png'])
    expect(await audits(w)).toEqual(['brief.file_attached', 'brief.draft_saved', 'brief.published'])
  })

  it('a .exe renamed .pdf is refused by the sniffer (415, next to the field) and nothing is stored', async () => {
    const w = await world()
    const before = await listUploads()
    const r = await attach(w, w.manager, [{ name: 'brief.pdf', bytes: EXE() }])
    expect(r.status).toBe(415)
    expect(r.data).toMatchObject({ ok: false, fieldErrors: { files: ['That file type is not accepted here. Use PDF, JPEG, PNG, GIF, WebP, HEIC.'] } })
    expect(await listUploads()).toEqual(before)
    expect(await briefFileRows(w)).toEqual([])
    expect(await audits(w)).toEqual([])
  })

  it('a file over DOCUMENT_UPLOAD_MAX_BYTES is refused (413) and the other file of the same upload is removed too', async () => {
    const w = await world()
    setConfig({ DOCUMENT_UPLOAD_MAX_BYTES: 60 * 1024 })
    const before = await listUploads()
    const r = await attach(w, w.manager, [
      { name: 'small.pdf', bytes: PDF(10_000) },
      { name: 'big.pdf', bytes: PDF(80_000) },
    ])
    expect(r.status).toBe(413)
    expect(r.data).toMatchObject({ ok: false, fieldErrors: { files: ['That file is over the 60 KB limit.'] } })
    expect(await listUploads()).toEqual(before)
    expect(await briefFileRows(w)).toEqual([])
  })

  it('no file chosen is a 400 next to the field', async () => {
    const w = await world()
    const r = await attach(w, w.manager, [])
    expect(r.status).toBe(400)
    expect(r.data).toMatchObject({ fieldErrors: { files: ['Choose one or more images or PDFs to attach.'] } })
  })

  it('an archived campaign: attaching and removing are refused (409) and the upload is removed', async () => {
    const w = await world()
    await attach(w, w.manager, [{ name: 'guide.pdf', bytes: PDF() }])
    const [f] = await draftFiles(w)
    await db().update(schema.campaigns).set({ status: 'archived' }).where(eq(schema.campaigns.id, w.campaign.id))
    const before = await listUploads()
    const r = await attach(w, w.manager, [{ name: 'late.pdf', bytes: PDF() }])
    expect([r.status, (r.data as { formError?: string }).formError]).toEqual([409, 'This campaign is archived and its brief can no longer change.'])
    expect(await listUploads()).toEqual(before)
    expect((await post(w, w.manager, { intent: 'remove-file', fileId: f!.id })).status).toBe(409)
    expect((await draftFiles(w)).map((x) => x.id)).toEqual([f!.id])
  })

  it("another brand's manager and a viewer cannot attach; nothing is stored", async () => {
    const w = await world()
    const before = await listUploads()
    // Through their own brand's URL the campaign is not theirs: 404. Through ours they are no member: 404.
    expect((await attach(w, w.otherManager, [{ name: 'x.pdf', bytes: PDF() }], w.other.slug)).status).toBe(404)
    expect((await attach(w, w.otherManager, [{ name: 'x.pdf', bytes: PDF() }])).status).toBe(404)
    // A viewer reads the brief but may not edit it.
    expect((await attach(w, w.viewer, [{ name: 'x.pdf', bytes: PDF() }])).status).toBe(403)
    expect(await listUploads()).toEqual(before)
    expect(await briefFileRows(w)).toEqual([])
    const briefs = await db().select().from(schema.briefs).where(eq(schema.briefs.campaignId, w.campaign.id))
    expect(briefs.flatMap((b) => toBriefContent(b.draft).files)).toEqual([])
  })

  it("another brand's manager and an unrelated creator get 404 on a published brief file", async () => {
    const w = await world()
    await attach(w, w.manager, [{ name: 'guide.pdf', bytes: PDF() }])
    await publish(w, 0)
    const [f] = await draftFiles(w)
    expect(await fileStatus(w.a.user!, f!.id)).toBe(200)
    expect(await fileStatus(w.otherManager, f!.id)).toBe(404)
    expect(await fileStatus(w.unrelated.user!, f!.id)).toBe(404)
  })

  it('removing: a published file stays until the next version (whose diff lists it); a draft-only file is deleted outright', async () => {
    const w = await world()
    await attach(w, w.manager, [{ name: 'old-guide.pdf', bytes: PDF() }])
    await publish(w, 0)
    const [published] = await draftFiles(w)
    await attach(w, w.manager, [{ name: 'new-guide.pdf', bytes: PDF(3_000) }])
    const [, fresh] = await draftFiles(w)
    // the draft-only file: row and bytes gone
    const uploadsWithFresh = await listUploads()
    expect((await post(w, w.manager, { intent: 'remove-file', fileId: fresh!.id })).status).toBe(302)
    expect((await briefFileRows(w)).map((f) => f.id)).toEqual([published!.id])
    expect((await listUploads()).length).toBe(uploadsWithFresh.length - 1)
    // the published file: out of the draft, still served with v1
    expect((await post(w, w.manager, { intent: 'remove-file', fileId: published!.id })).status).toBe(302)
    expect(await draftFiles(w)).toEqual([])
    expect(await fileStatus(w.a.user!, published!.id)).toBe(200)
    // removing it again, or a file of nobody's brief: 404
    expect((await post(w, w.manager, { intent: 'remove-file', fileId: published!.id })).status).toBe(404)
    // a viewer may not remove
    expect((await post(w, w.viewer, { intent: 'remove-file', fileId: published!.id })).status).toBe(403)
    // v2 without it: the creator no longer gets it, and the diff said so
    await publish(w, 1, 'Run the trail with us, v2')
    expect(await fileStatus(w.a.user!, published!.id)).toBe(404)
    expect(await fileStatus(w.manager, published!.id)).toBe(200) // the brand keeps it with v1
    const [event] = await db()
      .select()
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.entityId, (await brief(w)).id), eq(schema.auditEvents.action, 'brief.published')))
      .orderBy(asc(schema.auditEvents.id))
      .offset(1)
    expect(event!.after).toMatchObject({ version: 2, changed: ['Overview', 'Files'] })
    expect(await audits(w)).toEqual(['brief.file_attached', 'brief.published', 'brief.file_attached', 'brief.file_removed', 'brief.file_removed', 'brief.published'])
  })
})
