/**
 * The HTTP answer for a stored file the viewer may see (getFileForViewer decided that): a redirect to
 * remote storage, or the bytes from local disk streamed with nosniff, a sandboxing CSP, a safe
 * Content-Disposition (inline only for images and video; an ASCII filename plus the RFC 5987 UTF-8
 * name) and single-range support so video previews can seek.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { NotFoundError } from '#app/utils/errors.ts'
import type { ViewableFile } from './get-file-for-viewer.server.ts'
import { resolveLocalPath } from './local-disk.server.ts'
import { storageFor } from './storage.server.ts'

export type ByteRange = { start: number; end: number } | 'unsatisfiable' | null

/**
 * One `Range: bytes=a-b` header against a file of `size` bytes: null = send the whole file (no header,
 * or one we do not serve, such as several ranges), 'unsatisfiable' = 416, else inclusive offsets.
 */
export function parseByteRange(header: string | null, size: number): ByteRange {
  const m = /^bytes=(\d*)-(\d*)$/.exec((header ?? '').trim())
  if (!m || (!m[1] && !m[2])) return null
  let start: number
  let end: number
  if (m[1]) {
    start = Number(m[1])
    end = m[2] ? Number(m[2]) : size - 1
  } else {
    // Suffix range: the last N bytes.
    start = Math.max(0, size - Number(m[2]))
    end = size - 1
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return 'unsatisfiable'
  end = Math.min(end, size - 1)
  if (start > end || start >= size) return 'unsatisfiable'
  return { start, end }
}

export function contentDisposition(file: Pick<ViewableFile, 'mimeType' | 'originalName'>) {
  const inline = file.mimeType.startsWith('image/') || file.mimeType.startsWith('video/')
  const ascii = file.originalName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`
}

export async function serveFile(file: ViewableFile, rangeHeader: string | null): Promise<Response> {
  const remote = storageFor(file.storage).publicUrl(file.storageKey)
  if (remote) return new Response(null, { status: 302, headers: { Location: remote, 'Cache-Control': 'private, no-store' } })
  const full = resolveLocalPath(file.storageKey)
  const size = await stat(full).then(
    (s) => s.size,
    () => {
      throw new NotFoundError('That file')
    },
  )
  const headers = new Headers({
    'Content-Type': file.mimeType,
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': contentDisposition(file),
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Accept-Ranges': 'bytes',
  })
  const range = parseByteRange(rangeHeader, size)
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`)
    return new Response(null, { status: 416, headers })
  }
  if (range) {
    headers.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`)
    headers.set('Content-Length', String(range.end - range.start + 1))
    return new Response(Readable.toWeb(createReadStream(full, range)) as ReadableStream, { status: 206, headers })
  }
  headers.set('Content-Length', String(size))
  return new Response(Readable.toWeb(createReadStream(full)) as ReadableStream, { status: 200, headers })
}
