/**
 * What a creator must do for one deliverable, in plain words, before they write the caption; and the
 * checklist a reviewer ticks (attestations) for what text checks cannot see (video, stories, platform tools).
 */
import { CONNECTION_LABEL, EU_JURISDICTIONS, FORMAT_LABEL, PLATFORM_LABEL, VIDEO_FORMATS, type ConnectionType, type Format, type Jurisdiction, type Platform } from '#app/domain/catalog.ts'
import type { MediaAlteration } from '#app/domain/brief.ts'
import { CAPTION_LIMITS, suggestedDisclosure, type MandatoryElements } from './check-caption.ts'
import { EU_DECLARATION_HELP } from './platform-label.ts'

export interface Attestation {
  id: string
  label: string
  help: string
}

export interface DisclosureRequirements {
  summary: string
  captionRules: string[]
  acceptedWording: string[]
  attestations: Attestation[]
}

const PLATFORM_TOOL: Record<Platform, Attestation> = {
  instagram: { id: 'PT-01', label: 'Instagram "Paid partnership" label is on and names the brand', help: 'Also required for gifted products.' },
  facebook: { id: 'PT-01', label: 'Facebook "Paid partnership" label is on and names the brand', help: 'Also required for gifted products.' },
  tiktok: { id: 'PT-02', label: 'TikTok "Disclose commercial content" is on, set to Branded content', help: 'TikTok then shows "Paid partnership".' },
  youtube: { id: 'PT-03', label: 'YouTube "includes paid promotion" box is ticked', help: 'In the video details, under Paid promotion.' },
  pinterest: { id: 'PT-04', label: 'Pinterest "paid partnership" label is on', help: 'Tag the brand as the partner.' },
}

export interface AttestationOptions {
  jurisdiction?: Jurisdiction
  /** From the brief: the media shows a retouched or generated body or face (France: FR-02). */
  mediaAlteration?: MediaAlteration
}

/** The reviewer's checklist for a platform and format (and the brief's jurisdiction and media alteration). */
export function attestationsFor(platform: Platform, format: Format, opts: AttestationOptions = {}): Attestation[] {
  const out: Attestation[] = []
  if (VIDEO_FORMATS.includes(format)) {
    out.push(
      { id: 'VD-01', label: 'Disclosure is on screen in the video', help: 'Readable text such as "Ad" over the video, not only in the caption.' },
      { id: 'VD-02', label: 'Disclosure is spoken if the endorsement is spoken', help: 'For example "this video is sponsored by …".' },
      {
        id: 'VD-03',
        label: format === 'live' ? 'Disclosed at the start and repeated during the live' : 'Disclosure comes at or before the first brand mention, not only at the end',
        help: format === 'live' ? 'People join a live at any time.' : 'Someone who stops watching early must still see it.',
      },
      { id: 'VD-04', label: 'On screen long enough to read', help: 'At least a few seconds, in a size and colour people can read.' },
    )
  }
  if (format === 'story') {
    out.push({ id: 'ST-01', label: 'Every story frame that shows the brand, product, link or code has a readable label', help: 'Each frame on its own: people tap through.' })
  }
  if (opts.jurisdiction === 'FR' && opts.mediaAlteration && opts.mediaAlteration !== 'none') {
    const mention = opts.mediaAlteration === 'generated' ? 'Image virtuelle' : 'Image retouchée'
    out.push({ id: 'FR-02', label: `« ${mention} » is shown on the media`, help: `The brief says the media is ${opts.mediaAlteration}: French law (loi n° 2023-451, art. 5 II) requires this mention on it.` })
  }
  const tool = PLATFORM_TOOL[platform]
  // EU (DSA art. 26(2)): the same toggle is the creator's declaration to the platform; one tick, with the reason.
  out.push(opts.jurisdiction && EU_JURISDICTIONS.includes(opts.jurisdiction) ? { ...tool, help: `${tool.help} ${EU_DECLARATION_HELP}` } : tool)
  return out
}

