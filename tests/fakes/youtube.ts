/**
 * A local fake of Google OAuth 2.0 (web server apps) and the YouTube Data API v3, speaking the documented
 * shapes (cited in DECISIONS.md "Platform connections"):
 *   GET  /o/oauth2/v2/auth          -> 302 to redirect_uri?state=…&code=…&scope=… (consents as `consentAs`), or ?error=access_denied
 *   POST /token                     -> authorization_code (PKCE checked): { access_token, expires_in: 3599, refresh_token (offline only),
 *                                      scope, token_type }; refresh_token: { access_token, expires_in, scope, token_type } (not rotated)
 *                                      errors 400 { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }
 *   POST /revoke                    -> 200 {} (the grant and its refresh token end)
 *   GET  /youtube/v3/channels       -> { items: [{ id, snippet: { title, customUrl }, statistics, contentDetails.relatedPlaylists.uploads }] }
 *   GET  /youtube/v3/playlistItems  -> { items: [{ snippet, contentDetails: { videoId, videoPublishedAt } }], nextPageToken }
 *   GET  /youtube/v3/videos         -> { items: [{ id, snippet, status: { privacyStatus }, statistics (strings) }] }
 * API errors: { error: { code, message, errors: [{ message, domain, reason }], status } } — 401 authError,
 * 403 quotaExceeded (domain youtube.quota). One server serves all three hosts.
 */
import type http from 'node:http'
import { createHash, randomBytes } from 'node:crypto'
import { listenLocal, readBody, sendJson as send } from './http.ts'

export interface FakeYtVideo {
  id: string
  title: string
  description: string
  publishedAt: string
  privacyStatus: 'public' | 'unlisted' | 'private'
  viewCount: number
  likeCount: number
  commentCount: number
}

export interface FakeYtChannel {
  id: string
  title: string
  customUrl: string
  subscriberCount: number
  hiddenSubscriberCount: boolean
  /** Newest first, as the uploads playlist lists them. */
  videos: FakeYtVideo[]
}

interface Grant {
  googleUser: string
  expiresAt: number
  revoked?: boolean
}

export interface FakeYouTube {
  url: string
  clientId: string
  clientSecret: string
  /** Google account -> its channel (no entry: an account without a channel). */
  channels: Map<string, FakeYtChannel>
  access: Map<string, Grant>
  refresh: Map<string, Grant>
  consentAs: string | null
  now: number
  /** The next N Data API calls answer 403 quotaExceeded. */
  quota: { remaining: number }
  calls: { method: string; path: string; query: Record<string, string>; body: string }[]
  beforeAnswer: ((path: string, query: Record<string, string>) => void) | null
  addChannel(googleUser: string, c: Partial<FakeYtChannel> & { id: string; customUrl: string }): FakeYtChannel
  addVideo(channelId: string, v: Partial<FakeYtVideo> & { id: string; title: string }): FakeYtVideo
  close(): Promise<void>
}

const SCOPE = 'https://www.googleapis.com/auth/youtube.readonly'

