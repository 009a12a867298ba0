/**
 * The UploadThing driver with UploadThing's service mocked at the HTTP boundary only (globalThis.fetch):
 * our route, its middleware (our guard), the signed callback, the byte sniffing and the file row are real.
 */
import { createHmac } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config, setConfig } from '#app/config.server.ts'
import * as utRoute from '#app/routes/api.uploadthing.tsx'
import * as fileRoute from '#app/routes/files.$id.tsx'
import { activeStorage } from '#app/services/files/storage.server.ts'
import { call, cookieFor, createCreator, makeRequest } from '#tests/factories.ts'
import { createContentWorld, draftRequest, fakeMp4 } from '#tests/factories-content.ts'
import * as deliverableRoute from '#app/routes/c+/$creator+/deliverables.$deliverable.tsx'

const API_KEY = 'sk_live_' + 'a'.repeat(40)
const TOKEN = Buffer.from(JSON.stringify({ apiKey: API_KEY, appId: 'greenroomtest', regions: ['sea1'] })).toString('base64')

type Seen = { url: string; method: string; body: string; headers: Record<string, string> }
let seen: Seen[] = []
let served: Record<string, Uint8Array> = {}
const realFetch = globalThis.fetch

beforeEach(() => {
  seen = []
  served = {}
  setConfig({ UPLOADTHING_TOKEN: TOKEN })
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init)
    const url = req.url
    seen.push({ url, method: req.method, body: req.method === 'GET' ? '' : await req.clone().text(), headers: Object.fromEntries(req.headers) })
    if (url.startsWith('https://sea1.ingest.uploadthing.com/route-metadata')) return Response.json({ ok: true })
    if (url.endsWith('/callback-result')) return Response.json({ ok: true })
    if (url.startsWith('https://api.uploadthing.com/') && url.includes('deleteFiles')) return Response.json({ success: true, deletedCount: 1 })
    const fileKey = url.startsWith('https://greenroomtest.ufs.sh/f/') ? url.slice('https://greenroomtest.ufs.sh/f/'.length) : null
    if (fileKey && served[fileKey]) return new Response(Buffer.from(served[fileKey]!.subarray(0, 64)), { status: 206 })
    return new Response('unexpected request in test: ' + url, { status: 500 })
  })
})
afterEach(() => {
  vi.stubGlobal('fetch', realFetch)
  vi.unstubAllGlobals()
  setConfig({ UPLOADTHING_TOKEN: undefined })
})

async function requestUpload(w: Awaited<ReturnType<typeof createContentWorld>>, user: { id: string }, files = [{ name: 'clip.mp4', size: 4096, type: 'video/mp4', lastModified: 1 }]) {
  const cookie = await cookieFor(user)
  const request = new Request('http://greenroom.test/api/uploadthing?actionType=upload&slug=draftMedia', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookie ?? '', 'x-uploadthing-package': 'react', 'x-uploadthing-version': '7.7.4' },
    body: JSON.stringify({ files, input: { creatorId: w.creator.id, deliverableId: w.deliverable.id } }),
  })
  return (await utRoute.action({ request, params: {}, context: {} } as never)) as Response
}

async function callback(file: { key: string; name: string; size: number; type: string }, metadata: Record<string, unknown>, signWith = API_KEY) {
  const body = JSON.stringify({
    status: 'uploaded',
    origin: 'https://sea1.ingest.uploadthing.com',
    metadata,
    file: { ...file, lastModified: 1, customId: null, url: `https://utfs.io/f/${file.key}`, appUrl: `https://utfs.io/a/greenroomtest/${file.key}`, ufsUrl: `https://greenroomtest.ufs.sh/f/${file.key}`, fileHash: 'x' },
  })
  const signature = 'hmac-sha256=' + createHmac('sha256', signWith).update(body).digest('hex')
  const request = new Request('http://greenroom.test/api/uploadthing?slug=draftMedia', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'uploadthing-hook': 'callback', 'x-uploadthing-signature': signature },
    body,
  })
  return (await utRoute.action({ request, params: {}, context: {} } as never)) as Response
}

const utFiles = (creatorId: string) => db().select().from(schema.files).where(and(eq(schema.files.creatorId, creatorId), eq(schema.files.storage, 'uploadthing')))
async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 50; i++) {
    const v = await fn()
    if (ok(v)) return v
    await new Promise((r) => setTimeout(r, 40))
  }
  return fn()
}

