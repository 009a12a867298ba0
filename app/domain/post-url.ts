/**
 * Validate a live-post link pasted by a creator and reduce it to one canonical address per post.
 * Pure (uses only the standard URL class): runs in the browser and on the server.
 *
 * Accepted (scheme optional, http upgraded to https, "www."/"m." optional, query string, fragment and
 * trailing slash dropped unless they carry the id):
 * - Instagram  instagram.com/p/ID, /reel/ID, /reels/ID, /<user>/p/ID, /<user>/reel/ID, instagr.am/p/ID
 *              -> https://www.instagram.com/p/ID/ or https://www.instagram.com/reel/ID/  (kind post | reel)
 *              instagram.com/stories/<user>/<digits> -> https://www.instagram.com/stories/<user>/<digits>/ (story)
 * - TikTok     tiktok.com/@user/video/ID (photo) -> https://www.tiktok.com/@user/video/ID (video | photo)
 *              vm.tiktok.com/CODE, vt.tiktok.com/CODE, tiktok.com/t/CODE -> kept as https://<host>/…/CODE/ (short_link)
 * - YouTube    youtube.com/watch?v=ID, /embed/ID, /live/ID, /v/ID, youtu.be/ID -> https://www.youtube.com/watch?v=ID (video)
 *              youtube.com/shorts/ID -> https://www.youtube.com/shorts/ID (short)
 * - Pinterest  pinterest.<tld>/pin/ID (also /pin/<slug>--ID) -> https://www.pinterest.com/pin/ID/ (pin)
 *              pin.it/CODE -> https://pin.it/CODE (short_link)
 * - Facebook   facebook.com/<page>/posts/ID -> https://www.facebook.com/<page>/posts/ID (post)
 *              facebook.com/permalink.php?story_fbid=X&id=Y (post), facebook.com/reel/ID (reel)
 *              facebook.com/watch?v=ID, facebook.com/<page>/videos/ID -> https://www.facebook.com/watch/?v=ID (video)
 *              facebook.com/share/{p,r,v}/CODE, fb.watch/CODE (short_link)
 * Rejected: other schemes (javascript:, data:, ftp:, …), other hosts and look-alikes (exact host match
 * only), user names or ports in the address, missing or malformed ids, input over 2,048 characters.
 * Case: ids keep their case (Instagram shortcodes are case-sensitive); TikTok and Facebook user/page
 * names and Instagram story user names are lower-cased (they are case-insensitive).
 */
import type { Platform } from '#app/domain/catalog.ts'

export const MAX_POST_URL_LENGTH = 2048

export const POST_URL_KINDS = ['post', 'reel', 'story', 'video', 'photo', 'short', 'pin', 'short_link'] as const
export type PostUrlKind = (typeof POST_URL_KINDS)[number]

export interface ParsedPostUrl {
  ok: true
  platform: Platform
  kind: PostUrlKind
  /** The canonical https address (store this; unique per post). */
  normalized: string
  /** The platform's id of the post (shortcode, video id, pin id) or the short link's code. */
  externalId: string
}
export type PostUrlResult = ParsedPostUrl | { ok: false; error: string }

const fail = (error: string) => ({ ok: false as const, error })
const ok = (platform: Platform, kind: PostUrlKind, normalized: string, externalId: string): ParsedPostUrl => ({
  ok: true,
  platform,
  kind,
  normalized,
  externalId,
})

const SUPPORTED = 'Use the link to a post on Instagram, TikTok, YouTube, Facebook or Pinterest.'

const HOSTS: Readonly<Record<string, Platform>> = {
  'instagram.com': 'instagram',
  'www.instagram.com': 'instagram',
  'm.instagram.com': 'instagram',
  'instagr.am': 'instagram',
  'www.instagr.am': 'instagram',
  'tiktok.com': 'tiktok',
  'www.tiktok.com': 'tiktok',
  'm.tiktok.com': 'tiktok',
  'vm.tiktok.com': 'tiktok',
  'vt.tiktok.com': 'tiktok',
  'youtube.com': 'youtube',
  'www.youtube.com': 'youtube',
  'm.youtube.com': 'youtube',
  'youtu.be': 'youtube',
  'facebook.com': 'facebook',
  'www.facebook.com': 'facebook',
  'm.facebook.com': 'facebook',
  'web.facebook.com': 'facebook',
  'mbasic.facebook.com': 'facebook',
  'fb.watch': 'facebook',
  'pin.it': 'pinterest',
}

