/** The area switcher's entries for a person who is, say, both a creator and a brand member. */
export interface AreasInput {
  brands: { slug: string; name: string; role: string }[]
  creator: { id: string; name: string } | null
  represented: { id: string; name: string; agencyName: string }[]
}

export type AreaKey = { kind: 'brand'; slug: string } | { kind: 'payables'; slug: string } | { kind: 'creator' } | { kind: 'account' }

export function areaLinks(areas: AreasInput, current: AreaKey) {
  const links: { label: string; to: string; current: boolean }[] = []
  for (const b of areas.brands) {
    if (b.role !== 'finance') {
      links.push({ label: b.name, to: `/b/${b.slug}`, current: current.kind === 'brand' && current.slug === b.slug })
    }
    if (b.role === 'finance') {
      links.push({
        label: `${b.name} · Payables`,
        to: `/pay/${b.slug}`,
        current: current.kind === 'payables' && current.slug === b.slug,
      })
    }
  }
  if (areas.creator || areas.represented.length) {
    links.push({
      label: areas.creator ? 'Creator portal' : 'Agent portal',
      to: areas.creator ? `/c/${areas.creator.id}` : '/c',
      current: current.kind === 'creator',
    })
  }
  return links
}
