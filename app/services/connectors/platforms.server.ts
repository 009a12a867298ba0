/** Which platform apps are configured, their clients, and the redirect URL to register with each. */
import { config } from '#app/config.server.ts'
import { CONNECTOR_PLATFORMS, type ConnectorPlatform } from '#app/domain/connectors.ts'
import type { ConnectorClient } from './connector-client.server.ts'
import { instagram } from './instagram-client.server.ts'
import { tiktok } from './tiktok-client.server.ts'
import { youtube } from './youtube-client.server.ts'

export type { ConnectorClient } from './connector-client.server.ts'

const CLIENTS: Partial<Record<ConnectorPlatform, ConnectorClient>> = { instagram, tiktok, youtube }

/** Platforms whose app id + secret (and the token key) are configured and that have a client. */
export function enabledPlatforms(): ConnectorPlatform[] {
  const c = config()
  if (!c.CONNECTIONS_KEY) return []
  const configured: Record<ConnectorPlatform, boolean> = {
    instagram: Boolean(c.INSTAGRAM_CLIENT_ID && c.INSTAGRAM_CLIENT_SECRET),
    tiktok: Boolean(c.TIKTOK_CLIENT_KEY && c.TIKTOK_CLIENT_SECRET),
    youtube: Boolean(c.GOOGLE_CLIENT_ID && c.GOOGLE_CLIENT_SECRET),
  }
  return CONNECTOR_PLATFORMS.filter((p) => configured[p] && CLIENTS[p])
}

export function clientFor(platform: ConnectorPlatform): ConnectorClient {
  const client = CLIENTS[platform]
  if (!client) throw new Error(`No client for ${platform}`)
  return client
}

/** The URL to give the platform as the OAuth redirect (README "Connecting creators' accounts"). */
export const redirectUriFor = (platform: ConnectorPlatform) => `${config().appUrl}/connect/${platform}/callback`
