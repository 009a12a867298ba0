/**
 * A local fake of TikTok Login Kit for Web (OAuth v2) and the Display API v2, speaking the documented
 * shapes (cited in DECISIONS.md "Platform connections"):
 *   GET  {auth}/v2/auth/authorize/   -> 302 to redirect_uri?code=…&scopes=…&state=… (the fake consents as `consentAs`),
 *                                       or ?error=access_denied&error_description=… when the user cancels
 *   POST /v2/oauth/token/            -> { access_token, expires_in: 86400, open_id, refresh_token, refresh_expires_in: 31536000,
 *                                       scope, token_type: 'Bearer' } for grant_type authorization_code (with the PKCE
 *                                       code_verifier when a code_challenge was sent) and refresh_token (rotated: the old one dies)
 *   POST /v2/oauth/revoke/           -> {} (the user's tokens stop working)
 *   GET  /v2/user/info/?fields=      -> { data: { user: {…} }, error: { code: 'ok', message: '', log_id } }
 *   POST /v2/video/list/?fields=     -> { data: { videos, cursor, has_more }, error } (public videos, newest first; cursor =
 *                                       create_time in ms of the last one returned; max_count ≤ 20)
 *   POST /v2/video/query/?fields=    -> { data: { videos }, error } (the ids that exist, are public and are the user's)
 * API errors: { error: { code, message, log_id } } — 401 access_token_invalid, 401 scope_not_authorized,
 * 429 rate_limit_exceeded, 400 invalid_params. OAuth errors: 400 { error: 'invalid_grant' | 'invalid_client' | …,
 * error_description, log_id }. Both hosts are served by the same server.
 */
import type http from 'node:http'
import { createHash, randomBytes } from 'node:crypto'
import { listenLocal, readBody, sendJson as send } from './http.ts'

export interface FakeTikTokVideo {
  id: string
  create_time: number // Unix seconds
  share_url: string
  video_description: string
  title: string
  view_count: number
  like_count: number
  comment_count: number
  share_count: number
  /** Not public any more (made private, or "friends only"): the Display API leaves it out. */
  hidden?: boolean
}

export interface FakeTikTokUser {
  open_id: string
  username: string
  display_name: string
  follower_count: number
  /** A private account: its videos are not public, so the Display API lists none. */
  private: boolean
  videos: FakeTikTokVideo[]
}

interface Token {
  openId: string
  scopes: string[]
  expiresAt: number
  revoked?: boolean
}

export interface FakeTikTok {
  url: string
  clientKey: string
  clientSecret: string
  users: Map<string, FakeTikTokUser>
  access: Map<string, Token>
  refresh: Map<string, Token>
  /** The user who "logs in" on the next authorize request; null: the user presses Cancel. */
  consentAs: string | null
  /** The scopes the user ticks (default: all asked for). */
  grantScopes: string[] | null
  now: number
  /** The next N API calls answer 429 rate_limit_exceeded. */
  rateLimit: { remaining: number }
  calls: { method: string; path: string; query: Record<string, string>; body: string }[]
  /** Runs before each answer (a test deletes a video between the list and the query). */
  beforeAnswer: ((path: string) => void) | null
  addUser(u: Partial<FakeTikTokUser> & { open_id: string; username: string }): FakeTikTokUser
  addVideo(openId: string, v: Partial<FakeTikTokVideo> & { id: string; video_description: string }): FakeTikTokVideo
  close(): Promise<void>
}

const ACCESS_TTL = 86_400
const REFRESH_TTL = 31_536_000

