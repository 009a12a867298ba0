import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { setConfig } from '#app/config.server.ts'
import { storeLocal } from '#app/services/files/local-disk.server.ts'
import { sniffMime } from '#app/services/files/sniff.ts'

const mp4Head = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(80, 1)])

async function listAll(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(e.name)
  return out
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gr-files-'))
  setConfig({ UPLOAD_DIR: dir })
})
afterEach(async () => rm(dir, { recursive: true, force: true }))

describe('sniffMime', () => {
  it('recognises formats by bytes', () => {
    expect(sniffMime(mp4Head)).toBe('video/mp4')
    expect(sniffMime(Buffer.from([0, 0, 0, 0x14, ...Buffer.from('ftypqt  ')]))).toBe('video/quicktime')
    expect(sniffMime(Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypheic')]))).toBe('image/heic')
    expect(sniffMime(Buffer.from('GIF89a....'))).toBe('image/gif')
    expect(sniffMime(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp')
    expect(sniffMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(sniffMime(Buffer.from('%PDF-1.7'))).toBe('application/pdf')
  })
  it('refuses HTML and unknown ISO brands', () => {
    expect(sniffMime(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeNull()
    expect(sniffMime(Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypxxxx')]))).toBeNull()
    expect(sniffMime(Buffer.alloc(0))).toBeNull()
  })
})

describe('storeLocal', () => {
  it('streams an allowed file to a server-generated name', async () => {
    const body = Buffer.concat([mp4Head, Buffer.alloc(100_000, 7)])
    const stored = await storeLocal(Readable.from([body.subarray(0, 10), body.subarray(10)]), { purpose: 'draft', maxBytes: 1_000_000 })
    expect(stored.mimeType).toBe('video/mp4')
    expect(stored.sizeBytes).toBe(100_000 + 92)
    expect(stored.storageKey).toMatch(/^draft\/[a-z0-9]{24}$/)
    expect((await readFile(path.join(dir, stored.storageKey))).equals(body)).toBe(true)
    expect(await listAll(path.join(dir, '.tmp'))).toEqual([])
  })
  it('refuses HTML renamed .mp4 and leaves nothing on disk', async () => {
    const html = Buffer.from('<!doctype html><html><body>' + 'x'.repeat(200) + '</body></html>')
    await expect(storeLocal(Readable.from([html]), { purpose: 'draft', maxBytes: 1_000_000 })).rejects.toMatchObject({ status: 415 })
    expect(await listAll(dir)).toEqual([])
  })
  it('refuses a PDF as a draft (allow-list per purpose)', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 32)])
    await expect(storeLocal(Readable.from([pdf]), { purpose: 'draft', maxBytes: 1_000_000 })).rejects.toMatchObject({ status: 415 })
    const ok = await storeLocal(Readable.from([pdf]), { purpose: 'brief_asset', maxBytes: 1_000_000 })
    expect(ok.mimeType).toBe('application/pdf')
  })
  it('refuses an oversize upload with a clear message and nothing on disk', async () => {
    const body = Buffer.concat([mp4Head, Buffer.alloc(2 * 1024 * 1024, 1)])
    const err = await storeLocal(Readable.from([body.subarray(0, 1024 * 1024), body.subarray(1024 * 1024)]), { purpose: 'draft', maxBytes: 1024 * 1024 }).catch((e) => e)
    expect(err.status).toBe(413)
    expect(err.message).toBe('That file is over the 1 MB limit.')
    expect(await listAll(dir)).toEqual([])
  })
  it('an aborted upload leaves nothing', async () => {
    async function* aborted() {
      yield mp4Head
      yield Buffer.alloc(1000, 2)
      throw new Error('client aborted')
    }
    await expect(storeLocal(Readable.from(aborted()), { purpose: 'draft', maxBytes: 1_000_000 })).rejects.toThrow('client aborted')
    expect(await listAll(dir)).toEqual([])
  })
})