export function disclosureRequirements(input: {
  platform: Platform
  format: Format
  connectionType: ConnectionType
  jurisdiction: Jurisdiction
  brandName: string
  mandatory?: MandatoryElements | null
  mediaAlteration?: MediaAlteration
}): DisclosureRequirements {
  const { platform, format, connectionType, jurisdiction, brandName } = input
  const video = VIDEO_FORMATS.includes(format)
  const wording = suggestedDisclosure(input)
  const captionRules: string[] = []
  const where =
    (platform === 'instagram' || platform === 'facebook') && ['feed_post', 'carousel', 'reel'].includes(format)
      ? 'in the first line of the caption (before "more")'
      : ['tiktok_video', 'youtube_video', 'short'].includes(format)
        ? `in the first 100 characters of the ${platform === 'youtube' ? 'description' : 'caption'}`
        : format === 'story'
          ? 'on every story frame that shows the brand'
          : 'at the start of the caption'
  captionRules.push(`Put ${wording} ${where}.`)
  if (jurisdiction === 'UK' || jurisdiction === 'IE') captionRules.push(`Make "Ad" the first word (${jurisdiction === 'UK' ? 'UK' : 'Ireland'} rules).`)
  if (jurisdiction === 'FR') {
    captionRules.push('Write it in French: "#ad", "sponsorisé" or "partenariat" are not the mention French law asks for.')
    captionRules.push('Show « Publicité » or « Collaboration commerciale » on the image or video too, for its whole duration (French law).')
    if (input.mediaAlteration === 'retouched') captionRules.push('Show « Image retouchée » on the retouched photos and videos (French law).')
    if (input.mediaAlteration === 'generated') captionRules.push('Show « Image virtuelle » on the generated photos and videos (French law).')
  }
  if (jurisdiction === 'DE') captionRules.push('Make "Werbung" or "Anzeige" the first word, in German: "Ad" or "Sponsored by" are not enough (German rules).')
  captionRules.push('Keep it on its own, not inside a block of hashtags.')
  if (connectionType !== 'gifted') captionRules.push('Do not use #gifted: this is not only a gift.')
  else if (jurisdiction === 'FR' || jurisdiction === 'DE') captionRules.push(`#gifted alone is not enough here: a gift is also advertising (${jurisdiction === 'FR' ? 'French' : 'German'} rules).`)
  if (connectionType === 'employee') captionRules.push(`Say that you work for ${brandName}.`)
  const m = input.mandatory
  const mandatoryBits = [
    ...(m?.hashtags ?? []).map((h) => `#${h.replace(/^#/, '')}`),
    ...(m?.handles ?? []).map((h) => `@${h.replace(/^@/, '')}`),
    ...(m?.links ?? []),
    ...(m?.promoCode ? [`code ${m.promoCode}`] : []),
  ]
  if (mandatoryBits.length) captionRules.push(`Include ${mandatoryBits.join(', ')}.`)
  captionRules.push(`Stay under ${CAPTION_LIMITS[platform].toLocaleString('en-US')} characters.`)

  const acceptedWording =
    jurisdiction === 'FR'
      ? ['Publicité', '#publicité', 'Collaboration commerciale', '#CollaborationCommerciale']
      : jurisdiction === 'DE'
        ? ['Werbung', 'Anzeige', '#Werbung', '#Anzeige', 'Unbezahlte Werbung']
        : jurisdiction === 'US'
      ? ['#ad', 'Ad', '#sponsored', `Paid partnership with ${brandName}`, `#${brandName.replace(/\s+/g, '')}Partner`, ...(connectionType === 'gifted' ? [`${brandName} gave me this for free`, '#gifted'] : []), ...(connectionType === 'affiliate' || connectionType === 'mixed' ? ['I earn a commission from purchases through my links'] : [])]
      : ['Ad', '#ad', 'Advert', 'Advertisement feature', ...(connectionType === 'gifted' ? ['#gifted'] : [])]

  const attestations = attestationsFor(platform, format, { jurisdiction, mediaAlteration: input.mediaAlteration })
  const tool = attestations.find((a) => a.id.startsWith('PT-'))!
  const parts = [`put ${wording} ${where}`]
  if (video) parts.push('say it in the video and show it on screen')
  if (format === 'story') parts.push('label every frame')
  parts.push(`turn on ${tool.label.replace(/ is (on|ticked).*$/, '').replace(/^(\w+) /, "$1's ")}`)
  const what = FORMAT_LABEL[format].startsWith(PLATFORM_LABEL[platform]) ? FORMAT_LABEL[format] : `${PLATFORM_LABEL[platform]} ${FORMAT_LABEL[format].toLowerCase()}`
  const summary = `${what}, ${CONNECTION_LABEL[connectionType].toLowerCase()}, ${jurisdiction}: ${parts.slice(0, -1).join(', ')}${parts.length > 1 ? ', and ' : ''}${parts.at(-1)}.`
  return { summary, captionRules, acceptedWording, attestations }
}

// In its own module so the offer page's browser chunk does not carry the caption checker this file imports.
export { splitDisclosure, type SplitDisclosure } from './split-disclosure.ts'
