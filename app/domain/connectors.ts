/** Platform connections (issue #20): names, statuses and the plain-words scope explanations (pure). */
export const CONNECTOR_PLATFORMS = ['instagram', 'tiktok', 'youtube'] as const
export type ConnectorPlatform = (typeof CONNECTOR_PLATFORMS)[number]

/** connected -> expired (token ran out, refresh failed) | revoked (creator disconnected, or the platform revoked the grant). */
export const CONNECTION_STATUSES = ['connected', 'expired', 'revoked'] as const
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number]

/** proposed: found on the account, waiting for the creator; used: submitted as the live post; dismissed: "Not this one". */
export const POST_READ_STATUSES = ['proposed', 'used', 'dismissed'] as const
export type PostReadStatus = (typeof POST_READ_STATUSES)[number]
/** Only a proposal still waiting for the creator can be dismissed (a used read is the live post's record). */
export const POST_READ_DISMISSABLE: readonly PostReadStatus[] = ['proposed']
/**
 * The deliverable's one open read (at most one: platform_post_reads_deliverable_open_uq). A dismissed read
 * stays as the record that this post is not the one, and leaves room for the next proposal.
 */
export const POST_READ_OPEN: readonly PostReadStatus[] = ['proposed', 'used']

export function isConnectorPlatform(platform: string): platform is ConnectorPlatform {
  return (CONNECTOR_PLATFORMS as readonly string[]).includes(platform)
}

export const CONNECTOR_LABEL: Record<ConnectorPlatform, string> = { instagram: 'Instagram', tiktok: 'TikTok', youtube: 'YouTube' }

// The scopes and the promise live in ./connector-scopes.ts (not re-exported here): the creator's connections
// page shows them, and esbuild puts a whole file in one browser chunk, so kept here they rode along to the
// brand side too.

/**
 * Refresh a token this long before it runs out. The sync job runs hourly, so the margin is more than an
 * hour: Instagram long-lived tokens last 60 days (refresh from 7 days before); TikTok access tokens 24 h
 * (2 h in the newest docs: then every run refreshes); Google's 1 h (every run refreshes).
 */
export const REFRESH_AHEAD_MS: Record<ConnectorPlatform, number> = {
  instagram: 7 * 86_400_000,
  tiktok: 2 * 3_600_000,
  youtube: 75 * 60_000,
}

export const DAY_MS = 86_400_000

/**
 * The reading slot a metrics snapshot belongs to: daily for the first 30 days after posting, then weekly
 * (counted in 7-day steps from the post's time). A slot is stored once (its start is the snapshot's
 * captured_at, so the import key repeats for a retried reading). null: not due at all (before posting).
 */
export function metricsSlot(postedAt: Date, now: Date): { start: Date; cadence: 'daily' | 'weekly' } | null {
  const age = now.getTime() - postedAt.getTime()
  if (age < 0) return null
  if (age < 30 * DAY_MS) {
    return { start: new Date(postedAt.getTime() + Math.floor(age / DAY_MS) * DAY_MS), cadence: 'daily' }
  }
  const weeks = Math.floor((age - 30 * DAY_MS) / (7 * DAY_MS))
  return { start: new Date(postedAt.getTime() + 30 * DAY_MS + weeks * 7 * DAY_MS), cadence: 'weekly' }
}

/** Hashtags in a caption, lower-cased, without '#'. */
export function hashtagsOf(caption: string): string[] {
  return [...new Set([...caption.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1]!.toLowerCase()))]
}

/**
 * What identifies a post across the ways its link is written, so a link the creator pasted matches the
 * platform's permalink: YouTube watch?v=, youtu.be/, /shorts/ and /live/ links give the video id; TikTok
 * /@user/video/<id> the id; anything else (Instagram permalinks) host + path without query, fragment or
 * trailing slash. null: not a URL.
 */
export function postKey(platform: ConnectorPlatform, url: string): string | null {
  let u: URL
  try {
    u = new URL(url.trim())
  } catch {
    return null
  }
  const host = u.hostname.replace(/^(www\.|m\.)/, '').toLowerCase()
  if (platform === 'youtube') {
    const id = host === 'youtu.be' ? u.pathname.slice(1).split('/')[0] : (u.searchParams.get('v') ?? u.pathname.match(/^\/(?:shorts|live|embed)\/([\w-]+)/)?.[1])
    if (id) return `youtube:${id}`
  }
  if (platform === 'tiktok') {
    const id = u.pathname.match(/\/video\/(\d+)/)?.[1]
    if (id) return `tiktok:${id}`
  }
  return `${host}${u.pathname.replace(/\/+$/, '')}`
}

/**
 * Is the post the creator submitted (its link, and the id read from it) the post the platform returned?
 * Same postKey of the two links, or the same platform id (TikTok / YouTube video ids).
 */
export function readMatchesPost(platform: string, read: { permalink: string; externalId: string }, post: { url: string; externalId?: string | null }): boolean {
  if (!isConnectorPlatform(platform)) return false
  if (post.externalId && post.externalId === read.externalId) return true
  const key = postKey(platform, post.url)
  return key !== null && key === postKey(platform, read.permalink)
}

/**
 * Where a metrics snapshot's numbers came from, as the pages say it: typed by the creator (with their
 * screenshot), a CSV the brand imported, or read from the platform through the creator's connected account.
 */
export function metricSourceLabel(source: string, platform: string): string {
  if (source === 'creator') return 'Creator'
  if (source === 'csv') return 'CSV import'
  if (source === 'api') return `From ${isConnectorPlatform(platform) ? CONNECTOR_LABEL[platform] : 'the platform'}`
  return source
}
