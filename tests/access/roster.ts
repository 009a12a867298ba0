import type { RouteAccess } from './actors.ts'

const VIEW = ['managerX', 'adminX', 'viewerX'] as const
const MANAGE = ['managerX', 'adminX'] as const

/** Access rows for the roster routes (keyed by path under app/routes). Finance does not see the roster. */
export const ROSTER_ACCESS: Record<string, RouteAccess> = {
  'b+/$brand+/roster.tsx': {
    loader: VIEW,
    action: MANAGE,
    forms: () => [{ intent: 'invite-creator', email: `new-${Math.random().toString(36).slice(2)}@example.test`, name: 'New Creator' }],
  },
  // Creator A is on brand X's roster (the matrix context); another brand's member gets a 404.
  'b+/$brand+/roster_.$creator.tsx': {
    loader: VIEW,
    action: MANAGE,
    params: async (ctx) => ({ creator: ctx.creatorA.id }),
    forms: () => [{ intent: 'add-note', body: 'Great to work with.' }, { intent: 'set-status', status: 'active' }, { intent: 'set-tags', tags: 'running, trail' }],
  },
  'b+/$brand+/roster_.import.tsx': { loader: MANAGE, action: MANAGE },
}
