/**
 * Instagram API with Instagram Login (Business Login for Instagram): the documented endpoints Greenroom
 * calls (DECISIONS.md "Platform connections" cites each page). Base URLs come from configuration
 * (INSTAGRAM_AUTH_URL, INSTAGRAM_GRAPH_URL) so tests point them at tests/fakes/instagram.ts.
 */
import { z } from 'zod'
import { config } from '#app/config.server.ts'
import type { MetricValues } from '#app/domain/metrics-csv.ts'
import { CONNECTOR_SCOPES } from '#app/domain/connector-scopes.ts'
import { PlatformError, fetchJson } from './platform-http.server.ts'
import type { ConnectorClient, PlatformAccount, PlatformMedia, TokenGrant } from './connector-client.server.ts'

export type { PlatformAccount, PlatformMedia, TokenGrant } from './connector-client.server.ts'

const graphError = z.object({
  error: z.object({ message: z.string().default(''), code: z.number().optional(), error_subcode: z.number().optional(), type: z.string().optional() }),
})

/** Map a Graph API error object (Handling Errors page) to what the caller does next. */
export function classifyInstagramError(status: number, body: unknown): PlatformError {
  const parsed = graphError.safeParse(body)
  const e = parsed.success ? parsed.data.error : { message: `HTTP ${status}`, code: undefined, error_subcode: undefined }
  const message = e.message || `HTTP ${status}`
  // 4: application request limit, 17: user request limit, 32: page request limit, 613: calls within one hour.
  if (status === 429 || (e.code !== undefined && [4, 17, 32, 613].includes(e.code))) return new PlatformError('rate_limited', message)
  if (e.code === 190 || e.code === 102) {
    // 463: session expired; 460 (password changed), 458 (app not installed), 467 (invalid): the grant is gone.
    return new PlatformError(e.error_subcode === 463 || e.error_subcode === undefined ? 'token_expired' : 'token_revoked', message)
  }
  if (e.code === 10 || (e.code !== undefined && e.code >= 200 && e.code <= 299)) return new PlatformError('permission', message)
  if (e.code === 100 && e.error_subcode === 33) return new PlatformError('not_found', message)
  return new PlatformError(status >= 500 ? 'unavailable' : 'other', message)
}

const cfg = () => {
  const c = config()
  return { auth: c.INSTAGRAM_AUTH_URL.replace(/\/$/, ''), graph: c.INSTAGRAM_GRAPH_URL.replace(/\/$/, ''), id: c.INSTAGRAM_CLIENT_ID ?? '', secret: c.INSTAGRAM_CLIENT_SECRET ?? '' }
}

const call = <S extends z.ZodTypeAny>(url: string, schema: S, init?: RequestInit): Promise<z.output<S>> => fetchJson(url, schema, classifyInstagramError, init)

