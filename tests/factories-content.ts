/** Content test data: stored files (real bytes on disk under UPLOAD_DIR + a files row). */
import { Readable } from 'node:stream'
import { db } from '#app/db.server.ts'
import { storeLocal } from '#app/services/files/local-disk.server.ts'
import { recordFile } from '#app/services/files/record-file.server.ts'
import type { UploadPurpose } from '#app/services/files/sniff.ts'

/** The first bytes of an ISO-BMFF mp4 ('ftypisom') followed by filler: enough for the sniffer. */
export function fakeMp4(size = 4096): Buffer {
  const head = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom')])
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 1)])
}

export async function insertStoredFile(opts: { brandId: string; creatorId: string; purpose?: UploadPurpose; bytes?: Buffer; name?: string; uploadedByUserId?: string | null }) {
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
