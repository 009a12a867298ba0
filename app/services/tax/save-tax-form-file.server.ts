/**
 * MINIMAL LOCAL STORAGE (marked): the shared files service (app/services/files/*) did not exist when
 * this was written. Tax form files are streamed to UPLOAD_DIR/tax-forms/<random> with a size cap; the
 * type is decided from the first bytes (PDF, PNG, JPEG), never the name or the browser's claim.
 * Replace with the files service once it lands.
 */
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { newId } from '#db/ids.ts'
import { config } from '#app/config.server.ts'
import { AppError, InvalidInputError } from '#app/utils/errors.ts'
import { storageFailure } from '#app/services/files/local-disk.server.ts'

export const TAX_FORM_MAX_BYTES = 10 * 1024 * 1024

export function sniffMime(head: Uint8Array): 'application/pdf' | 'image/png' | 'image/jpeg' | null {
  const b = (i: number) => head[i] ?? -1
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return 'application/pdf' // %PDF
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'image/png'
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg'
  return null
}

export async function saveTaxFormFile(file: File): Promise<{ storageKey: string; mimeType: string; sizeBytes: number; originalName: string }> {
  if (file.size === 0) throw new InvalidInputError('Please correct the highlighted fields.', { file: ['Choose the signed form (PDF, PNG or JPEG).'] })
  if (file.size > TAX_FORM_MAX_BYTES) throw new AppError(413, 'That file is over 10 MB.', { file: ['That file is over 10 MB. Scan it at a lower resolution.'] })
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer())
  const mimeType = sniffMime(head)
  if (!mimeType) throw new AppError(415, 'Upload a PDF, PNG or JPEG.', { file: ['That file is not a PDF, PNG or JPEG.'] })
  const dir = path.resolve(config().UPLOAD_DIR, 'tax-forms')
  await mkdir(dir, { recursive: true })
  const storageKey = `tax-forms/${newId(24)}`
  const target = path.resolve(config().UPLOAD_DIR, storageKey)
  let written = 0
  try {
    await pipeline(
      Readable.fromWeb(file.stream() as import('node:stream/web').ReadableStream),
      async function* (source) {
        for await (const chunk of source) {
          written += (chunk as Buffer).length
          if (written > TAX_FORM_MAX_BYTES) throw new AppError(413, 'That file is over 10 MB.')
          yield chunk
        }
      },
      createWriteStream(target, { flags: 'wx', mode: 0o600 }),
    )
  } catch (e) {
    await rm(target, { force: true })
    throw storageFailure(e)
  }
  return { storageKey, mimeType, sizeBytes: written, originalName: file.name.slice(0, 200) || 'tax-form' }
}
