/**
 * YouTube: Google OAuth 2.0 for web server apps (offline access, PKCE) + YouTube Data API v3, read-only
 * (DECISIONS.md "Platform connections" cites each page). Base URLs come from configuration
 * (GOOGLE_AUTH_URL, GOOGLE_TOKEN_URL, YOUTUBE_API_URL) so tests point them at tests/fakes/youtube.ts.
 */
import { z } from 'zod'
import { config } from '#app/config.server.ts'
import type { MetricValues } from '#app/domain/metrics-csv.ts'
import { CONNECTOR_SCOPES } from '#app/domain/connector-scopes.ts'
import { PlatformError, authorizeUrlOf, fetchJson, formPost } from './platform-http.server.ts'
import type { ConnectorClient, PlatformAccount, PlatformMedia, TokenGrant } from './connector-client.server.ts'

const apiError = z.object({
  error: z.object({ code: z.number().optional(), message: z.string().default(''), errors: z.array(z.object({ reason: z.string().optional(), domain: z.string().optional() })).default([]) }),
})
const oauthError = z.object({ error: z.string(), error_description: z.string().default('') })
const RATE_REASONS = ['quotaExceeded', 'rateLimitExceeded', 'userRateLimitExceeded', 'dailyLimitExceeded']

/** Map a Google answer (Data API error object, OAuth token endpoint error) to what the caller does next. */
export function classifyGoogleError(status: number, body: unknown): PlatformError {
  const oauth = oauthError.safeParse(body)
  if (oauth.success) {
    const text = oauth.data.error_description || oauth.data.error
    // invalid_grant: "Token has been expired or revoked." (the user removed the access, or it went unused for 6 months).
    return new PlatformError(oauth.data.error === 'invalid_grant' ? 'token_expired' : status >= 500 ? 'unavailable' : 'other', text)
  }
  const api = apiError.safeParse(body)
  const message = (api.success && api.data.error.message) || `HTTP ${status}`
  const reasons = api.success ? api.data.error.errors.map((e) => e.reason ?? '') : []
  if (status === 429 || reasons.some((r) => RATE_REASONS.includes(r))) return new PlatformError('rate_limited', message)
  if (status === 401) return new PlatformError('token_expired', message)
  if (status === 403) return new PlatformError('permission', message)
  if (status === 404) return new PlatformError('not_found', message)
  return new PlatformError(status >= 500 ? 'unavailable' : 'other', message)
}

const cfg = () => {
  const c = config()
  const trim = (u: string) => u.replace(/\/$/, '')
  return { auth: trim(c.GOOGLE_AUTH_URL), token: trim(c.GOOGLE_TOKEN_URL), api: `${trim(c.YOUTUBE_API_URL)}/youtube/v3`, id: c.GOOGLE_CLIENT_ID ?? '', secret: c.GOOGLE_CLIENT_SECRET ?? '' }
}

const call = <S extends z.ZodTypeAny>(url: string, schema: S, init?: RequestInit): Promise<z.output<S>> => fetchJson(url, schema, classifyGoogleError, init)
const get = <S extends z.ZodTypeAny>(path: string, params: Record<string, string>, token: string, schema: S) =>
  call(`${cfg().api}/${path}?${new URLSearchParams(params).toString()}`, schema, { headers: { authorization: `Bearer ${token}` } })

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.number(), refresh_token: z.string().min(1).optional(), scope: z.string().default('') })
const grantOf = (r: z.infer<typeof tokenAnswer>, now: Date): TokenGrant => ({
  accessToken: r.access_token,
  expiresAt: new Date(now.getTime() + r.expires_in * 1000),
  ...(r.refresh_token ? { refreshToken: r.refresh_token } : {}),
  // Google refresh tokens have no fixed lifetime (they end when revoked or unused for six months).
  refreshExpiresAt: null,
  scopes: r.scope.split(' ').filter(Boolean),
})

const count = z.union([z.string(), z.number()]).transform((v) => Number(v))
const channels = z.object({
  items: z
    .array(
      z.object({
        id: z.string(),
        snippet: z.object({ title: z.string().default(''), customUrl: z.string().optional() }).optional(),
        statistics: z.object({ subscriberCount: count.optional(), hiddenSubscriberCount: z.boolean().default(false) }).optional(),
        contentDetails: z.object({ relatedPlaylists: z.object({ uploads: z.string() }) }).optional(),
      }),
    )
    .default([]),
})
const videos = z.object({
  items: z
    .array(
      z.object({
        id: z.string(),
        snippet: z.object({ title: z.string().default(''), description: z.string().default(''), publishedAt: z.string().optional() }).optional(),
        status: z.object({ privacyStatus: z.string().optional() }).optional(),
        statistics: z.object({ viewCount: count.optional(), likeCount: count.optional(), commentCount: count.optional() }).optional(),
      }),
    )
    .default([]),
})

async function myChannel(token: string, part: string) {
  const r = await get('channels', { part, mine: 'true' }, token, channels)
  const ch = r.items[0]
  if (!ch) throw new PlatformError('private', 'This Google account has no YouTube channel.')
  return ch
}

/** videos.list for one id: PlatformError 'not_found' when deleted, or when it is no longer public (private/unlisted). */
async function oneVideo(token: string, id: string, part: string) {
  const r = await get('videos', { part: `${part},status`, id }, token, videos)
  const v = r.items.find((x) => x.id === id)
  if (!v) throw new PlatformError('not_found', `YouTube returned no video ${id}: it was deleted.`)
  if (v.status?.privacyStatus && v.status.privacyStatus !== 'public') throw new PlatformError('not_found', `YouTube video ${id} is ${v.status.privacyStatus} now.`)
  return v
}

