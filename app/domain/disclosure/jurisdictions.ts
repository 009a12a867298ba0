/**
 * What a disclosure label looks like on the media, per jurisdiction, with the source of each rule.
 * The caption checker keeps its own lists (check-caption.ts); these are the words looked for on screen
 * (OCR) and in speech. Product knowledge, not legal advice: each entry names where it comes from.
 */
import type { Jurisdiction } from '#app/domain/catalog.ts'

/** The media checks know every jurisdiction a campaign can pick (catalog.JURISDICTIONS). */
export type MediaJurisdiction = Jurisdiction

export interface JurisdictionMediaRules {
  name: string
  /** Accepted labels, compared as whole words without accents or case ("Publicité" = "PUBLICITE"). */
  labels: string[]
  /** What to tell the creator to add. */
  suggestion: string
  /** The label must cover the whole duration (France). */
  wholeDuration: boolean
  /** The label must be shown at the start (Germany). */
  atStart: boolean
  retouchLabels?: { retouched: string; generated: string }
  source: string
}

const FTC = 'FTC Endorsement Guides, 16 CFR 255.5; FTC "Disclosures 101 for Social Media Influencers" (superimpose the disclosure on the video; say it too)'
const CMA = 'CMA/ASA "Influencers\' guide to making clear that ads are ads" (2023)'

export const JURISDICTION_MEDIA: Record<MediaJurisdiction, JurisdictionMediaRules> = {
  US: {
    name: 'United States',
    labels: ['#ad', 'ad', 'advertisement', 'sponsored', '#sponsored', 'paid partnership', 'paid promotion', 'paid ad'],
    suggestion: '"#ad" or "Paid partnership"',
    wholeDuration: false,
    atStart: false,
    source: FTC,
  },
  UK: { name: 'United Kingdom', labels: ['#ad', 'ad', 'advert', 'advertisement', 'advertisement feature'], suggestion: '"Ad"', wholeDuration: false, atStart: false, source: CMA },
  IE: {
    name: 'Ireland',
    labels: ['#ad', 'ad', 'advert', 'advertisement', 'advertisement feature'],
    suggestion: '"Ad"',
    wholeDuration: false,
    atStart: false,
    source: 'ASAI Code (7th edition), section 3.31; CCPC/ASAI "Influencer marketing" guidance (2023)',
  },
  FR: {
    name: 'France',
    labels: ['publicite', 'collaboration commerciale'],
    suggestion: '« Publicité » or « Collaboration commerciale »',
    wholeDuration: true,
    atStart: false,
    retouchLabels: { retouched: 'Image retouchée', generated: 'Image virtuelle' },
    source:
      'Loi n° 2023-451 du 9 juin 2023 (influence commerciale), art. 5 I: « Publicité » ou « Collaboration commerciale », claire, lisible et identifiable sur l\'image ou la vidéo, durant l\'intégralité de la promotion',
  },
  DE: {
    name: 'Germany',
    labels: ['werbung', 'anzeige', '#werbung', '#anzeige'],
    suggestion: '"Werbung" or "Anzeige"',
    wholeDuration: false,
    atStart: true,
    source: '§ 5a Abs. 4 UWG; § 22 Abs. 1 MStV; Die Medienanstalten, "Leitfaden der Medienanstalten: Werbekennzeichnung bei Online-Medien" (label at the start of the video)',
  },
}

export const FRANCE_RETOUCH_SOURCE = 'Loi n° 2023-451 du 9 juin 2023, art. 5 II: « Image retouchée » / « Image virtuelle » on retouched or generated images of people'
