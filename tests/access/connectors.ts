import { CREATOR_A, SIGNED_IN, type RouteAccess } from './actors.ts'
const CREATOR_SUBMIT = ['creatorA', 'agentOfA'] as const

/** Access rows for platform connections (issue #20). The matrix runs without platform apps configured. */
export const CONNECTORS_ACCESS: Record<string, RouteAccess> = {
  // Connect/disconnect: the creator, or an agent with "Submit content".
  'c+/$creator+/connections.tsx': { loader: CREATOR_A, action: CREATOR_SUBMIT, scopes: { loader: 'view', action: 'submit_content' } },
  // The OAuth callback: any signed-in user reaches it; the state row then decides (wrong user -> 400).
  'connect.instagram.callback.tsx': { loader: SIGNED_IN },
  'connect.tiktok.callback.tsx': { loader: SIGNED_IN },
  'connect.youtube.callback.tsx': { loader: SIGNED_IN },
}