const watchUrl = (id: string) => `https://www.youtube.com/watch?v=${id}`
/** Hashtags live in the title or the description: both are the caption the disclosure checker reads. */
const captionOf = (s: { title: string; description: string } | undefined) => (s ? [s.title, s.description].filter(Boolean).join('\n') : '')

export const youtube: ConnectorClient = {
  platform: 'youtube',
  pkce: true,
  refreshWith: 'refresh_token',

  /** GET {auth}/o/oauth2/v2/auth: offline access (a refresh token), consent every time (so one is issued again), state, S256 PKCE. */
  authorizeUrl(o: { state: string; redirectUri: string; codeChallenge?: string }) {
    const c = cfg()
    const scope = CONNECTOR_SCOPES.youtube.map((s) => s.scope).join(' ')
    return authorizeUrlOf(
      `${c.auth}/o/oauth2/v2/auth`,
      { client_id: c.id, redirect_uri: o.redirectUri, response_type: 'code', scope, access_type: 'offline', prompt: 'consent', include_granted_scopes: 'true', state: o.state },
      o.codeChallenge,
    )
  },

  /** POST {token}/token grant_type=authorization_code: a 1-hour access token and (offline) a refresh token. */
  async exchangeCode(o: { code: string; redirectUri: string; now: Date; codeVerifier?: string }): Promise<TokenGrant> {
    const c = cfg()
    const r = await call(
      `${c.token}/token`,
      tokenAnswer,
      formPost({ client_id: c.id, client_secret: c.secret, code: o.code, grant_type: 'authorization_code', redirect_uri: o.redirectUri, ...(o.codeVerifier ? { code_verifier: o.codeVerifier } : {}) }),
    )
    return grantOf(r, o.now)
  },

  /** POST {token}/token grant_type=refresh_token: a new access token; the refresh token stays the same. */
  async refresh(o: { accessToken: string; refreshToken?: string | null; now: Date }): Promise<TokenGrant> {
    if (!o.refreshToken) throw new PlatformError('token_expired', 'No Google refresh token is stored.')
    const c = cfg()
    return grantOf(await call(`${c.token}/token`, tokenAnswer, formPost({ client_id: c.id, client_secret: c.secret, grant_type: 'refresh_token', refresh_token: o.refreshToken })), o.now)
  },

  /** POST {token}/revoke: the grant (and its refresh token) ends at Google. */
  async revoke(o: { accessToken: string }) {
    await call(`${cfg().token}/revoke`, z.unknown(), formPost({ token: o.accessToken }))
    return 'revoked' as const
  },

  /** channels.list?part=snippet,statistics&mine=true: the channel id, its handle and subscriber count (null when hidden). */
  async account(o: { accessToken: string }): Promise<PlatformAccount> {
    const ch = await myChannel(o.accessToken, 'snippet,statistics')
    const handle = ch.snippet?.customUrl?.replace(/^@/, '') || ch.snippet?.title || ch.id
    const stats = ch.statistics
    return { externalUserId: ch.id, username: handle.toLowerCase(), followers: stats && !stats.hiddenSubscriberCount && stats.subscriberCount !== undefined ? stats.subscriberCount : null, professional: true }
  },

  /** The uploads playlist (channels.list contentDetails) read with playlistItems.list, 50 a page, following nextPageToken. */
  async listMedia(o: { accessToken: string; since?: Date; maxPages?: number }): Promise<PlatformMedia[]> {
    const uploads = (await myChannel(o.accessToken, 'contentDetails')).contentDetails?.relatedPlaylists.uploads
    if (!uploads) return []
    const page = z.object({
      items: z
        .array(z.object({ snippet: z.object({ title: z.string().default(''), description: z.string().default('') }).optional(), contentDetails: z.object({ videoId: z.string(), videoPublishedAt: z.string().optional() }) }))
        .default([]),
      nextPageToken: z.string().optional(),
    })
    const out: PlatformMedia[] = []
    let pageToken: string | undefined
    for (let i = 0; i < (o.maxPages ?? 8); i++) {
      const r: z.infer<typeof page> = await get('playlistItems', { part: 'snippet,contentDetails', playlistId: uploads, maxResults: '50', ...(pageToken ? { pageToken } : {}) }, o.accessToken, page)
      for (const it of r.items) {
        const at = it.contentDetails.videoPublishedAt ? new Date(it.contentDetails.videoPublishedAt) : null
        out.push({ externalId: it.contentDetails.videoId, caption: captionOf(it.snippet), permalink: watchUrl(it.contentDetails.videoId), postedAt: at && !Number.isNaN(at.getTime()) ? at : null, mediaType: 'VIDEO' })
      }
      const oldest = out.at(-1)?.postedAt
      pageToken = r.nextPageToken
      if (!pageToken || (o.since && oldest && oldest < o.since)) break
    }
    return out
  },

  /** videos.list?part=snippet: the title and description as posted. */
  async media(o: { accessToken: string; externalId: string }): Promise<PlatformMedia> {
    const v = await oneVideo(o.accessToken, o.externalId, 'snippet')
    const at = v.snippet?.publishedAt ? new Date(v.snippet.publishedAt) : null
    return { externalId: v.id, caption: captionOf(v.snippet), permalink: watchUrl(v.id), postedAt: at && !Number.isNaN(at.getTime()) ? at : null, mediaType: 'VIDEO' }
  },

  /** videos.list?part=statistics: lifetime views, likes (null when the creator hides them) and comments. */
  async insights(o: { accessToken: string; externalId: string }): Promise<MetricValues> {
    const s = (await oneVideo(o.accessToken, o.externalId, 'statistics')).statistics
    return { impressions: null, reach: null, views: s?.viewCount ?? null, likes: s?.likeCount ?? null, comments: s?.commentCount ?? null, shares: null, saves: null, clicks: null, followers: null }
  },
}
