/**
 * The one way a request's files come in (drafts, post-stats evidence, tax forms, brief files): the body
 * streams to storage as it arrives (parseUpload: type from the bytes, the purpose's size limit, never
 * held in memory), then `use` validates the text fields and records the files in its own transaction
 * (recordFile). If `use` throws, every file this request stored is removed: nothing is left behind.
 * `onFields` receives the text fields as sent, so a refused form can be echoed back (no JavaScript needed).
 */
import type { UploadPurpose } from '#app/domain/file-access.ts'
import { maxBytesFor } from './limits.server.ts'
import { discardStored, parseUpload, type ParsedUpload } from './parse-upload.server.ts'

export type ReceivedUpload = ParsedUpload

export async function receiveUpload<T>(
  request: Request,
  purpose: UploadPurpose,
  opts: { maxFiles: number; onFields?: (fields: FormData) => void },
  use: (upload: ReceivedUpload) => Promise<T>,
): Promise<T> {
  const upload = await parseUpload(request, { purpose, maxBytes: maxBytesFor(purpose), maxFiles: opts.maxFiles })
  opts.onFields?.(upload.fields)
  try {
    return await use(upload)
  } catch (e) {
    await discardStored(upload.files)
    throw e
  }
}