const PINTEREST_HOST = /^(?:(?:www|[a-z]{2})\.)?pinterest\.(?:com|ca|co\.uk|com\.au|fr|de|es|it|at|ch|ie|nz|jp|com\.mx|pt|se|dk|nl|cl|co\.kr|ph)$/

function platformOfHost(host: string): Platform | null {
  return Object.hasOwn(HOSTS, host) ? HOSTS[host]! : PINTEREST_HOST.test(host) ? 'pinterest' : null
}

const IG_SHORTCODE = /^[A-Za-z0-9_-]{5,64}$/
const IG_USER = /^[A-Za-z0-9._]{1,30}$/
const TT_USER = /^@[A-Za-z0-9._]{1,24}$/
const DIGITS = /^\d{1,25}$/
const SHORT_CODE = /^[A-Za-z0-9_-]{4,32}$/
const YT_ID = /^[A-Za-z0-9_-]{11}$/
const PIN_ID = /^[A-Za-z0-9_-]{1,64}$/
const FB_PAGE = /^[A-Za-z0-9.\-_]{1,100}$/
const FB_POST_ID = /^(?:\d{1,25}|pfbid[A-Za-z0-9]{10,100})$/

function instagram(path: string[]): PostUrlResult {
  const kw = (s: string | undefined) => s?.toLowerCase()
  // /p/ID, /reel/ID, /reels/ID, or the same after a user name: /<user>/p/ID
  const rest = path.length === 3 && IG_USER.test(path[0]!) && ['p', 'reel', 'reels'].includes(kw(path[1])!) ? path.slice(1) : path
  if (rest.length === 2 && IG_SHORTCODE.test(rest[1]!)) {
    const id = rest[1]!
    if (kw(rest[0]) === 'p') return ok('instagram', 'post', `https://www.instagram.com/p/${id}/`, id)
    if (kw(rest[0]) === 'reel' || kw(rest[0]) === 'reels') return ok('instagram', 'reel', `https://www.instagram.com/reel/${id}/`, id)
  }
  if (path.length === 3 && kw(path[0]) === 'stories' && IG_USER.test(path[1]!) && DIGITS.test(path[2]!)) {
    const user = path[1]!.toLowerCase()
    return ok('instagram', 'story', `https://www.instagram.com/stories/${user}/${path[2]}/`, path[2]!)
  }
  return fail('That Instagram link doesn’t point to a post, reel or story. Open the post and copy its link.')
}

function tiktok(host: string, path: string[]): PostUrlResult {
  const bad = fail('That TikTok link doesn’t point to a video. Open the video and copy its link.')
  if (host === 'vm.tiktok.com' || host === 'vt.tiktok.com') {
    if (path.length === 1 && SHORT_CODE.test(path[0]!)) return ok('tiktok', 'short_link', `https://${host}/${path[0]}/`, path[0]!)
    return bad
  }
  if (path.length === 2 && path[0]!.toLowerCase() === 't' && SHORT_CODE.test(path[1]!)) {
    return ok('tiktok', 'short_link', `https://www.tiktok.com/t/${path[1]}/`, path[1]!)
  }
  if (path.length === 3 && TT_USER.test(path[0]!) && DIGITS.test(path[2]!)) {
    const kind = path[1]!.toLowerCase()
    if (kind === 'video' || kind === 'photo') {
      const user = path[0]!.toLowerCase()
      return ok('tiktok', kind, `https://www.tiktok.com/${user}/${kind}/${path[2]}`, path[2]!)
    }
  }
  return bad
}

function youtube(host: string, path: string[], query: URLSearchParams): PostUrlResult {
  const bad = fail('That YouTube link doesn’t point to a video or Short. Open the video and copy its link.')
  const video = (id: string | null | undefined) =>
    id && YT_ID.test(id) ? ok('youtube', 'video', `https://www.youtube.com/watch?v=${id}`, id) : bad
  if (host === 'youtu.be') return path.length === 1 ? video(path[0]) : bad
  const first = path[0]?.toLowerCase()
  if (path.length === 1 && first === 'watch') return video(query.get('v'))
  if (path.length === 2 && first === 'shorts') {
    const id = path[1]!
    return YT_ID.test(id) ? ok('youtube', 'short', `https://www.youtube.com/shorts/${id}`, id) : bad
  }
  if (path.length === 2 && (first === 'embed' || first === 'live' || first === 'v')) return video(path[1])
  return bad
}