export async function startFakeTikTok(opts: { clientKey?: string; clientSecret?: string } = {}): Promise<FakeTikTok> {
  const codes = new Map<string, { openId: string; redirectUri: string; scopes: string[]; challenge: string | null }>()
  const logId = () => `2026${randomBytes(10).toString('hex').toUpperCase()}`
  const apiError = (res: http.ServerResponse, status: number, code: string, message: string) => send(res, status, { error: { code, message, log_id: logId() } })
  const oauthError = (res: http.ServerResponse, error: string, description: string) => send(res, 400, { error, error_description: description, log_id: logId() })
  const okBody = (data: unknown) => ({ data, error: { code: 'ok', message: '', log_id: logId() } })

  const issue = (openId: string, scopes: string[]) => {
    const access = `act.${randomBytes(16).toString('hex')}`
    const refresh = `rft.${randomBytes(16).toString('hex')}`
    fake.access.set(access, { openId, scopes, expiresAt: fake.now + ACCESS_TTL * 1000 })
    fake.refresh.set(refresh, { openId, scopes, expiresAt: fake.now + REFRESH_TTL * 1000 })
    return { access_token: access, expires_in: ACCESS_TTL, open_id: openId, refresh_token: refresh, refresh_expires_in: REFRESH_TTL, scope: scopes.join(','), token_type: 'Bearer' }
  }

  const pick = (o: object, fields: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => fields.includes(k)))

  const handler: http.RequestListener = async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://fake')
    const q = Object.fromEntries(u.searchParams)
    const body = await readBody(req)
    fake.calls.push({ method: req.method ?? 'GET', path: u.pathname, query: q, body })
    fake.beforeAnswer?.(u.pathname)

    // ------------------------------------------------------------ Login Kit
    if (u.pathname === '/v2/auth/authorize/' && req.method === 'GET') {
      if (q.client_key !== fake.clientKey || q.response_type !== 'code' || !q.redirect_uri || !q.scope) return oauthError(res, 'invalid_request', 'Missing or invalid parameters')
      if (q.code_challenge && q.code_challenge_method !== 'S256') return oauthError(res, 'invalid_request', 'code_challenge_method must be S256')
      const back = new URL(q.redirect_uri)
      if (!fake.consentAs) {
        back.searchParams.set('error', 'access_denied')
        back.searchParams.set('error_description', 'The user denied the request')
      } else {
        const asked = q.scope.split(',')
        const scopes = fake.grantScopes ? asked.filter((s) => fake.grantScopes!.includes(s)) : asked
        const code = randomBytes(24).toString('base64url')
        codes.set(code, { openId: fake.consentAs, redirectUri: q.redirect_uri, scopes, challenge: q.code_challenge ?? null })
        back.searchParams.set('code', code)
        back.searchParams.set('scopes', scopes.join(','))
      }
      if (q.state) back.searchParams.set('state', q.state)
      res.writeHead(302, { location: back.toString() })
      return res.end()
    }
    if (u.pathname === '/v2/oauth/token/' && req.method === 'POST') {
      const f = new URLSearchParams(body)
      if (f.get('client_key') !== fake.clientKey || f.get('client_secret') !== fake.clientSecret) return oauthError(res, 'invalid_client', 'Client key or secret is incorrect.')
      if (f.get('grant_type') === 'authorization_code') {
        const grant = codes.get(f.get('code') ?? '')
        if (!grant || f.get('redirect_uri') !== grant.redirectUri) return oauthError(res, 'invalid_grant', 'Authorization code is expired.')
        if (grant.challenge && createHash('sha256').update(f.get('code_verifier') ?? '').digest('base64url') !== grant.challenge) {
          return oauthError(res, 'invalid_request', 'Code verifier or code challenge is invalid.')
        }
        codes.delete(f.get('code')!)
        return send(res, 200, issue(grant.openId, grant.scopes))
      }
      if (f.get('grant_type') === 'refresh_token') {
        const rt = fake.refresh.get(f.get('refresh_token') ?? '')
        if (!rt || rt.revoked || rt.expiresAt <= fake.now) return oauthError(res, 'invalid_grant', 'Refresh token is invalid or expired.')
        fake.refresh.delete(f.get('refresh_token')!) // rotated: the old refresh token stops working
        return send(res, 200, issue(rt.openId, rt.scopes))
      }
      return oauthError(res, 'unsupported_grant_type', 'The grant type is not supported.')
    }
    if (u.pathname === '/v2/oauth/revoke/' && req.method === 'POST') {
      const f = new URLSearchParams(body)
      if (f.get('client_key') !== fake.clientKey || f.get('client_secret') !== fake.clientSecret) return oauthError(res, 'invalid_client', 'Client key or secret is incorrect.')
      const t = fake.access.get(f.get('token') ?? '')
      if (t) for (const m of [fake.access, fake.refresh]) for (const x of m.values()) if (x.openId === t.openId) x.revoked = true
      return send(res, 200, {})
    }

    // ------------------------------------------------------------ Display API
    if (fake.rateLimit.remaining > 0) {
      fake.rateLimit.remaining--
      return apiError(res, 429, 'rate_limit_exceeded', 'The API rate limit was exceeded. Please try again later.')
    }
    const auth = (req.headers.authorization ?? '').replace(/^Bearer /, '')
    const token = fake.access.get(auth)
    if (!token || token.revoked || token.expiresAt <= fake.now) return apiError(res, 401, 'access_token_invalid', 'The access token is invalid or not found in the request.')
    const user = fake.users.get(token.openId)!
    const fields = (q.fields ?? '').split(',').filter(Boolean)
    const need = (scope: string) => {
      if (token.scopes.includes(scope)) return true
      apiError(res, 401, 'scope_not_authorized', `The user did not authorize the scope required for completing this request: ${scope}.`)
      return false
    }
    if (fields.length === 0) return apiError(res, 400, 'invalid_params', 'fields is required')
    const publicVideos = () => (user.private ? [] : user.videos.filter((v) => !v.hidden))

    if (u.pathname === '/v2/user/info/' && req.method === 'GET') {
      if (fields.includes('follower_count') && !need('user.info.stats')) return
      if (fields.includes('username') && !need('user.info.profile')) return
      return send(res, 200, okBody({ user: pick({ open_id: user.open_id, union_id: `u-${user.open_id}`, username: user.username, display_name: user.display_name, follower_count: user.follower_count }, fields) }))
    }
    if (u.pathname === '/v2/video/list/' && req.method === 'POST') {
      if (!need('video.list')) return
      const b = body ? (JSON.parse(body) as { cursor?: number; max_count?: number }) : {}
      const max = b.max_count ?? 10
      if (max < 1 || max > 20) return apiError(res, 400, 'invalid_params', 'max_count must be between 1 and 20')
      const older = publicVideos().filter((v) => b.cursor === undefined || v.create_time * 1000 < b.cursor)
      const page = older.slice(0, max)
      const last = page.at(-1)
      return send(res, 200, okBody({ videos: page.map((v) => pick(v, fields)), cursor: last ? last.create_time * 1000 : (b.cursor ?? 0), has_more: older.length > page.length }))
    }
    if (u.pathname === '/v2/video/query/' && req.method === 'POST') {
      if (!need('video.list')) return
      const ids = (body ? (JSON.parse(body) as { filters?: { video_ids?: string[] } }) : {}).filters?.video_ids ?? []
      if (ids.length === 0 || ids.length > 20) return apiError(res, 400, 'invalid_params', 'filters.video_ids must hold 1 to 20 ids')
      return send(res, 200, okBody({ videos: publicVideos().filter((v) => ids.includes(v.id)).map((v) => pick(v, fields)) }))
    }
    return apiError(res, 404, 'invalid_params', `Unknown path ${u.pathname}`)
  }

  const server = await listenLocal(handler)
  const fake: FakeTikTok = {
    url: server.url,
    clientKey: opts.clientKey ?? 'awfaketiktokkey',
    clientSecret: opts.clientSecret ?? 'fake-tiktok-secret',
    users: new Map(),
    access: new Map(),
    refresh: new Map(),
    consentAs: null,
    grantScopes: null,
    now: Date.now(),
    rateLimit: { remaining: 0 },
    calls: [],
    beforeAnswer: null,
    addUser(u) {
      const user: FakeTikTokUser = { display_name: u.username, follower_count: 0, private: false, videos: [], ...u }
      fake.users.set(user.open_id, user)
      return user
    },
    addVideo(openId, v) {
      const user = fake.users.get(openId)!
      const video: FakeTikTokVideo = {
        create_time: Math.floor(fake.now / 1000),
        share_url: `https://www.tiktok.com/@${user.username}/video/${v.id}?is_from_webapp=1&sender_device=pc`,
        title: '',
        view_count: 0,
        like_count: 0,
        comment_count: 0,
        share_count: 0,
        ...v,
      }
      user.videos.push(video)
      user.videos.sort((a, b) => b.create_time - a.create_time)
      return video
    },
    close: () => server.close(),
  }
  return fake
}