export const instagram: ConnectorClient = {
  platform: 'instagram',
  pkce: false,
  refreshWith: 'access_token',

  /** GET {auth}/oauth/authorize (Oauth Authorize reference): the consent window. Instagram Login documents `state`, not PKCE. */
  authorizeUrl(o: { state: string; redirectUri: string }) {
    const c = cfg()
    const u = new URL(`${c.auth}/oauth/authorize`)
    u.searchParams.set('client_id', c.id)
    u.searchParams.set('redirect_uri', o.redirectUri)
    u.searchParams.set('response_type', 'code')
    u.searchParams.set('scope', CONNECTOR_SCOPES.instagram.map((s) => s.scope).join(','))
    u.searchParams.set('state', o.state)
    return u.toString()
  },

  /** POST {auth}/oauth/access_token, then GET {graph}/access_token (ig_exchange_token): a 60-day token. */
  async exchangeCode(o: { code: string; redirectUri: string; now: Date }): Promise<TokenGrant> {
    const c = cfg()
    // Meta appends "#_" to the redirect; a code copied with it is not part of the code.
    const code = o.code.replace(/#_$/, '')
    const short = await call(
      `${c.auth}/oauth/access_token`,
      z.union([
        z.object({ data: z.array(z.object({ access_token: z.string(), user_id: z.union([z.string(), z.number()]), permissions: z.union([z.string(), z.array(z.string())]).optional() })).min(1) }).transform((r) => r.data[0]!),
        z.object({ access_token: z.string(), user_id: z.union([z.string(), z.number()]), permissions: z.union([z.string(), z.array(z.string())]).optional() }),
      ]),
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: c.id, client_secret: c.secret, grant_type: 'authorization_code', redirect_uri: o.redirectUri, code }).toString(),
      },
    )
    const long = new URL(`${c.graph}/access_token`)
    long.searchParams.set('grant_type', 'ig_exchange_token')
    long.searchParams.set('client_secret', c.secret)
    long.searchParams.set('access_token', short.access_token)
    const l = await call(long.toString(), z.object({ access_token: z.string(), expires_in: z.number() }))
    const perms = short.permissions === undefined ? [] : Array.isArray(short.permissions) ? short.permissions : short.permissions.split(/[,\s]+/).filter(Boolean)
    return { accessToken: l.access_token, expiresAt: new Date(o.now.getTime() + l.expires_in * 1000), scopes: perms, externalUserId: String(short.user_id) }
  },

  /** GET {graph}/refresh_access_token (ig_refresh_token): another 60 days; the token must be 24 h old and unexpired. */
  async refresh(o: { accessToken: string; now: Date }): Promise<TokenGrant> {
    const u = new URL(`${cfg().graph}/refresh_access_token`)
    u.searchParams.set('grant_type', 'ig_refresh_token')
    u.searchParams.set('access_token', o.accessToken)
    const r = await call(u.toString(), z.object({ access_token: z.string(), expires_in: z.number() }))
    return { accessToken: r.access_token, expiresAt: new Date(o.now.getTime() + r.expires_in * 1000), scopes: [] }
  },

  /** Instagram Login documents no token-revocation endpoint: disconnecting deletes the tokens here (DECISIONS.md). */
  async revoke(_o: { accessToken: string }) {
    return 'deleted_locally' as const
  },

  /** GET {graph}/me?fields=user_id,username,account_type,followers_count */
  async account(o: { accessToken: string }): Promise<PlatformAccount> {
    const u = new URL(`${cfg().graph}/me`)
    u.searchParams.set('fields', 'user_id,username,account_type,followers_count')
    u.searchParams.set('access_token', o.accessToken)
    const r = await call(
      u.toString(),
      z.object({ id: z.union([z.string(), z.number()]).optional(), user_id: z.union([z.string(), z.number()]).optional(), username: z.string(), account_type: z.string().optional(), followers_count: z.number().optional() }),
    )
    return {
      externalUserId: String(r.user_id ?? r.id ?? ''),
      username: r.username.toLowerCase(),
      followers: r.followers_count ?? null,
      professional: r.account_type === undefined || r.account_type === 'BUSINESS' || r.account_type === 'MEDIA_CREATOR',
    }
  },

  /** GET {graph}/me/media, newest first, following paging.next until `since` or `maxPages`. */
  async listMedia(o: { accessToken: string; since?: Date; maxPages?: number }): Promise<PlatformMedia[]> {
    const u = new URL(`${cfg().graph}/me/media`)
    u.searchParams.set('fields', 'id,caption,permalink,timestamp,media_type,media_product_type')
    u.searchParams.set('limit', '25')
    u.searchParams.set('access_token', o.accessToken)
    const page = z.object({
      data: z.array(z.object({ id: z.string(), caption: z.string().optional(), permalink: z.string().optional(), timestamp: z.string().optional(), media_type: z.string().optional() })),
      paging: z.object({ next: z.string().optional() }).optional(),
    })
    const out: PlatformMedia[] = []
    let next: string | undefined = u.toString()
    for (let i = 0; next && i < (o.maxPages ?? 8); i++) {
      const r: z.infer<typeof page> = await call(next, page)
      for (const m of r.data) out.push(toMedia(m))
      const oldest = out.at(-1)?.postedAt
      if (o.since && oldest && oldest < o.since) break
      next = r.paging?.next
    }
    return out
  },

  /** GET {graph}/{media-id}: the caption as posted, permalink and time. */
  async media(o: { accessToken: string; externalId: string }): Promise<PlatformMedia> {
    const u = new URL(`${cfg().graph}/${encodeURIComponent(o.externalId)}`)
    u.searchParams.set('fields', 'id,caption,permalink,timestamp,media_type')
    u.searchParams.set('access_token', o.accessToken)
    return toMedia(await call(u.toString(), z.object({ id: z.string(), caption: z.string().optional(), permalink: z.string().optional(), timestamp: z.string().optional(), media_type: z.string().optional() })))
  },

  /** GET {graph}/{media-id}/insights?metric=views,reach,likes,comments,saved,shares (lifetime values). */
  async insights(o: { accessToken: string; externalId: string }): Promise<MetricValues> {
    const u = new URL(`${cfg().graph}/${encodeURIComponent(o.externalId)}/insights`)
    u.searchParams.set('metric', 'views,reach,likes,comments,saved,shares')
    u.searchParams.set('access_token', o.accessToken)
    const r = await call(
      u.toString(),
      z.object({ data: z.array(z.object({ name: z.string(), values: z.array(z.object({ value: z.number() })).optional(), total_value: z.object({ value: z.number() }).optional() })) }),
    )
    const v = (name: string) => {
      const m = r.data.find((d) => d.name === name)
      return m ? (m.total_value?.value ?? m.values?.[0]?.value ?? null) : null
    }
    return { impressions: null, reach: v('reach'), views: v('views'), likes: v('likes'), comments: v('comments'), shares: v('shares'), saves: v('saved'), clicks: null, followers: null }
  },
}

function toMedia(m: { id: string; caption?: string; permalink?: string; timestamp?: string; media_type?: string }): PlatformMedia {
  // Timestamps are ISO-8601 with a "+0000" offset.
  const t = m.timestamp ? new Date(m.timestamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : null
  return { externalId: m.id, caption: m.caption ?? '', permalink: m.permalink ?? '', postedAt: t && !Number.isNaN(t.getTime()) ? t : null, mediaType: m.media_type ?? null }
}
