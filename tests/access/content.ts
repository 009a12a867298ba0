import type { MatrixContext, RouteAccess } from './actors.ts'
import { insertStoredFile } from '../factories-content.ts'

/** Brand X members, creator A, and A's agent with the submit_content scope. */
const FILE_VIEWERS = ['creatorA', 'agentOfA', 'managerX', 'adminX', 'financeX', 'viewerX'] as const

async function fileParams(ctx: MatrixContext) {
  const f = await insertStoredFile({ brandId: ctx.brandX.id, creatorId: ctx.creatorA.id })
  return { id: f.id }
}

/** Access rows for the content routes (keyed by path under app/routes). */
export const CONTENT_ACCESS: Record<string, RouteAccess> = {
  'files.$id.tsx': { loader: FILE_VIEWERS, params: fileParams },
}
