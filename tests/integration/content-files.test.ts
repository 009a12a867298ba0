import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { config } from '#app/config.server.ts'
import { loader } from '#app/routes/files.$id.tsx'
import { parseUpload } from '#app/services/files/parse-upload.server.ts'
import { addMember, call, cookieFor, createAgency, createBrand, createCreator, makeRequest } from '#tests/factories.ts'
import { fakeMp4, insertStoredFile } from '#tests/factories-content.ts'

async function get(user: { id: string } | null, id: string, headers: Record<string, string> = {}) {
  const cookie = await cookieFor(user)
  const request = new Request(`http://localhost/files/${id}`, { headers: { ...(cookie ? { cookie } : {}), ...headers } })
  return call(() => loader({ request, params: { id }, context: {} }))
}

describe('files route', () => {
  it('serves a draft to its brand and creator, 404 to another brand and an agent without the scope', async () => {
    const brand = await createBrand()
    const other = await createBrand()
    const a = await createCreator({ brandIds: [brand.id] })
    const manager = await addMember(brand.id, 'manager')
    const outsider = await addMember(other.id, 'admin')
    const noScope = await createAgency({ representing: [{ creatorId: a.creator.id, scopes: ['answer_offers'] }] })
    const bytes = fakeMp4(5000)
    const file = await insertStoredFile({ brandId: brand.id, creatorId: a.creator.id, bytes, name: 'cut "final".mp4' })

    const ok = await get(manager, file.id)
    expect(ok.status).toBe(200)
    expect(ok.response!.headers.get('x-content-type-options')).toBe('nosniff')
    expect(ok.response!.headers.get('content-type')).toBe('video/mp4')
    expect(ok.response!.headers.get('content-disposition')).toBe(`inline; filename="cut _final_.mp4"; filename*=UTF-8''cut%20%22final%22.mp4`)
    expect(Buffer.from(await ok.response!.arrayBuffer()).equals(bytes)).toBe(true)

    expect((await get(a.user, file.id)).status).toBe(200)
    expect((await get(outsider, file.id)).status).toBe(404)
    expect((await get(noScope.agent, file.id)).status).toBe(404)
    expect((await get(manager, 'nope')).status).toBe(404)
  })

  it('answers a Range request with 206 and the exact bytes', async () => {
    const brand = await createBrand()
    const a = await createCreator({ brandIds: [brand.id] })
    const bytes = fakeMp4(1000)
    const file = await insertStoredFile({ brandId: brand.id, creatorId: a.creator.id, bytes })
    const r = await get(a.user, file.id, { range: 'bytes=100-199' })
    expect(r.status).toBe(206)
    expect(r.response!.headers.get('content-range')).toBe('bytes 100-199/1000')
    expect(Buffer.from(await r.response!.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true)
    expect((await get(a.user, file.id, { range: 'bytes=5000-' })).status).toBe(416)
  })

  it('keeps uploads under server-generated names only', async () => {
    const brand = await createBrand()
    const a = await createCreator({ brandIds: [brand.id] })
    const file = await insertStoredFile({ brandId: brand.id, creatorId: a.creator.id, name: '../../etc/passwd' })
    expect(file.originalName).toBe('.._.._etc_passwd')
    const names = await readdir(path.resolve(config().UPLOAD_DIR, 'draft'))
    expect(names).toContain(file.storageKey.split('/')[1])
  })
})

describe('parseUpload (streamed multipart)', () => {
  async function listFiles(dir: string): Promise<string[]> {
    const out: string[] = []
    for (const e of await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) if (e.isFile()) out.push(e.name)
    return out
  }
  function multipart(parts: { name: string; filename?: string; type?: string; body: Buffer | string }[]) {
    const boundary = '----greenroomtest'
    const chunks: Buffer[] = []
    for (const p of parts) {
      const disp = `Content-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}`
      chunks.push(Buffer.from(`--${boundary}\r\n${disp}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`), Buffer.from(p.body), Buffer.from('\r\n'))
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`))
    return new Request('http://localhost/upload', { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.concat(chunks) })
  }

  it('stores files and keeps text fields', async () => {
    const r = await parseUpload(multipart([{ name: 'caption', body: 'Hello #ad' }, { name: 'media', filename: 'a.mp4', type: 'video/mp4', body: fakeMp4(3000) }]), { purpose: 'draft', maxBytes: 1_000_000 })
    expect(r.fields.get('caption')).toBe('Hello #ad')
    expect(r.fields.get('media')).toBeNull()
    expect(r.files).toHaveLength(1)
    expect(r.files[0]).toMatchObject({ mimeType: 'video/mp4', sizeBytes: 3000, originalName: 'a.mp4', field: 'media' })
  })

  it('refuses HTML renamed .mp4 and removes files already stored by the same request', async () => {
    const before = await listFiles(config().UPLOAD_DIR)
    const req = multipart([
      { name: 'media', filename: 'ok.mp4', type: 'video/mp4', body: fakeMp4(3000) },
      { name: 'media', filename: 'evil.mp4', type: 'video/mp4', body: '<!doctype html><script>alert(1)</script>' + ' '.repeat(100) },
    ])
    const err = await parseUpload(req, { purpose: 'draft', maxBytes: 1_000_000 }).catch((e) => e)
    expect(err.status).toBe(415)
    expect(err.fieldErrors.media[0]).toMatch(/not accepted here\. Use JPEG, PNG, GIF, WebP, HEIC, MP4, MOV, WebM/)
    expect(await listFiles(config().UPLOAD_DIR)).toEqual(before)
  })

  it('refuses an oversize upload with a clear message and nothing on disk', async () => {
    const before = await listFiles(config().UPLOAD_DIR)
    const err = await parseUpload(multipart([{ name: 'media', filename: 'big.mp4', body: fakeMp4(3 * 1024 * 1024) }]), { purpose: 'draft', maxBytes: 2 * 1024 * 1024 }).catch((e) => e)
    expect(err.status).toBe(413)
    expect(err.message).toBe('That file is over the 2 MB limit.')
    expect(await listFiles(config().UPLOAD_DIR)).toEqual(before)
  })

  it('an aborted upload (body ends mid-file) leaves nothing', async () => {
    const before = await listFiles(config().UPLOAD_DIR)
    const full = Buffer.from(await multipart([{ name: 'media', filename: 'cut.mp4', body: fakeMp4(200_000) }]).arrayBuffer())
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(full.subarray(0, 100_000))
        c.error(new Error('client went away'))
      },
    })
    const req = new Request('http://localhost/upload', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=----greenroomtest' }, body: stream, duplex: 'half' } as RequestInit)
    const err = await parseUpload(req, { purpose: 'draft', maxBytes: 1_000_000 }).catch((e) => e)
    expect(err.status).toBe(400)
    expect(await listFiles(config().UPLOAD_DIR)).toEqual(before)
  })

  it('refuses a body that is not multipart with 415', async () => {
    const req = new Request('http://localhost/upload', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'caption=hi' })
    const err = await parseUpload(req, { purpose: 'draft', maxBytes: 1_000_000 }).catch((e) => e)
    expect(err.status).toBe(415)
  })

  it('caps a text field at 64 KB (413, nothing stored)', async () => {
    const before = await listFiles(config().UPLOAD_DIR)
    const req = multipart([
      { name: 'media', filename: 'ok.mp4', type: 'video/mp4', body: fakeMp4(3000) },
      { name: 'caption', body: 'a'.repeat(64 * 1024 + 1) },
    ])
    const err = await parseUpload(req, { purpose: 'draft', maxBytes: 1_000_000 }).catch((e) => e)
    expect(err.status).toBe(413)
    expect(err.message).toBe('The caption field is too long.')
    expect(await listFiles(config().UPLOAD_DIR)).toEqual(before)
    const ok = await parseUpload(multipart([{ name: 'caption', body: 'é'.repeat(64 * 1024) }]), { purpose: 'draft', maxBytes: 1_000_000 })
    expect(ok.fields.get('caption')).toHaveLength(64 * 1024)
  })

  it('refuses more than maxFiles files and removes the ones already stored', async () => {
    const before = await listFiles(config().UPLOAD_DIR)
    const req = multipart([1, 2, 3].map((i) => ({ name: 'media', filename: `${i}.mp4`, type: 'video/mp4', body: fakeMp4(3000) })))
    const err = await parseUpload(req, { purpose: 'draft', maxBytes: 1_000_000, maxFiles: 2 }).catch((e) => e)
    expect(err.status).toBe(413)
    expect(err.message).toBe('Upload at most 2 files at once.')
    expect(await listFiles(config().UPLOAD_DIR)).toEqual(before)
  })

  it('keeps an empty file input (no file name) as a text field, stores nothing', async () => {
    const r = await parseUpload(multipart([{ name: 'caption', body: 'Hi #ad' }, { name: 'media', type: 'application/octet-stream', body: '' }]), { purpose: 'draft', maxBytes: 1_000_000 })
    expect(r.files).toHaveLength(0)
    expect(r.fields.get('caption')).toBe('Hi #ad')
    expect(r.fields.get('media')).toBe('')
  })

  it('a body that ends without its closing boundary is refused (400) and leaves nothing', async () => {
    const before = await listFiles(config().UPLOAD_DIR)
    const full = Buffer.from(await multipart([{ name: 'media', filename: 'cut.mp4', body: fakeMp4(200_000) }]).arrayBuffer())
    const req = new Request('http://localhost/upload', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=----greenroomtest' }, body: full.subarray(0, 150_000) })
    const err = await parseUpload(req, { purpose: 'draft', maxBytes: 1_000_000 }).catch((e) => e)
    expect(err.status).toBe(400)
    expect(await listFiles(config().UPLOAD_DIR)).toEqual(before)
  })
})
