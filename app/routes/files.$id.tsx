/**
 * Stored files, only to people who may see them: getFileForViewer applies the rule of the page the
 * file belongs to; serveFile streams it (headers, Range).
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/auth/guards.server.ts'
import { getFileForViewer } from '#app/services/files/get-file-for-viewer.server.ts'
import { serveFile } from '#app/services/files/serve-file.server.ts'
import { handleLoader } from '#app/utils/responses.server.ts'

export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireUser(args)
  return handleLoader(async () => serveFile(await getFileForViewer(actor.user.id, args.params.id ?? ''), args.request.headers.get('range')))
}
