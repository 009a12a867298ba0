import { callbackLoader } from '#app/services/connectors/callback-loader.server.ts'

// TikTok's OAuth redirect (register https://<your host>/connect/tiktok/callback in Login Kit's redirect URIs).
export const loader = callbackLoader('tiktok')
