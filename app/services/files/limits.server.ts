import { config } from '#app/config.server.ts'
import type { UploadPurpose } from './sniff.ts'

/** Size limit per purpose (DRAFT_UPLOAD_MAX_BYTES, DOCUMENT_UPLOAD_MAX_BYTES). */
export function maxBytesFor(purpose: UploadPurpose): number {
  return purpose === 'draft' ? config().DRAFT_UPLOAD_MAX_BYTES : config().DOCUMENT_UPLOAD_MAX_BYTES
}