function pinterest(host: string, path: string[]): PostUrlResult {
  const bad = fail('That Pinterest link doesn’t point to a Pin. Open the Pin and copy its link.')
  if (host === 'pin.it') {
    return path.length === 1 && SHORT_CODE.test(path[0]!) ? ok('pinterest', 'short_link', `https://pin.it/${path[0]}`, path[0]!) : bad
  }
  if (path.length === 2 && path[0]!.toLowerCase() === 'pin') {
    const seg = path[1]!
    const id = /--(\d{1,25})$/.exec(seg)?.[1] ?? seg
    if (PIN_ID.test(id)) return ok('pinterest', 'pin', `https://www.pinterest.com/pin/${id}/`, id)
  }
  return bad
}

function facebook(host: string, path: string[], query: URLSearchParams): PostUrlResult {
  const bad = fail('That Facebook link doesn’t point to a post, reel or video. Open the post and copy its link.')
  const watch = (id: string | null | undefined) =>
    id && DIGITS.test(id) ? ok('facebook', 'video', `https://www.facebook.com/watch/?v=${id}`, id) : bad
  if (host === 'fb.watch') {
    return path.length === 1 && SHORT_CODE.test(path[0]!) ? ok('facebook', 'short_link', `https://fb.watch/${path[0]}/`, path[0]!) : bad
  }
  const first = path[0]?.toLowerCase()
  if (path.length === 1 && first === 'watch') return watch(query.get('v'))
  if (path.length === 2 && first === 'reel') {
    const id = path[1]!
    return DIGITS.test(id) ? ok('facebook', 'reel', `https://www.facebook.com/reel/${id}`, id) : bad
  }
  if (path.length === 3 && first === 'share' && ['p', 'r', 'v'].includes(path[1]!.toLowerCase()) && SHORT_CODE.test(path[2]!)) {
    return ok('facebook', 'short_link', `https://www.facebook.com/share/${path[1]!.toLowerCase()}/${path[2]}/`, path[2]!)
  }
  if (path.length === 1 && first === 'permalink.php') {
    const story = query.get('story_fbid')
    const owner = query.get('id')
    if (story && owner && FB_POST_ID.test(story) && DIGITS.test(owner)) {
      return ok('facebook', 'post', `https://www.facebook.com/permalink.php?story_fbid=${story}&id=${owner}`, story)
    }
    return bad
  }
  if (path.length === 3 && FB_PAGE.test(path[0]!)) {
    const kind = path[1]!.toLowerCase()
    const id = path[2]!
    if (kind === 'posts' && FB_POST_ID.test(id)) return ok('facebook', 'post', `https://www.facebook.com/${path[0]!.toLowerCase()}/posts/${id}`, id)
    if (kind === 'videos') return watch(id)
  }
  return bad
}

/** Parse a pasted post link. Never throws. */
export function parsePostUrl(input: string): PostUrlResult {
  if (typeof input !== 'string') return fail('Paste the link to your post.')
  if (input.length > MAX_POST_URL_LENGTH) return fail('That link is too long (more than 2,048 characters).')
  const s = input.trim()
  if (s === '') return fail('Paste the link to your post.')
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(s)
  if (scheme && !['http', 'https'].includes(scheme[1]!.toLowerCase())) return fail('Only web links (starting with https://) can be used.')
  if (/[\s<>"`{}|\\^]/.test(s) || /[\u0000-\u001f\u007f]/.test(s)) return fail('That doesn’t look like a link. Paste the full address of your post.')

  let candidate: string
  if (s.startsWith('//')) candidate = `https:${s}`
  else if (scheme) {
    if (!s.slice(scheme[0].length).startsWith('//')) return fail('That doesn’t look like a link. Paste the full address of your post.')
    candidate = s
  } else candidate = `https://${s}`

  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return fail('That doesn’t look like a link. Paste the full address of your post.')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('Only web links (starting with https://) can be used.')
  if (url.username || url.password || url.port) return fail('That link has extra parts (a user name or port). Copy the post’s link again from the app.')

  const host = url.hostname.toLowerCase()
  const platform = platformOfHost(host)
  if (!platform) return fail(`Links to ${host || 'that site'} can’t be used. ${SUPPORTED}`)

  const path = url.pathname.split('/').filter((p) => p !== '')
  switch (platform) {
    case 'instagram':
      return instagram(path)
    case 'tiktok':
      return tiktok(host, path)
    case 'youtube':
      return youtube(host, path, url.searchParams)
    case 'pinterest':
      return pinterest(host, path)
    case 'facebook':
      return facebook(host, path, url.searchParams)
  }
}

/** True when the link parsed and is on the platform the deliverable is for. */
export function expectedPlatformMatches(parsed: PostUrlResult, platform: Platform): boolean {
  return parsed.ok && parsed.platform === platform
}
