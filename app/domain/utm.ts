/**
 * UTM parameters for tracked links (metrics-and-money.md): utm_source=<platform>, utm_medium=influencer,
 * utm_campaign=<campaign>, utm_content=<creator>_<deliverable>. Values are slugs. Parameters already
 * on the destination are replaced, everything else on it is kept.
 */
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
