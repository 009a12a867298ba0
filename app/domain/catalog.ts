/**
 * The shared vocabulary of the product: platforms, formats, connection types and jurisdictions.
 * Pure data, no I/O. Everything in app/domain builds on these names, and the database stores them as text.
 */
export const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'facebook', 'pinterest'] as const
export type Platform = (typeof PLATFORMS)[number]

export const PLATFORM_LABEL: Record<Platform, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  facebook: 'Facebook',
  pinterest: 'Pinterest',
}

/** Deliverable formats. A format belongs to one or more platforms (see FORMAT_PLATFORMS). */
export const FORMATS = [
  'feed_post',
  'carousel',
  'reel',
  'story',
  'live',
  'tiktok_video',
  'youtube_video',
  'short',
  'pin',
] as const
export type Format = (typeof FORMATS)[number]

export const FORMAT_LABEL: Record<Format, string> = {
  feed_post: 'Feed post',
  carousel: 'Carousel',
  reel: 'Reel',
  story: 'Story',
  live: 'Live',
  tiktok_video: 'TikTok video',
  youtube_video: 'YouTube video',
  short: 'Short',
  pin: 'Pin',
}

export const FORMAT_PLATFORMS: Record<Format, readonly Platform[]> = {
  feed_post: ['instagram', 'facebook'],
  carousel: ['instagram', 'facebook'],
  reel: ['instagram', 'facebook'],
  story: ['instagram', 'facebook'],
  live: ['instagram', 'facebook', 'tiktok', 'youtube'],
  tiktok_video: ['tiktok'],
  youtube_video: ['youtube'],
  short: ['youtube'],
  pin: ['pinterest'],
}

/** Formats whose content is a video (video attestations VD-01..04 apply). */
export const VIDEO_FORMATS: readonly Format[] = ['reel', 'tiktok_video', 'youtube_video', 'short', 'live']

export const CONNECTION_TYPES = ['paid', 'gifted', 'affiliate', 'mixed', 'employee'] as const
export type ConnectionType = (typeof CONNECTION_TYPES)[number]

export const CONNECTION_LABEL: Record<ConnectionType, string> = {
  paid: 'Paid',
  gifted: 'Gifted product',
  affiliate: 'Affiliate / commission',
  mixed: 'Paid + gifted / affiliate',
  employee: 'Employee',
}

export const JURISDICTIONS = ['US', 'UK', 'IE', 'FR', 'DE'] as const
export type Jurisdiction = (typeof JURISDICTIONS)[number]
/** Jurisdictions in the EU, where the platforms' commercial-content declaration (DSA art. 26(2)) applies. */
export const EU_JURISDICTIONS: readonly Jurisdiction[] = ['IE', 'FR', 'DE']

/** A stored jurisdiction (brand column, brief JSON) read as one the checks know, else the fallback. */
export function toJurisdiction(value: unknown, fallback: Jurisdiction = 'US'): Jurisdiction {
  return typeof value === 'string' && (JURISDICTIONS as readonly string[]).includes(value) ? (value as Jurisdiction) : fallback
}

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD'] as const
export type Currency = (typeof CURRENCIES)[number]
