/**
 * Local-disk driver: streams an upload to UPLOAD_DIR/.tmp/<random>, sniffing the first bytes and
 * counting bytes as they pass; only a complete, allowed, in-limit file is renamed to its final,
 * server-generated name. Any failure (abort, oversize, wrong type, disk error) removes the temp file,
 * so nothing is left on disk. Memory stays flat: chunks are written as they arrive (batched into large
 * writes by the write stream, with backpressure), never collected.
 */
import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { newId } from '#db/ids.ts'
import { config } from '#app/config.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { ALLOWED_TYPES, SNIFF_BYTES, describeAllowed, sniffMime, type SniffedMime } from './sniff.ts'
import type { UploadPurpose } from '#app/domain/file-access.ts'
import { formatLimit } from './limits.server.ts'

/** How much the file write stream buffers before it pushes back: large writes, bounded memory. */
const WRITE_BUFFER = 1 << 20

export type StoredFile = { storage: 'local'; storageKey: string; mimeType: SniffedMime; sizeBytes: number }

export function resolveLocalPath(storageKey: string): string {
  const root = path.resolve(config().UPLOAD_DIR)
  const full = path.resolve(root, storageKey)
  if (!full.startsWith(root + path.sep)) throw new AppError(400, 'Bad storage key.')
  return full
}

/** A full (or quota-capped) disk is an expected failure with a sentence, not a 500. Others pass through. */
export function storageFailure(e: unknown, field = 'file'): unknown {
  const code = (e as { code?: string } | null)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') {
    const msg = 'The server has run out of storage space, so the file was not saved. Please try again later; we have been told.'
    return new AppError(507, msg, { [field]: [msg] })
  }
  return e
}

export async function storeLocal(
  input: Readable | ReadableStream<Uint8Array>,
  opts: { purpose: UploadPurpose; maxBytes: number; field?: string },
): Promise<StoredFile> {
  const field = opts.field ?? 'file'
  const root = path.resolve(config().UPLOAD_DIR)
  const tmpDir = path.join(root, '.tmp')
  await mkdir(tmpDir, { recursive: true })
  const tmp = path.join(tmpDir, newId(24))
  const source = input instanceof Readable ? input : Readable.fromWeb(input as import('node:stream/web').ReadableStream)
  let written = 0
  let head: Buffer = Buffer.alloc(0)
  let mimeType: SniffedMime | null = null
  const tooBig = () =>
    new AppError(413, `That file is over the ${formatLimit(opts.maxBytes)} limit.`, {
      [field]: [`That file is over the ${formatLimit(opts.maxBytes)} limit.`],
    })
  const badType = () =>
    new AppError(415, `That file type is not accepted here. Use ${describeAllowed(opts.purpose)}.`, {
      [field]: [`That file type is not accepted here. Use ${describeAllowed(opts.purpose)}.`],
    })
  const decide = () => {
    mimeType = sniffMime(head)
    if (!mimeType || !ALLOWED_TYPES[opts.purpose].includes(mimeType)) throw badType()
  }
  // A plain synchronous Transform (no async generator, so no promise per chunk): it counts, sniffs the
  // first SNIFF_BYTES and passes each chunk on untouched. The write stream buffers up to 1 MB and hands
  // the buffered chunks to the disk in one writev, with backpressure all the way back to the socket.
  const check = new Transform({
    transform(chunk: Buffer, _enc, done) {
      written += chunk.length
      if (written > opts.maxBytes) return done(tooBig())
      if (!mimeType) {
        head = head.length === 0 ? chunk.subarray(0, SNIFF_BYTES) : Buffer.concat([head, chunk]).subarray(0, SNIFF_BYTES)
        if (head.length >= SNIFF_BYTES) {
          try {
            decide()
          } catch (e) {
            return done(e as Error)
          }
        }
        // tiny files are decided at the end
      }
      done(null, chunk)
    },
    flush(done) {
      if (written === 0) return done(new AppError(400, 'The file is empty.', { [field]: ['The file is empty.'] }))
      try {
        if (!mimeType) decide()
      } catch (e) {
        return done(e as Error)
      }
      done()
    },
  })
  try {
    await pipeline(source, check, createWriteStream(tmp, { flags: 'wx', mode: 0o600, highWaterMark: WRITE_BUFFER }))
    const storageKey = `${opts.purpose}/${newId(24)}`
    const final = resolveLocalPath(storageKey)
    await mkdir(path.dirname(final), { recursive: true })
    await rename(tmp, final)
    return { storage: 'local', storageKey, mimeType: mimeType as unknown as SniffedMime, sizeBytes: written }
  } catch (e) {
    await rm(tmp, { force: true })
    source.destroy()
    throw storageFailure(e, field)
  }
}

export async function removeLocal(storageKey: string): Promise<void> {
  await rm(resolveLocalPath(storageKey), { force: true })
}
