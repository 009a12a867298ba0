/**
 * Streams a multipart request's files to local disk with `busboy`, fed straight from the request's body
 * stream: each file part is a Node stream piped into storeLocal (with backpressure back to the socket),
 * never held in memory. Text fields are kept (capped at 64 KB each). If anything fails — a bad type, an
 * oversize part, too many files, a malformed body, the client going away — every file already stored by
 * this request is removed (and any part still being written is removed by storeLocal), so nothing is
 * left behind. Rows are NOT written here: the caller records them (recordFile) in its own transaction,
 * and calls discardStored() if that transaction fails.
 */
import { Readable } from 'node:stream'
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web'
import busboy from 'busboy'
import { AppError } from '#app/utils/errors.ts'
import { declaresMoreThan, limitStream } from '#app/utils/read-limited.server.ts'
import { removeLocal, storeLocal, type StoredFile } from './local-disk.server.ts'
import type { UploadPurpose } from '#app/domain/file-access.ts'

export type ParsedUpload = { fields: FormData; files: (StoredFile & { field: string; originalName: string })[] }

const FIELD_LIMIT = 64 * 1024
/** Read-ahead per stage (body, parser, file part): keeps the socket flowing while the disk writes; bounded. */
const STAGE_BUFFER = 1 << 20
/** Room in a body, beyond its files, for the text fields and the multipart framing. */
export const UPLOAD_OVERHEAD = 1 << 20

/** The most a whole upload body may be: every file at the purpose's limit, plus the fields. */
export function uploadBodyLimit(maxBytes: number, maxFiles: number): number {
  return maxBytes * maxFiles + UPLOAD_OVERHEAD
}

export async function parseUpload(request: Request, opts: { purpose: UploadPurpose; maxBytes: number; maxFiles?: number }): Promise<ParsedUpload> {
  const contentType = request.headers.get('content-type') ?? ''
  if (!contentType.startsWith('multipart/form-data')) {
    throw new AppError(415, 'Send the form as multipart/form-data.')
  }
  const maxFiles = opts.maxFiles ?? 10
  const bodyLimit = uploadBodyLimit(opts.maxBytes, maxFiles)
  const mb = `${Math.max(1, Math.round(bodyLimit / 1024 / 1024))} MB`
  const tooLarge = () => new AppError(413, `That upload is larger than ${mb} in all. Send fewer or smaller files.`)
  // refused before a byte is read when it says it is larger; a chunked body is cut off at the limit below
  if (declaresMoreThan(request, bodyLimit)) throw tooLarge()
  const fields = new FormData()
  const files: ParsedUpload['files'] = []
  const positions = new Map<ParsedUpload['files'][number], number>()
  const fieldTooLong = (name: string) => new AppError(413, `The ${name} field is too long.`, { [name]: ['This is too long.'] })

  let bb: busboy.Busboy
  try {
    // fieldSize is in bytes; FIELD_LIMIT counts characters, and 4 bytes of UTF-8 never make fewer than
    // one UTF-16 unit, so a truncated value is always over the limit too.
    // defParamCharset: browsers send file names as UTF-8 bytes in Content-Disposition; busboy's default
    // (latin1) would store "Müller.pdf" as "MÃ¼ller.pdf".
    bb = busboy({ headers: { 'content-type': contentType }, defParamCharset: 'utf8', limits: { fieldSize: FIELD_LIMIT * 4 }, highWaterMark: STAGE_BUFFER, fileHwm: STAGE_BUFFER })
  } catch {
    throw new AppError(400, 'The upload did not complete. Please try again.') // no or bad boundary
  }
  if (!request.body) throw new AppError(400, 'The upload did not complete. Please try again.')
  const limited = limitStream(request.body, bodyLimit, tooLarge)
  const source = Readable.fromWeb(limited as unknown as NodeWebReadableStream<Uint8Array>, { highWaterMark: STAGE_BUFFER })

  const pending: Promise<unknown>[] = []
  let fileParts = 0
  const open = new Set<Readable>() // parts still streaming: cut off (and their temp files removed) on failure
  let failed = false
  let failure: unknown = null
  let fail!: (e: unknown) => void
  const done = new Promise<void>((resolve, reject) => {
    fail = (e) => {
      if (failed) return
      failed = true
      failure = e
      source.unpipe(bb)
      for (const s of open) s.destroy(e instanceof Error ? e : new Error('upload failed'))
      reject(e)
    }
    bb.on('close', () => resolve())
  })

  bb.on('field', (name, value, info) => {
    if (failed) return
    if (info.valueTruncated || value.length > FIELD_LIMIT) return fail(fieldTooLong(name))
    fields.append(name, value)
  })
  bb.on('file', (name, stream, info) => {
    if (failed) return void stream.resume()
    open.add(stream)
    // fail() may cut a part off before storeLocal has attached its pipeline (it awaits mkdir first):
    // that error is already handled by fail(), so it must not surface as an uncaught 'error' event.
    stream.on('error', () => {})
    stream.once('close', () => open.delete(stream))
    const filename = info.filename
    if (!filename) {
      // a part without a file name (an empty file input) is kept as a text field, as before
      const decoder = new TextDecoder()
      let text = ''
      stream.on('data', (chunk: Buffer) => {
        text += decoder.decode(chunk, { stream: true })
        if (text.length > FIELD_LIMIT) {
          stream.resume()
          fail(fieldTooLong(name))
        }
      })
      stream.on('end', () => {
        if (!failed) fields.append(name, text + decoder.decode())
      })
      return
    }
    if (++fileParts > maxFiles) {
      stream.resume()
      return fail(new AppError(413, `Upload at most ${maxFiles} files at once.`, { [name]: [`Upload at most ${maxFiles} files at once.`] }))
    }
    const position = fileParts
    const stored = storeLocal(stream, { purpose: opts.purpose, maxBytes: opts.maxBytes, field: name }).then(
      (file) => {
        const entry = { ...file, field: name, originalName: filename }
        files.push(entry)
        positions.set(entry, position)
      },
      (e: unknown) => fail(e),
    )
    pending.push(stored)
  })
  bb.on('error', (e) => fail(e))
  source.on('error', (e) => fail(e))
  source.pipe(bb)

  try {
    await done
    await Promise.all(pending)
    if (failed) throw failure // a part that failed after the body had ended
    // in the order the parts came in the body, not the order their writes finished (a small file after a large one finishes first)
    return { fields, files: [...files].sort((a, b) => positions.get(a)! - positions.get(b)!) }
  } catch (e) {
    await Promise.allSettled(pending) // let every part still writing finish or remove its temp file
    await discardStored(files)
    if (e instanceof AppError) throw e
    throw new AppError(400, 'The upload did not complete. Please try again.')
  }
}

export async function discardStored(files: { storageKey: string }[]) {
  await Promise.all(files.map((f) => removeLocal(f.storageKey)))
}
