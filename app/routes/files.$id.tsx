/**
 * Serves stored files only to people who may see them (see getFileForViewer). nosniff, a safe
 * Content-Disposition (inline only for images/video, ASCII-only filename + RFC 5987 UTF-8 name) and
 * Range support so video previews can seek.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/auth/guards.server.ts'
import { getFileForViewer } from '#app/services/files/get-file-for-viewer.server.ts'
import { resolveLocalPath } from '#app/services/files/local-disk.server.ts'
import { storageFor } from '#app/services/files/storage.server.ts'
import { handleLoader } from '#app/utils/responses.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'

export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireUser(args)
  return handleLoader(async () => {
    const file = await getFileForViewer(actor.user.id, args.params.id ?? '')
    const remote = storageFor(file.storage).publicUrl(file.storageKey)
    if (remote) return new Response(null, { status: 302, headers: { Location: remote, 'Cache-Control': 'private, no-store' } })
    const full = resolveLocalPath(file.storageKey)
    const size = await stat(full).then((s) => s.size, () => {
      throw new NotFoundError('That file')
    })
    const inline = file.mimeType.startsWith('image/') || file.mimeType.startsWith('video/')
    const ascii = file.originalName.replace(/[^\x20-\x7e]|["\\]/g, '_')
    const headers = new Headers({
      'Content-Type': file.mimeType,
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Accept-Ranges': 'bytes',
    })
    const range = /^bytes=(\d*)-(\d*)$/.exec(args.request.headers.get('range') ?? '')
    if (range && (range[1] || range[2])) {
      let start = range[1] ? Number(range[1]) : size - Number(range[2])
      let end = range[1] && range[2] ? Number(range[2]) : size - 1
      start = Math.max(0, start)
      end = Math.min(end, size - 1)
      if (start > end || start >= size) {
        headers.set('Content-Range', `bytes */${size}`)
        return new Response(null, { status: 416, headers })
      }
      headers.set('Content-Range', `bytes ${start}-${end}/${size}`)
      headers.set('Content-Length', String(end - start + 1))
      return new Response(Readable.toWeb(createReadStream(full, { start, end })) as ReadableStream, { status: 206, headers })
    }
    headers.set('Content-Length', String(size))
    return new Response(Readable.toWeb(createReadStream(full)) as ReadableStream, { status: 200, headers })
  })
}
