/**
 * UTM parameters for tracked links (metrics-and-money.md): utm_source=<platform>, utm_medium=influencer,
 * utm_campaign=<campaign>, utm_content=<creator>_<deliverable>. Values are slugs. Parameters already
 * on the destination are replaced, everything else on it is kept.
 *
 * A link belongs to one deliverable (one post), so a reel's link says instagram and a TikTok's says
 * tiktok (issue #21). An older link made for the whole collaboration (no deliverable) keeps the
 * parameters it always had: those of the collaboration's first deliverable.
 */
import { FORMAT_LABEL, PLATFORM_LABEL, type Format, type Platform } from './catalog.ts'
export function slugify(value: string): string {
  return (
    value
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'na'
  )
}

export function buildUtmUrl(destination: string, p: { platform: string; campaign: string; creator: string; deliverable: string }): string {
  const url = new URL(destination)
  url.searchParams.set('utm_source', slugify(p.platform))
  url.searchParams.set('utm_medium', 'influencer')
  url.searchParams.set('utm_campaign', slugify(p.campaign))
  url.searchParams.set('utm_content', `${slugify(p.creator)}_${slugify(p.deliverable)}`)
  return url.toString()
}

/** The post a tracked link is for (or, for an older collaboration-wide link, the collaboration's first). */
export interface LinkDeliverable {
  platform: string
  format: string
  position: number
}

/** What buildUtmUrl needs for a tracked link: the deliverable's platform and its format-position. */
export function trackedLinkUtm(p: { campaign: string; creator: string; deliverable: LinkDeliverable | null }) {
  return {
    platform: p.deliverable?.platform ?? 'social',
    campaign: p.campaign,
    creator: p.creator,
    deliverable: p.deliverable ? `${p.deliverable.format}-${p.deliverable.position}` : 'post',
  }
}

/** "Instagram Reel 1": how a link's post is named to the brand and the creator. */
export function linkDeliverableLabel(d: LinkDeliverable): string {
  const platform = PLATFORM_LABEL[d.platform as Platform] ?? d.platform
  const format = FORMAT_LABEL[d.format as Format] ?? d.format
  return `${format.startsWith(platform) ? format : `${platform} ${format.toLowerCase()}`} ${d.position}`
}
