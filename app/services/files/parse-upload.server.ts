/**
 * Streams a multipart request's files to local disk (Remix's unstable_parseMultipartFormData with a
 * custom handler: each file part's AsyncIterable goes straight into storeLocal, never into memory).
 * Text fields are kept (capped at 64 KB each). If anything fails — a bad type, an oversize part, the
 * client going away — every file already stored by this request is removed, so nothing is left behind.
 * Rows are NOT written here: the caller records them (recordFile) in its own transaction, and calls
 * discardStored() if that transaction fails.
 */
import { Readable } from 'node:stream'
import { unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node'
import { AppError } from '#app/utils/errors.ts'
import { removeLocal, storeLocal, type StoredFile } from './local-disk.server.ts'
import type { UploadPurpose } from './sniff.ts'

export type ParsedUpload = { fields: FormData; files: (StoredFile & { field: string; originalName: string })[] }

const FIELD_LIMIT = 64 * 1024

export async function parseUpload(request: Request, opts: { purpose: UploadPurpose; maxBytes: number; maxFiles?: number }): Promise<ParsedUpload> {
  if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
    throw new AppError(415, 'Send the form as multipart/form-data.')
  }
  const files: ParsedUpload['files'] = []
  const maxFiles = opts.maxFiles ?? 10
  const handler: UploadHandler = async (part) => {
    if (!part.filename) {
      let text = ''
      const decoder = new TextDecoder()
      for await (const chunk of part.data) {
        text += decoder.decode(chunk, { stream: true })
        if (text.length > FIELD_LIMIT) throw new AppError(413, `The ${part.name} field is too long.`, { [part.name]: ['This is too long.'] })
      }
      return text + decoder.decode()
    }
    if (files.length >= maxFiles) throw new AppError(413, `Upload at most ${maxFiles} files at once.`, { [part.name]: [`Upload at most ${maxFiles} files at once.`] })
    const stored = await storeLocal(Readable.from(part.data), { purpose: opts.purpose, maxBytes: opts.maxBytes, field: part.name })
    files.push({ ...stored, field: part.name, originalName: part.filename })
    return `stored:${files.length - 1}`
  }
  try {
    const fields = await unstable_parseMultipartFormData(request, handler)
    for (const f of files) fields.delete(f.field)
    return { fields, files }
  } catch (e) {
    await discardStored(files)
    if (e instanceof AppError) throw e
    throw new AppError(400, 'The upload did not complete. Please try again.')
  }
}

export async function discardStored(files: { storageKey: string }[]) {
  await Promise.all(files.map((f) => removeLocal(f.storageKey)))
}
