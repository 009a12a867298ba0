import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '#app/auth/guards.server.ts'
import { CONNECTOR_LABEL, type ConnectorPlatform } from '#app/domain/connectors.ts'
import { handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { finishConnect } from './connections.server.ts'

/**
 * The loader of a platform's OAuth redirect route (/connect/<platform>/callback, one static route per
 * platform). Only the signed-in user who started the flow can finish it: the state row says who.
 */
export function callbackLoader(platform: ConnectorPlatform) {
  return async (args: LoaderFunctionArgs) => {
    const who = await requireUser(args)
    return handleLoader(async () => {
      const r = await finishConnect(who, platform, new URL(args.request.url).searchParams)
      const to = `/c/${r.creatorId}/connections`
      if (r.outcome === 'denied') return redirectWithFlash(to, `${CONNECTOR_LABEL[platform]} was not connected: permission was not given.`, { tone: 'info' })
      return redirectWithFlash(to, `${CONNECTOR_LABEL[platform]} connected as @${r.username}. Your live posts will be found and measured.`)
    })
  }
}
