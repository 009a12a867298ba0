import { callbackLoader } from '#app/services/connectors/callback-loader.server.ts'

// Instagram's OAuth redirect (register http(s)://<your host>/connect/instagram/callback with the app).
export const loader = callbackLoader('instagram')
