/**
 * A local fake of the Instagram API with Instagram Login (Business Login for Instagram), speaking the
 * documented shapes (cited in DECISIONS.md "Platform connections"):
 *   GET  {auth}/oauth/authorize            -> 302 to redirect_uri?code=…&state=…#_ (the fake consents as `consentAs`)
 *   POST {auth}/oauth/access_token         -> { data: [{ access_token, user_id, permissions }] } (short-lived, 1 h)
 *   GET  {graph}/access_token              -> { access_token, token_type: 'bearer', expires_in } (ig_exchange_token, 60 days)
 *   GET  {graph}/refresh_access_token      -> same shape (ig_refresh_token; the token must be 24 h old and unexpired)
 *   GET  {graph}/me                        -> { user_id, username, account_type, followers_count, media_count }
 *   GET  {graph}/me/media                  -> { data: [...], paging: { cursors, next } }
 *   GET  {graph}/{media-id}                -> the media's fields
 *   GET  {graph}/{media-id}/insights       -> { data: [{ name, period: 'lifetime', values: [{ value }] }] }
 * Errors use the Graph API error object: { error: { message, type, code, error_subcode, fbtrace_id } }:
 * code 190 (subcode 463 expired, 460 revoked/password changed), code 4 (application request limit) and
 * 17 (user request limit) for rate limits, code 100 subcode 33 for a media id that does not exist.
 * Both the auth and graph hosts are served by the same server (the client takes two base URLs).
 *
 * For a browser (the e2e, tests/fakes/instagram-server.ts) `consentPage: true` makes the authorize request
 * answer with a consent page (Allow / Cancel) instead of consenting at once, and a test-control API that is
 * not Instagram's (prefix /__control, JSON bodies) sets the fake's state from outside the process:
 *   POST /__control/users       { id, username, followers_count?, account_type? }  -> the user
 *   POST /__control/media       { userId, id, caption, timestamp?, insights?, like_count?, comments_count? } -> the media
 *   POST /__control/consent-as  { userId | null }  -> who logs in on the next consent page
 */
import http from 'node:http'
import { randomBytes } from 'node:crypto'
import { listenLocal, readBody, sendJson } from './http.ts'

export interface FakeMedia {
  id: string
  caption: string
  permalink: string
  timestamp: string // ISO-8601 with +0000, as the API returns
  media_type: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM'
  media_product_type: 'FEED' | 'REELS' | 'STORY'
  insights: Record<string, number>
  like_count?: number
  comments_count?: number
}

export interface FakeIgUser {
  id: string
  username: string
  account_type: 'BUSINESS' | 'MEDIA_CREATOR' | 'PERSONAL'
  followers_count: number
  media: FakeMedia[]
}

interface TokenInfo {
  userId: string
  kind: 'short' | 'long'
  issuedAt: number
  expiresAt: number
  revoked?: boolean
}

export interface FakeInstagram {
  url: string
  clientId: string
  clientSecret: string
  users: Map<string, FakeIgUser>
  tokens: Map<string, TokenInfo>
  /** The user who "logs in" on the next authorize request; null: the user presses Cancel. */
  consentAs: string | null
  /** The fake's clock (ms); tests move it to expire tokens. */
  now: number
  /** The next N graph calls answer with this rate-limit error code. */
  rateLimit: { remaining: number; code: 4 | 17 }
  /** Every request seen: method, path, query. */
  calls: { method: string; path: string; query: Record<string, string> }[]
  addUser(u: Partial<FakeIgUser> & { id: string; username: string }): FakeIgUser
  addMedia(userId: string, m: Partial<FakeMedia> & { id: string; caption: string }): FakeMedia
  close(): Promise<void>
}

const PAGE = 25

