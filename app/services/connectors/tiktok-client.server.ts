/**
 * TikTok Login Kit for Web (OAuth v2) + Display API v2: the documented endpoints Greenroom calls
 * (DECISIONS.md "Platform connections" cites each page). Base URLs come from configuration
 * (TIKTOK_AUTH_URL for the consent page, TIKTOK_API_URL for open.tiktokapis.com) so tests point them at
 * tests/fakes/tiktok.ts.
 *
 * API answers carry `{ data, error: { code, message, log_id } }` (code "ok" on success); the OAuth
 * endpoints answer `{ error, error_description, log_id }` when they refuse.
 */
import { z } from 'zod'
import { config } from '#app/config.server.ts'
import type { MetricValues } from '#app/domain/metrics-csv.ts'
import { CONNECTOR_SCOPES } from '#app/domain/connector-scopes.ts'
import { PlatformError, authorizeUrlOf, fetchJson, formPost } from './platform-http.server.ts'
import type { ConnectorClient, PlatformAccount, PlatformMedia, TokenGrant } from './connector-client.server.ts'

const apiError = z.object({ error: z.object({ code: z.string(), message: z.string().default(''), log_id: z.string().optional() }) })
const oauthError = z.object({ error: z.string(), error_description: z.string().default('') })

/** Map a TikTok error answer (API v2 error codes, OAuth v2 error categories) to what the caller does next. */
export function classifyTikTokError(status: number, body: unknown): PlatformError {
  const api = apiError.safeParse(body)
  if (api.success && api.data.error.code !== 'ok') {
    const { code, message } = api.data.error
    const text = message || code
    if (status === 429 || code === 'rate_limit_exceeded') return new PlatformError('rate_limited', text)
    if (code === 'access_token_invalid') return new PlatformError('token_expired', text)
    if (code === 'scope_not_authorized' || code === 'scope_permission_missed') return new PlatformError('permission', text)
    return new PlatformError(status >= 500 || code === 'internal_error' ? 'unavailable' : 'other', text)
  }
  const oauth = oauthError.safeParse(body)
  if (oauth.success) {
    const text = oauth.data.error_description || oauth.data.error
    // invalid_grant: the code or refresh token is invalid, expired or revoked (OAuth error handling page).
    if (oauth.data.error === 'invalid_grant') return new PlatformError('token_expired', text)
    if (oauth.data.error === 'access_denied') return new PlatformError('token_revoked', text)
    return new PlatformError(status >= 500 ? 'unavailable' : 'other', text)
  }
  if (status === 429) return new PlatformError('rate_limited', `HTTP ${status}`)
  if (status === 401) return new PlatformError('token_expired', `HTTP ${status}`)
  return new PlatformError(status >= 500 ? 'unavailable' : 'other', `HTTP ${status}`)
}

const cfg = () => {
  const c = config()
  return { auth: c.TIKTOK_AUTH_URL.replace(/\/$/, ''), api: c.TIKTOK_API_URL.replace(/\/$/, ''), key: c.TIKTOK_CLIENT_KEY ?? '', secret: c.TIKTOK_CLIENT_SECRET ?? '' }
}

const call = <S extends z.ZodTypeAny>(url: string, schema: S, init?: RequestInit): Promise<z.output<S>> => fetchJson(url, schema, classifyTikTokError, init)

/** A successful API answer: `data` plus `error.code === "ok"`. */
const ok = <S extends z.ZodTypeAny>(data: S) => z.object({ data, error: z.object({ code: z.literal('ok') }).optional() })

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  expires_in: z.number(),
  open_id: z.string(),
  refresh_token: z.string().min(1),
  refresh_expires_in: z.number(),
  scope: z.string().default(''),
})

