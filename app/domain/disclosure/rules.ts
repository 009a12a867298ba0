/**
 * The disclosure rule catalogue (../shared/domain/disclosure.md). Every finding carries its rule id
 * and source so a human can judge: this is product knowledge, not legal advice.
 */
export type Severity = 'blocking' | 'warning'

export interface Rule {
  id: string
  title: string
  severity: Severity
  source: string
}

const FTC = 'FTC Endorsement Guides, 16 CFR 255.5; FTC "Disclosures 101 for Social Media Influencers"'
const CMA = 'CMA/ASA influencer guide (2023)'
/** France: the mention on the post (art. 5 I) and on retouched or generated images (art. 5 II). */
export const FR_LAW = 'Loi n° 2023-451 du 9 juin 2023 visant à encadrer l\'influence commerciale, art. 5 I (as amended by Ordonnance n° 2024-978): « Publicité » ou « Collaboration commerciale », claire, lisible et identifiable'
/** Germany: the commercial purpose is identified at the start, in German. */
export const DE_LAW = '§ 5a Abs. 4 UWG; § 22 Abs. 1 MStV; Die Medienanstalten, Leitfaden "Werbekennzeichnung bei Online-Medien" ("Werbung" or "Anzeige", at the start; "Ad", "Sponsored by", "Kooperation" are not enough)'
/** EU: the platform lets users declare commercial communication. */
export const DSA_26 = 'Regulation (EU) 2022/2065 (Digital Services Act), art. 26(2): the platform\'s functionality to declare that content is or contains commercial communication'

export const RULES = {
  'LX-01': { id: 'LX-01', title: 'A disclosure the audience understands is present', severity: 'blocking', source: FTC },
  'LX-02': { id: 'LX-02', title: 'Ambiguous tags (#sp, #collab, "thanks") are not a disclosure', severity: 'blocking', source: `${FTC}; FTC Endorsement Guides FAQ` },
  'LX-03': { id: 'LX-03', title: 'UK/IE: "sponsored", #affiliate or "in association with" alone are not enough', severity: 'blocking', source: CMA },
  'MC-03': { id: 'MC-03', title: 'The disclosure matches the kind of connection', severity: 'warning', source: `${FTC}; ${CMA}` },
  'PL-01': { id: 'PL-01', title: 'Instagram/Facebook: disclosure before "more" (first 3 lines and 125 characters)', severity: 'blocking', source: `${FTC}; Instagram Help Center (caption truncation)` },
  'PL-02': { id: 'PL-02', title: 'TikTok/YouTube: disclosure in the first 100 characters', severity: 'warning', source: `${FTC} (house rule for the fold)` },
  'PL-03': { id: 'PL-03', title: 'Disclosure not buried in a cluster of hashtags', severity: 'warning', source: FTC },
  'PL-05': { id: 'PL-05', title: 'UK/IE: "Ad" is the first word', severity: 'warning', source: CMA },
  'LN-01': { id: 'LN-01', title: "Caption fits the platform's length limit", severity: 'blocking', source: 'Instagram, TikTok, YouTube and Pinterest help pages' },
  'MB-01': { id: 'MB-01', title: "The brief's mandatory elements are in the caption", severity: 'blocking', source: 'Campaign brief' },
  'MB-02': { id: 'MB-02', title: "Mandatory elements are visible before the fold", severity: 'warning', source: 'Campaign brief' },
  'CL-02': { id: 'CL-02', title: 'No banned words or claims outside the approved claims', severity: 'warning', source: 'Campaign brief; FTC substantiation' },
  'RV-01': { id: 'RV-01', title: 'Payment is never conditioned on positive sentiment', severity: 'blocking', source: '16 CFR 465 (consumer reviews and testimonials); 16 CFR 255.1' },
  'RV-02': { id: 'RV-02', title: 'An employee or insider relationship is disclosed', severity: 'blocking', source: '16 CFR 255.5 (employees)' },
  'VD-01': { id: 'VD-01', title: 'Disclosure on screen in the video', severity: 'blocking', source: FTC },
  'VD-02': { id: 'VD-02', title: 'Disclosure spoken when the endorsement is spoken', severity: 'blocking', source: FTC },
  'VD-03': { id: 'VD-03', title: 'Disclosure at or before the first brand mention, not only at the end', severity: 'blocking', source: FTC },
  'VD-04': { id: 'VD-04', title: 'On screen long enough to read', severity: 'blocking', source: FTC },
  'FR-01': { id: 'FR-01', title: 'France: « Publicité » or « Collaboration commerciale », not an English tag or an abbreviation', severity: 'blocking', source: FR_LAW },
  'DE-01': { id: 'DE-01', title: 'Germany: "Werbung" or "Anzeige" in German, not "Ad" or "Sponsored"', severity: 'blocking', source: DE_LAW },
  'DE-02': { id: 'DE-02', title: 'Germany: "Werbung" or "Anzeige" at the start', severity: 'blocking', source: DE_LAW },
  'FR-02': { id: 'FR-02', title: 'France: « Image retouchée » / « Image virtuelle » on retouched or generated media', severity: 'blocking', source: 'Loi n° 2023-451 du 9 juin 2023, art. 5 II' },
  'ST-01': { id: 'ST-01', title: 'Every story frame that shows the brand carries a label', severity: 'blocking', source: FTC },
  'PT-01': { id: 'PT-01', title: 'Instagram/Facebook "Paid partnership" label naming the brand', severity: 'blocking', source: 'Instagram and Facebook branded content policies' },
  'PT-02': { id: 'PT-02', title: 'TikTok "Disclose commercial content" set to Branded content', severity: 'blocking', source: 'TikTok branded content policy' },
  'PT-03': { id: 'PT-03', title: 'YouTube "includes paid promotion" box ticked', severity: 'blocking', source: 'YouTube paid product placement policy' },
  'PT-04': { id: 'PT-04', title: 'Pinterest "paid partnership" label', severity: 'blocking', source: 'Pinterest paid partnership guidelines' },
  'EU-01': { id: 'EU-01', title: 'EU: the post is declared as commercial communication with the platform\'s own label', severity: 'blocking', source: DSA_26 },
} as const satisfies Record<string, Rule>

export type RuleId = keyof typeof RULES