export async function startFakeInstagram(opts: { clientId?: string; clientSecret?: string; port?: number; consentPage?: boolean } = {}): Promise<FakeInstagram> {
  const codes = new Map<string, { userId: string; redirectUri: string; scope: string }>()
  const fake: FakeInstagram = {
    url: '',
    clientId: opts.clientId ?? '990602627938098',
    clientSecret: opts.clientSecret ?? 'fake-instagram-secret',
    users: new Map(),
    tokens: new Map(),
    consentAs: null,
    now: Date.now(),
    rateLimit: { remaining: 0, code: 4 },
    calls: [],
    addUser(u) {
      const user: FakeIgUser = { account_type: 'MEDIA_CREATOR', followers_count: 0, media: [], ...u }
      fake.users.set(user.id, user)
      return user
    },
    addMedia(userId, m) {
      const user = fake.users.get(userId)!
      const media: FakeMedia = {
        permalink: `https://www.instagram.com/reel/${m.id}/`,
        timestamp: new Date(fake.now).toISOString().replace(/\.\d{3}Z$/, '+0000'),
        media_type: 'VIDEO',
        media_product_type: 'REELS',
        insights: {},
        ...m,
      }
      // /me/media lists newest first.
      user.media.unshift(media)
      return media
    },
    close: () => server.close(),
  }

  const send = sendJson
  const graphError = (res: http.ServerResponse, status: number, code: number, message: string, subcode?: number) =>
    send(res, status, { error: { message, type: code === 190 ? 'OAuthException' : 'IGApiException', code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: randomBytes(6).toString('hex') } })

  const tokenUser = (res: http.ServerResponse, token: string | undefined): FakeIgUser | null => {
    const info = token ? fake.tokens.get(token) : undefined
    if (!info) {
      graphError(res, 400, 190, 'Invalid OAuth access token - Cannot parse access token')
      return null
    }
    if (info.revoked) {
      graphError(res, 400, 190, 'Error validating access token: The user has not authorized application.', 460)
      return null
    }
    if (info.expiresAt <= fake.now) {
      graphError(res, 400, 190, 'Error validating access token: Session has expired.', 463)
      return null
    }
    return fake.users.get(info.userId) ?? null
  }
  const issue = (userId: string, kind: 'short' | 'long') => {
    const token = `IGAA${kind === 'long' ? 'L' : 'S'}${randomBytes(12).toString('hex')}`
    const ttl = kind === 'long' ? 60 * 86_400 : 3600
    fake.tokens.set(token, { userId, kind, issuedAt: fake.now, expiresAt: fake.now + ttl * 1000 })
    return { token, ttl }
  }
  const mediaFields = (m: FakeMedia, fields: string[]) =>
    Object.fromEntries(fields.filter((f) => f in m || f === 'id').map((f) => [f, (m as unknown as Record<string, unknown>)[f]]))

  const readForm = async (req: http.IncomingMessage) => new URLSearchParams(await readBody(req))

  const esc = (v: string) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

  const server = await listenLocal(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://fake')
    const q = Object.fromEntries(u.searchParams)
    fake.calls.push({ method: req.method ?? 'GET', path: u.pathname, query: q })
    const path = u.pathname.replace(/^\/v\d+\.\d+/, '')

    // ---------------------------------------------------------------- test control (not Instagram's API)
    if (path === '/__control/health') return send(res, 200, { ok: true })
    if (path.startsWith('/__control/') && req.method === 'POST') {
      const body = JSON.parse((await readBody(req)) || '{}') as Record<string, unknown>
      if (path === '/__control/users') return send(res, 201, fake.addUser(body as unknown as FakeIgUser))
      if (path === '/__control/media') {
        const { userId, ...m } = body as unknown as { userId: string } & FakeMedia
        if (!fake.users.has(userId)) return send(res, 404, { error: 'no such user' })
        if (!m.timestamp) fake.now = Date.now()
        return send(res, 201, fake.addMedia(userId, m))
      }
      if (path === '/__control/consent-as') {
        fake.consentAs = (body.userId as string | null) ?? null
        return send(res, 200, { consentAs: fake.consentAs })
      }
      return send(res, 404, { error: 'unknown control endpoint' })
    }

    // ---------------------------------------------------------------- auth host
    if (path === '/oauth/authorize' && req.method === 'GET') {
      if (q.client_id !== fake.clientId || q.response_type !== 'code' || !q.redirect_uri || !q.scope) {
        return send(res, 400, { error_type: 'OAuthException', code: 400, error_message: 'Invalid request' })
      }
      if (opts.consentPage && !q.fake_decision) {
        const who = fake.consentAs ? fake.users.get(fake.consentAs) : undefined
        const hidden = Object.entries(q).map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('')
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        return res.end(
          `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>Instagram (fake): allow access</title></head><body>` +
            `<h1>Allow access to your Instagram account?</h1><p>Logged in as <strong>@${esc(who?.username ?? 'nobody')}</strong></p>` +
            `<p>The app asks for: ${esc(q.scope.split(',').join(', '))}</p>` +
            `<form method="get" action="${esc(u.pathname)}">${hidden}<button name="fake_decision" value="allow">Allow</button> <button name="fake_decision" value="cancel">Cancel</button></form></body></html>`,
        )
      }
      const back = new URL(q.redirect_uri)
      if (q.state) back.searchParams.set('state', q.state)
      if (!fake.consentAs || q.fake_decision === 'cancel') {
        back.searchParams.set('error', 'access_denied')
        back.searchParams.set('error_reason', 'user_denied')
        back.searchParams.set('error_description', 'Permissions error')
      } else {
        const code = randomBytes(16).toString('hex')
        codes.set(code, { userId: fake.consentAs, redirectUri: q.redirect_uri, scope: q.scope })
        back.searchParams.set('code', code)
      }
      res.writeHead(302, { location: `${back.toString()}#_` })
      return res.end()
    }
    if (path === '/oauth/access_token' && req.method === 'POST') {
      const f = await readForm(req)
      const grant = codes.get(f.get('code') ?? '')
      if (f.get('client_id') !== fake.clientId || f.get('client_secret') !== fake.clientSecret) {
        return send(res, 400, { error_type: 'OAuthException', code: 400, error_message: 'Invalid platform app' })
      }
      if (!grant || f.get('grant_type') !== 'authorization_code' || f.get('redirect_uri') !== grant.redirectUri) {
        return send(res, 400, { error_type: 'OAuthException', code: 400, error_message: 'This authorization code has been used' })
      }
      codes.delete(f.get('code')!)
      const { token } = issue(grant.userId, 'short')
      return send(res, 200, { data: [{ access_token: token, user_id: grant.userId, permissions: grant.scope }] })
    }

    // ---------------------------------------------------------------- graph host
    if (fake.rateLimit.remaining > 0) {
      fake.rateLimit.remaining--
      return graphError(res, 400, fake.rateLimit.code, fake.rateLimit.code === 4 ? '(#4) Application request limit reached' : '(#17) User request limit reached')
    }
    if (path === '/access_token') {
      const info = fake.tokens.get(q.access_token ?? '')
      if (q.grant_type !== 'ig_exchange_token' || q.client_secret !== fake.clientSecret) return graphError(res, 400, 100, 'Invalid parameter')
      if (!info || info.kind !== 'short' || info.expiresAt <= fake.now) return graphError(res, 400, 190, 'Invalid OAuth access token', 463)
      const { token, ttl } = issue(info.userId, 'long')
      return send(res, 200, { access_token: token, token_type: 'bearer', expires_in: ttl })
    }
    if (path === '/refresh_access_token') {
      if (q.grant_type !== 'ig_refresh_token') return graphError(res, 400, 100, 'Invalid parameter')
      const user = tokenUser(res, q.access_token)
      if (!user) return
      const info = fake.tokens.get(q.access_token!)!
      if (info.kind !== 'long' || fake.now - info.issuedAt < 86_400_000) return graphError(res, 400, 100, 'The access token must be a long-lived token at least 24 hours old')
      const { token, ttl } = issue(user.id, 'long')
      return send(res, 200, { access_token: token, token_type: 'bearer', expires_in: ttl })
    }
    const user = tokenUser(res, q.access_token)
    if (!user) return
    const fields = (q.fields ?? '').split(',').filter(Boolean)
    if (path === '/me') {
      const all = { id: user.id, user_id: user.id, username: user.username, account_type: user.account_type, followers_count: user.followers_count, media_count: user.media.length }
      return send(res, 200, Object.fromEntries(Object.entries(all).filter(([k]) => fields.length === 0 || fields.includes(k) || k === 'id')))
    }
    if (path === '/me/media') {
      const limit = Math.min(Number(q.limit ?? PAGE) || PAGE, 100)
      const start = q.after ? Number(Buffer.from(q.after, 'base64url').toString()) : 0
      const page = user.media.slice(start, start + limit)
      const end = start + page.length
      const next = new URL(`${fake.url}/me/media`)
      for (const [k, v] of Object.entries(q)) if (k !== 'after') next.searchParams.set(k, v)
      next.searchParams.set('after', Buffer.from(String(end)).toString('base64url'))
      return send(res, 200, {
        data: page.map((m) => mediaFields(m, fields.length ? fields : ['id'])),
        paging: {
          cursors: { before: Buffer.from(String(start)).toString('base64url'), after: Buffer.from(String(end)).toString('base64url') },
          ...(end < user.media.length ? { next: next.toString() } : {}),
        },
      })
    }
    const insights = path.match(/^\/(\w+)\/insights$/)
    const mediaPath = path.match(/^\/(\w+)$/)
    const id = insights?.[1] ?? mediaPath?.[1]
    const media = id ? user.media.find((m) => m.id === id) : undefined
    if (!media) return graphError(res, 400, 100, `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, 33)
    if (insights) {
      const metrics = (q.metric ?? '').split(',').filter(Boolean)
      if (metrics.length === 0) return graphError(res, 400, 100, '(#100) The parameter metric is required')
      return send(res, 200, {
        data: metrics
          .filter((name) => name in media.insights)
          .map((name) => ({ name, period: 'lifetime', values: [{ value: media.insights[name] }], title: name, id: `${media.id}/insights/${name}/lifetime` })),
      })
    }
    return send(res, 200, mediaFields(media, fields.length ? fields : ['id']))
  }, opts.port)

  fake.url = server.url
  return fake
}