const bearer = (token: string, json?: unknown): RequestInit => ({
  method: json === undefined ? 'GET' : 'POST',
  headers: { authorization: `Bearer ${token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
  ...(json === undefined ? {} : { body: JSON.stringify(json) }),
})

function grantOf(r: z.infer<typeof tokenAnswer>, now: Date): TokenGrant {
  return {
    accessToken: r.access_token,
    expiresAt: new Date(now.getTime() + r.expires_in * 1000),
    refreshToken: r.refresh_token,
    refreshExpiresAt: new Date(now.getTime() + r.refresh_expires_in * 1000),
    scopes: r.scope.split(',').filter(Boolean),
    externalUserId: r.open_id,
  }
}

const VIDEO_FIELDS = 'id,create_time,share_url,video_description,title'
const STAT_FIELDS = 'id,view_count,like_count,comment_count,share_count'
const video = z.object({
  id: z.string(),
  create_time: z.number().optional(),
  share_url: z.string().optional(),
  video_description: z.string().optional(),
  title: z.string().optional(),
  view_count: z.number().optional(),
  like_count: z.number().optional(),
  comment_count: z.number().optional(),
  share_count: z.number().optional(),
})
type Video = z.infer<typeof video>

/** POST /v2/video/query/ for one id. A deleted video, or one made private, is not in the answer. */
async function queryOne(accessToken: string, id: string, fields: string): Promise<Video> {
  const r = await call(`${cfg().api}/v2/video/query/?fields=${fields}`, ok(z.object({ videos: z.array(video) })), bearer(accessToken, { filters: { video_ids: [id] } }))
  const v = r.data.videos.find((x) => x.id === id)
  if (!v) throw new PlatformError('not_found', `TikTok returned no video ${id}: it was deleted or is no longer public.`)
  return v
}

export const tiktok: ConnectorClient = {
  platform: 'tiktok',
  pkce: true,
  refreshWith: 'refresh_token',

  /** GET {auth}/v2/auth/authorize/ (Login Kit for Web): client_key, scope, redirect_uri, state, and the S256 PKCE challenge. */
  authorizeUrl(o: { state: string; redirectUri: string; codeChallenge?: string }) {
    const c = cfg()
    const scope = CONNECTOR_SCOPES.tiktok.map((s) => s.scope).join(',')
    return authorizeUrlOf(`${c.auth}/v2/auth/authorize/`, { client_key: c.key, response_type: 'code', scope, redirect_uri: o.redirectUri, state: o.state }, o.codeChallenge)
  },

  /** POST {api}/v2/oauth/token/ grant_type=authorization_code: access token (24 h), refresh token (365 days), open_id, scope. */
  async exchangeCode(o: { code: string; redirectUri: string; now: Date; codeVerifier?: string }): Promise<TokenGrant> {
    const c = cfg()
    const r = await call(
      `${c.api}/v2/oauth/token/`,
      tokenAnswer,
      formPost({ client_key: c.key, client_secret: c.secret, code: o.code, grant_type: 'authorization_code', redirect_uri: o.redirectUri, ...(o.codeVerifier ? { code_verifier: o.codeVerifier } : {}) }),
    )
    return grantOf(r, o.now)
  },

  /** POST {api}/v2/oauth/token/ grant_type=refresh_token: a new access token and a rotated refresh token. */
  async refresh(o: { accessToken: string; refreshToken?: string | null; now: Date }): Promise<TokenGrant> {
    if (!o.refreshToken) throw new PlatformError('token_expired', 'No TikTok refresh token is stored.')
    const c = cfg()
    const r = await call(`${c.api}/v2/oauth/token/`, tokenAnswer, formPost({ client_key: c.key, client_secret: c.secret, grant_type: 'refresh_token', refresh_token: o.refreshToken }))
    return grantOf(r, o.now)
  },

  /** POST {api}/v2/oauth/revoke/: the creator's grant to the app ends at TikTok too. */
  async revoke(o: { accessToken: string }) {
    const c = cfg()
    await call(`${c.api}/v2/oauth/revoke/`, z.unknown(), formPost({ client_key: c.key, client_secret: c.secret, token: o.accessToken }))
    return 'revoked' as const
  },

  /** GET {api}/v2/user/info/?fields=open_id,username,display_name,follower_count (user.info.basic/profile/stats). */
  async account(o: { accessToken: string }): Promise<PlatformAccount> {
    const r = await call(
      `${cfg().api}/v2/user/info/?fields=open_id,username,display_name,follower_count`,
      ok(z.object({ user: z.object({ open_id: z.string(), username: z.string().optional(), display_name: z.string().optional(), follower_count: z.number().optional() }) })),
      bearer(o.accessToken),
    )
    const u = r.data.user
    return { externalUserId: u.open_id, username: (u.username || u.display_name || u.open_id).toLowerCase(), followers: u.follower_count ?? null, professional: true }
  },

  /** POST {api}/v2/video/list/ (newest first, max_count 20), following `cursor` while `has_more`, until `since` or `maxPages`. */
  async listMedia(o: { accessToken: string; since?: Date; maxPages?: number }): Promise<PlatformMedia[]> {
    const page = ok(z.object({ videos: z.array(video), cursor: z.number().optional(), has_more: z.boolean().default(false) }))
    const out: PlatformMedia[] = []
    let cursor: number | undefined
    for (let i = 0; i < (o.maxPages ?? 8); i++) {
      const r: z.infer<typeof page> = await call(`${cfg().api}/v2/video/list/?fields=${VIDEO_FIELDS}`, page, bearer(o.accessToken, { max_count: 20, ...(cursor === undefined ? {} : { cursor }) }))
      for (const v of r.data.videos) out.push(toMedia(v))
      const oldest = out.at(-1)?.postedAt
      if (!r.data.has_more || r.data.cursor === undefined || (o.since && oldest && oldest < o.since)) break
      cursor = r.data.cursor
    }
    return out
  },

  /** One video as posted (POST /v2/video/query/); PlatformError 'not_found' when deleted or made private. */
  async media(o: { accessToken: string; externalId: string }): Promise<PlatformMedia> {
    return toMedia(await queryOne(o.accessToken, o.externalId, VIDEO_FIELDS))
  },

  /** The video's lifetime counters (view_count, like_count, comment_count, share_count) from /v2/video/query/. */
  async insights(o: { accessToken: string; externalId: string }): Promise<MetricValues> {
    const v = await queryOne(o.accessToken, o.externalId, STAT_FIELDS)
    return { impressions: null, reach: null, views: v.view_count ?? null, likes: v.like_count ?? null, comments: v.comment_count ?? null, shares: v.share_count ?? null, saves: null, clicks: null, followers: null }
  },
}

/** share_url may carry tracking parameters; the post's link is the URL without them. create_time is Unix seconds. */
function toMedia(v: Video): PlatformMedia {
  let permalink = v.share_url ?? ''
  try {
    if (permalink) permalink = `${new URL(permalink).origin}${new URL(permalink).pathname}`
  } catch {
    permalink = ''
  }
  return {
    externalId: v.id,
    caption: v.video_description ?? v.title ?? '',
    permalink,
    postedAt: v.create_time === undefined ? null : new Date(v.create_time * 1000),
    mediaType: 'VIDEO',
  }
}