describe('UploadThing driver (service mocked at the HTTP boundary)', () => {
  it('is used only when UPLOADTHING_TOKEN is set', () => {
    expect(activeStorage()).toBe('uploadthing')
    setConfig({ UPLOADTHING_TOKEN: undefined })
    expect(activeStorage()).toBe('local')
  })

  it('presigns an upload for the creator after our guard ran, and registers the metadata with UploadThing', async () => {
    const w = await createContentWorld()
    const res = await requestUpload(w, w.creatorUser)
    expect(res.status).toBe(200)
    const presigned = (await res.json()) as { key: string; url: string; name: string }[]
    expect(presigned).toHaveLength(1)
    expect(presigned[0]!.name).toBe('clip.mp4')
    expect(presigned[0]!.url).toMatch(/^https:\/\/sea1\.ingest\.uploadthing\.com\/.+signature=/)
    const meta = seen.find((s) => s.url.includes('/route-metadata'))!
    expect(JSON.parse(meta.body).metadata).toEqual({ userId: w.creatorUser.id, creatorId: w.creator.id, brandId: w.brand.id, agencyId: null })
    expect(JSON.parse(meta.body).callbackUrl).toBe(`${config().appUrl}/api/uploadthing`)
  })

  it('refuses someone who is not the creator or their agent: no presigned URL, nothing registered', async () => {
    const w = await createContentWorld()
    const stranger = await createCreator()
    const res = await requestUpload(w, stranger.user!)
    expect(res.status).toBe(403)
    expect(seen.filter((s) => s.url.includes('/route-metadata'))).toEqual([])
  })

  it('the signed callback sniffs the bytes and records the file; the draft then uses it and the files route redirects viewers only', async () => {
    const w = await createContentWorld()
    const key = `k${Date.now()}mp4`
    served[key] = fakeMp4(4096)
    const meta = { userId: w.creatorUser.id, creatorId: w.creator.id, brandId: w.brand.id, agencyId: null }
    expect((await callback({ key, name: 'clip.mp4', size: 4096, type: 'video/mp4' }, meta)).status).toBe(200)
    const [row] = await eventually(() => utFiles(w.creator.id), (r) => r.length > 0)
    expect([row!.storageKey, row!.mimeType, row!.sizeBytes, row!.brandId]).toEqual([key, 'video/mp4', 4096, w.brand.id])
    expect(seen.find((s) => s.url === `https://greenroomtest.ufs.sh/f/${key}`)!.headers.range).toBe('bytes=0-63')
    await eventually(async () => seen.filter((s) => s.url.endsWith('/callback-result')), (r) => r.length > 0)
    const result = seen.find((s) => s.url.endsWith('/callback-result'))!
    expect(JSON.parse(result.body)).toEqual({ fileKey: key, callbackData: { fileId: row!.id } })

    // The draft form then submits the file id instead of bytes.
    const form = new FormData()
    form.append('intent', 'submit-draft')
    form.append('caption', '#ad Trail day with @acme #AcmeRun')
    form.append('uploadedFileIds', row!.id)
    const request = new Request(`http://greenroom.test/c/${w.creator.id}/deliverables/${w.deliverable.id}`, { method: 'POST', body: form, headers: { cookie: (await cookieFor(w.creatorUser))! } })
    const r = await call(() => deliverableRoute.action({ request, params: { creator: w.creator.id, deliverable: w.deliverable.id }, context: {} } as never))
    expect(r.status).toBe(302)
    const [v1] = await db().select().from(schema.draftVersions).where(eq(schema.draftVersions.deliverableId, w.deliverable.id))
    expect(v1!.fileIds).toEqual([row!.id])

    const asManager = await call(async () => fileRoute.loader({ request: makeRequest(`/files/${row!.id}`, { cookie: await cookieFor(w.manager) }), params: { id: row!.id }, context: {} } as never))
    expect([asManager.status, asManager.location]).toEqual([302, `https://utfs.io/f/${key}`])
    const stranger = await createCreator()
    const asStranger = await call(async () => fileRoute.loader({ request: makeRequest(`/files/${row!.id}`, { cookie: await cookieFor(stranger.user) }), params: { id: row!.id }, context: {} } as never))
    expect(asStranger.status).toBe(404)
  })

  it('a spoofed type (HTML named .mp4) is deleted from UploadThing and never recorded', async () => {
    const w = await createContentWorld()
    const key = `k${Date.now()}html`
    served[key] = new TextEncoder().encode('<!doctype html><script>alert(1)</script>'.padEnd(100, ' '))
    const meta = { userId: w.creatorUser.id, creatorId: w.creator.id, brandId: w.brand.id, agencyId: null }
    await callback({ key, name: 'clip.mp4', size: 100, type: 'video/mp4' }, meta)
    const del = await eventually(async () => seen.filter((s) => s.url.includes('deleteFiles')), (r) => r.length > 0)
    expect(JSON.parse(del[0]!.body)).toMatchObject({ fileKeys: [key] })
    expect(await utFiles(w.creator.id)).toEqual([])
  })

  it('a callback with a bad signature is refused and records nothing', async () => {
    const w = await createContentWorld()
    const key = `k${Date.now()}forged`
    served[key] = fakeMp4(4096)
    const res = await callback({ key, name: 'clip.mp4', size: 4096, type: 'video/mp4' }, { userId: w.creatorUser.id, creatorId: w.creator.id, brandId: w.brand.id, agencyId: null }, 'sk_live_wrong')
    expect(res.status).toBe(400)
    // The callback answers after its transaction: a refusal has nothing left to write.
    expect(await utFiles(w.creator.id)).toEqual([])
  })

  it('without a token the endpoint is 404 and drafts stream to local disk', async () => {
    setConfig({ UPLOADTHING_TOKEN: undefined })
    const r = await call(() => utRoute.loader({ request: makeRequest('/api/uploadthing'), params: {}, context: {} } as never))
    expect(r.status).toBe(404)
    const w = await createContentWorld()
    const request = draftRequest(`/c/${w.creator.id}/deliverables/${w.deliverable.id}`, { cookie: await cookieFor(w.creatorUser), caption: '#ad hi', files: [{ name: 'a.mp4', bytes: fakeMp4(5000) }] })
    expect((await call(() => deliverableRoute.action({ request, params: { creator: w.creator.id, deliverable: w.deliverable.id }, context: {} } as never))).status).toBe(302)
    const [file] = await db().select().from(schema.files).where(eq(schema.files.creatorId, w.creator.id))
    expect(file!.storage).toBe('local')
  })
})
