import { config } from '#app/config.server.ts'
import type { UploadPurpose } from '#app/domain/file-access.ts'
import { ALLOWED_TYPES, describeAllowed } from './sniff.ts'

/** Size limit per purpose (DRAFT_UPLOAD_MAX_BYTES, DOCUMENT_UPLOAD_MAX_BYTES). */
export function maxBytesFor(purpose: UploadPurpose): number {
  return purpose === 'draft' ? config().DRAFT_UPLOAD_MAX_BYTES : config().DOCUMENT_UPLOAD_MAX_BYTES
}

/** "25 MB", "1.5 GB", "300 KB": a size limit as people read it. */
export function formatLimit(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** What a page tells the uploader (and puts on the file input), from the same rules the server applies. */
export function uploadRules(purpose: UploadPurpose) {
  const maxBytes = maxBytesFor(purpose)
  return { maxBytes, limit: formatLimit(maxBytes), accept: ALLOWED_TYPES[purpose].join(','), allowed: describeAllowed(purpose) }
}
