/**
 * The files of one upload come back in the order the form sent them (the brief's attachments keep the
 * order the manager chose), not in the order their writes to disk happened to finish: a small file after
 * a large one is stored first.
 */
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { discardStored, parseUpload } from '#app/services/files/parse-upload.server.ts'

/** A file the upload takes as a PDF (its first bytes), of `size` bytes. */
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)])

function multipart(parts: { name: string; bytes: Uint8Array }[]) {
  const form = new FormData()
  for (const p of parts) form.append('files', new Blob([new Uint8Array(p.bytes)], { type: 'application/pdf' }), p.name)
  return new Request('http://greenroom.test/upload', { method: 'POST', body: form })
}

describe('upload order', () => {
  it('keeps the order of the parts in the body', async () => {
    const parts = [
      { name: 'large-1.pdf', bytes: pdf(3 * 1024 * 1024) },
      { name: 'tiny.pdf', bytes: pdf(20) },
      { name: 'large-2.pdf', bytes: pdf(2 * 1024 * 1024) },
      { name: 'small.pdf', bytes: pdf(200) },
    ]
    for (let round = 0; round < 3; round++) {
      const upload = await parseUpload(multipart(parts), { purpose: 'brief_asset', maxBytes: 8 * 1024 * 1024 })
      try {
        expect(upload.files.map((f) => f.originalName)).toEqual(parts.map((p) => p.name))
        expect(upload.files.map((f) => f.sizeBytes)).toEqual(parts.map((p) => p.bytes.length))
      } finally {
        await discardStored(upload.files)
      }
    }
  })
})
