import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import type { DbOrTx } from '#db/index.ts'
import { storeLocal } from '#app/services/files/local-disk.server.ts'
import { recordFile } from '#app/services/files/record-file.server.ts'

export const CONTRACT_PDF_MAX_BYTES = 20 * 1024 * 1024

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * Stores a contract PDF the app made (local disk, whatever the upload driver: the app writes it, nobody
 * uploads it) and records it as a 'contract' file, served only through /files/:id to the brand's
 * members, the creator and their agents. The bytes are never rewritten: a change makes a new file.
 */
export async function storeContractFile(tx: DbOrTx, bytes: Buffer, meta: { brandId: string; creatorId: string; name: string; userId: string | null }) {
  const stored = await storeLocal(Readable.from([bytes]), { purpose: 'contract', maxBytes: CONTRACT_PDF_MAX_BYTES })
  const file = await recordFile(tx, stored, { purpose: 'contract', originalName: meta.name, brandId: meta.brandId, creatorId: meta.creatorId, uploadedByUserId: meta.userId })
  return { file, sha256: sha256Hex(bytes) }
}
