import type { BriefContent } from '#app/domain/brief.ts'
import type { ConnectionType, Jurisdiction } from '#app/domain/catalog.ts'
import { disclosureRequirements, type DisclosureRequirements } from '#app/domain/disclosure/index.ts'
import type { OfferDeliverableSpec } from '#app/domain/offer-terms.ts'

/**
 * The disclosure each offered deliverable needs (platform + format + connection type + jurisdiction,
 * plus the brief's mandatory hashtags, handles and links), one entry per deliverable line.
 */
export function offerDisclosure(
  specs: OfferDeliverableSpec[],
  connectionType: string,
  jurisdiction: Jurisdiction,
  brandName: string,
  brief: BriefContent | null,
): DisclosureRequirements[] {
  const mandatory = brief ? { hashtags: brief.hashtags, handles: brief.handles, links: brief.links } : null
  return specs.map((s) =>
    disclosureRequirements({ platform: s.platform, format: s.format, connectionType: connectionType as ConnectionType, jurisdiction, brandName, mandatory, mediaAlteration: brief?.mediaAlteration }),
  )
}
