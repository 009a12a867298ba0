import { schema, type DbOrTx } from '#db/index.ts'
import type { StoredFile } from './local-disk.server.ts'
import type { UploadPurpose } from '#app/domain/file-access.ts'

/** Records a stored file (local or UploadThing). Call only after the bytes are safely stored. */
export async function recordFile(
  tx: DbOrTx,
  stored: Omit<StoredFile, 'storage'> & { storage: 'local' | 'uploadthing' },
  meta: { purpose: UploadPurpose; originalName: string; brandId?: string | null; creatorId?: string | null; agencyId?: string | null; uploadedByUserId: string | null },
) {
  const originalName = meta.originalName.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 200) || 'upload'
  const [row] = await tx
    .insert(schema.files)
    .values({
      purpose: meta.purpose,
      storage: stored.storage,
      storageKey: stored.storageKey,
      originalName,
      mimeType: stored.mimeType,
      sizeBytes: stored.sizeBytes,
      brandId: meta.brandId ?? null,
      creatorId: meta.creatorId ?? null,
      agencyId: meta.agencyId ?? null,
      uploadedByUserId: meta.uploadedByUserId,
    })
    .returning()
  return row!
}
