import { callbackLoader } from '#app/services/connectors/callback-loader.server.ts'

// Google's OAuth redirect for YouTube (add https://<your host>/connect/youtube/callback to the OAuth client's authorised redirect URIs).
export const loader = callbackLoader('youtube')