export async function startFakeYouTube(): Promise<FakeYouTube> {
  const codes = new Map<string, { googleUser: string; redirectUri: string; offline: boolean; challenge: string | null }>()
  const apiError = (res: http.ServerResponse, code: number, reason: string, domain: string, message: string, status: string) =>
    send(res, code, { error: { code, message, errors: [{ message, domain, reason }], status } })
  const oauthError = (res: http.ServerResponse, status: number, error: string, description: string) => send(res, status, { error, error_description: description })
  const issueAccess = (googleUser: string) => {
    const token = `ya29.${randomBytes(18).toString('base64url')}`
    fake.access.set(token, { googleUser, expiresAt: fake.now + 3599 * 1000 })
    return token
  }
  const channelOf = (googleUser: string) => fake.channels.get(googleUser)
  const byChannelId = (id: string) => [...fake.channels.values()].find((c) => c.id === id)

  const handler: http.RequestListener = async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://fake')
    const q = Object.fromEntries(u.searchParams)
    const body = await readBody(req)
    fake.calls.push({ method: req.method ?? 'GET', path: u.pathname, query: q, body })
    fake.beforeAnswer?.(u.pathname, q)

    if (u.pathname === '/o/oauth2/v2/auth' && req.method === 'GET') {
      if (q.client_id !== fake.clientId || q.response_type !== 'code' || !q.redirect_uri || !(q.scope ?? '').split(' ').includes(SCOPE)) {
        return oauthError(res, 400, 'invalid_request', 'Required parameter is missing or invalid')
      }
      const back = new URL(q.redirect_uri)
      if (q.state) back.searchParams.set('state', q.state)
      if (!fake.consentAs) back.searchParams.set('error', 'access_denied')
      else {
        const code = `4/0${randomBytes(20).toString('base64url')}`
        codes.set(code, { googleUser: fake.consentAs, redirectUri: q.redirect_uri, offline: q.access_type === 'offline', challenge: q.code_challenge_method === 'S256' ? (q.code_challenge ?? null) : null })
        back.searchParams.set('code', code)
        back.searchParams.set('scope', SCOPE)
      }
      res.writeHead(302, { location: back.toString() })
      return res.end()
    }
    if (u.pathname === '/token' && req.method === 'POST') {
      const f = new URLSearchParams(body)
      if (f.get('client_id') !== fake.clientId || f.get('client_secret') !== fake.clientSecret) return oauthError(res, 401, 'invalid_client', 'The OAuth client was not found.')
      if (f.get('grant_type') === 'authorization_code') {
        const g = codes.get(f.get('code') ?? '')
        if (!g || g.redirectUri !== f.get('redirect_uri')) return oauthError(res, 400, 'invalid_grant', 'Malformed auth code.')
        if (g.challenge && createHash('sha256').update(f.get('code_verifier') ?? '').digest('base64url') !== g.challenge) return oauthError(res, 400, 'invalid_grant', 'Invalid code verifier.')
        codes.delete(f.get('code')!)
        const refresh = g.offline ? `1//0${randomBytes(24).toString('base64url')}` : null
        if (refresh) fake.refresh.set(refresh, { googleUser: g.googleUser, expiresAt: Number.POSITIVE_INFINITY })
        return send(res, 200, { access_token: issueAccess(g.googleUser), expires_in: 3599, ...(refresh ? { refresh_token: refresh } : {}), scope: SCOPE, token_type: 'Bearer' })
      }
      if (f.get('grant_type') === 'refresh_token') {
        const g = fake.refresh.get(f.get('refresh_token') ?? '')
        if (!g || g.revoked) return oauthError(res, 400, 'invalid_grant', 'Token has been expired or revoked.')
        return send(res, 200, { access_token: issueAccess(g.googleUser), expires_in: 3599, scope: SCOPE, token_type: 'Bearer' })
      }
      return oauthError(res, 400, 'unsupported_grant_type', 'Invalid grant_type')
    }
    if (u.pathname === '/revoke' && req.method === 'POST') {
      const token = new URLSearchParams(body).get('token') ?? q.token ?? ''
      const g = fake.access.get(token) ?? fake.refresh.get(token)
      if (!g) return oauthError(res, 400, 'invalid_token', 'Token expired or revoked')
      for (const m of [fake.access, fake.refresh]) for (const x of m.values()) if (x.googleUser === g.googleUser) x.revoked = true
      return send(res, 200, {})
    }

    // ------------------------------------------------------------ Data API
    if (fake.quota.remaining > 0) {
      fake.quota.remaining--
      return apiError(res, 403, 'quotaExceeded', 'youtube.quota', 'The request cannot be completed because you have exceeded your quota.', 'PERMISSION_DENIED')
    }
    const grant = fake.access.get((req.headers.authorization ?? '').replace(/^Bearer /, ''))
    if (!grant || grant.revoked || grant.expiresAt <= fake.now) {
      return apiError(res, 401, 'authError', 'global', 'Request had invalid authentication credentials. Expected OAuth 2 access token.', 'UNAUTHENTICATED')
    }
    const parts = (q.part ?? '').split(',')
    if (u.pathname === '/youtube/v3/channels' && q.mine === 'true') {
      const c = channelOf(grant.googleUser)
      const item = c && {
        kind: 'youtube#channel',
        id: c.id,
        ...(parts.includes('snippet') ? { snippet: { title: c.title, description: '', customUrl: c.customUrl } } : {}),
        ...(parts.includes('statistics')
          ? { statistics: { viewCount: '0', videoCount: String(c.videos.length), hiddenSubscriberCount: c.hiddenSubscriberCount, ...(c.hiddenSubscriberCount ? {} : { subscriberCount: String(c.subscriberCount) }) } }
          : {}),
        ...(parts.includes('contentDetails') ? { contentDetails: { relatedPlaylists: { likes: '', uploads: `UU${c.id.slice(2)}` } } } : {}),
      }
      return send(res, 200, { kind: 'youtube#channelListResponse', pageInfo: { totalResults: item ? 1 : 0, resultsPerPage: 5 }, items: item ? [item] : [] })
    }
    if (u.pathname === '/youtube/v3/playlistItems') {
      const c = byChannelId(`UC${(q.playlistId ?? '').slice(2)}`)
      if (!c) return apiError(res, 404, 'playlistNotFound', 'youtube.playlistItem', 'The playlist identified with the request\u2019s playlistId parameter cannot be found.', 'NOT_FOUND')
      const max = Math.min(Number(q.maxResults ?? 5) || 5, 50)
      const start = q.pageToken ? Number(Buffer.from(q.pageToken, 'base64url').toString()) : 0
      const page = c.videos.slice(start, start + max)
      const end = start + page.length
      return send(res, 200, {
        kind: 'youtube#playlistItemListResponse',
        items: page.map((v) => ({
          kind: 'youtube#playlistItem',
          snippet: { title: v.privacyStatus === 'private' ? 'Private video' : v.title, description: v.privacyStatus === 'private' ? 'This video is private.' : v.description, publishedAt: v.publishedAt },
          contentDetails: { videoId: v.id, ...(v.privacyStatus === 'private' ? {} : { videoPublishedAt: v.publishedAt }) },
        })),
        ...(end < c.videos.length ? { nextPageToken: Buffer.from(String(end)).toString('base64url') } : {}),
        pageInfo: { totalResults: c.videos.length, resultsPerPage: max },
      })
    }
    if (u.pathname === '/youtube/v3/videos') {
      const ids = (q.id ?? '').split(',').filter(Boolean)
      const mine = channelOf(grant.googleUser)?.videos ?? []
      const all = [...fake.channels.values()].flatMap((c) => c.videos)
      // The owner sees their own private videos; others see public and unlisted ones.
      const visible = all.filter((v) => ids.includes(v.id) && (v.privacyStatus !== 'private' || mine.includes(v)))
      return send(res, 200, {
        kind: 'youtube#videoListResponse',
        items: visible.map((v) => ({
          kind: 'youtube#video',
          id: v.id,
          ...(parts.includes('snippet') ? { snippet: { title: v.title, description: v.description, publishedAt: v.publishedAt } } : {}),
          ...(parts.includes('status') ? { status: { privacyStatus: v.privacyStatus } } : {}),
          ...(parts.includes('statistics') ? { statistics: { viewCount: String(v.viewCount), likeCount: String(v.likeCount), favoriteCount: '0', commentCount: String(v.commentCount) } } : {}),
        })),
      })
    }
    return apiError(res, 404, 'notFound', 'global', `Unknown path ${u.pathname}`, 'NOT_FOUND')
  }

  const server = await listenLocal(handler)
  const fake: FakeYouTube = {
    url: server.url,
    clientId: '123456789012-fake.apps.googleusercontent.com',
    clientSecret: 'GOCSPX-fake-secret',
    channels: new Map(),
    access: new Map(),
    refresh: new Map(),
    consentAs: null,
    now: Date.now(),
    quota: { remaining: 0 },
    calls: [],
    beforeAnswer: null,
    addChannel(googleUser, c) {
      const ch: FakeYtChannel = { title: c.customUrl.replace(/^@/, ''), subscriberCount: 0, hiddenSubscriberCount: false, videos: [], ...c }
      fake.channels.set(googleUser, ch)
      return ch
    },
    addVideo(channelId, v) {
      const ch = byChannelId(channelId)!
      const video: FakeYtVideo = { description: '', publishedAt: new Date(fake.now).toISOString().replace(/\.\d{3}Z$/, 'Z'), privacyStatus: 'public', viewCount: 0, likeCount: 0, commentCount: 0, ...v }
      ch.videos.push(video)
      ch.videos.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
      return video
    },
    close: () => server.close(),
  }
  return fake
}
