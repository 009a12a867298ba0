/**
 * Contracts (pure, browser-safe): statuses, the template and its placeholders, rendering a template with
 * an offer's facts into a document, the e-signature consent line, the brand's contract settings and the
 * rule that says when a signed contract is required before approval and payment.
 * Usage-rights dates live in ./rights.ts.
 */
import { BRAND_ROLES, type BrandRole } from './roles.ts'

// The statuses, ads-permission kinds, their labels and the consent line live in ./contract-labels.ts: the
// creator's pages need only those, and esbuild puts a whole file in one browser chunk (the template help
// text below stays with the brand side). Components import them from there.
import { ADS_PERMISSION_KINDS, type AdsPermissionKind, type ContractStatus } from './contract-labels.ts'
export { ADS_PERMISSION_KINDS, ADS_PERMISSION_LABEL, CONTRACT_STATUSES, CONTRACT_STATUS_LABEL, ESIGN_CONSENT, type AdsPermissionKind, type ContractStatus } from './contract-labels.ts'

export type ContractParty = 'creator' | 'brand'

/** Which ads access a post's platform has: a Spark code is TikTok's, a partnership-ad permission Instagram's. */
const ADS_PERMISSION_PLATFORM: Record<AdsPermissionKind, string> = { instagram_partnership: 'instagram', tiktok_spark: 'tiktok' }
export function adsPermissionKindsFor(platform: string): AdsPermissionKind[] {
  return ADS_PERMISSION_KINDS.filter((k) => ADS_PERMISSION_PLATFORM[k] === platform)
}


export interface ContractClause {
  /** Stable key (letters, digits, dashes). */
  id: string
  heading: string
  body: string
  /** Required clauses cannot be switched off. */
  required: boolean
  enabled: boolean
}

export interface ContractTemplateContent {
  title: string
  clauses: ContractClause[]
}

export interface ContractSection {
  heading: string
  paragraphs: string[]
}
export interface ContractDocument {
  title: string
  sections: ContractSection[]
}

/** Every placeholder a template may use, with what it stands for (shown on the template page). */
export const CONTRACT_PLACEHOLDERS = {
  'brand.name': 'The brand’s name',
  'brand.legalName': 'The brand’s legal name (or its name)',
  'creator.name': 'The creator’s name',
  'creator.email': 'The creator’s contact email',
  'creator.country': 'The creator’s country, if known',
  'campaign.name': 'The campaign',
  'offer.connection': 'Paid, gifted, affiliate or mixed',
  'offer.fee': 'The fee, e.g. €1,800',
  'offer.paymentTerms': 'When the fee is paid',
  'offer.deliverables': 'The deliverables with their dates (one per line)',
  'offer.usageRights': 'What the brand may do with the content, where and for how long',
  'offer.exclusivity': 'The exclusivity, or that there is none',
  'offer.revisionRounds': 'How many revision rounds are included',
  'offer.gift': 'The product given, if any',
  'offer.disclosure': 'The disclosure each post must carry',
  'offer.jurisdiction': 'The disclosure jurisdiction (US, UK, FR, DE…)',
  'brief.version': 'The brief version the creator accepted',
  'contract.version': 'This contract’s version number',
  'contract.date': 'The day this version was made',
} as const
export type ContractPlaceholder = keyof typeof CONTRACT_PLACEHOLDERS
export type ContractFacts = Record<ContractPlaceholder, string>

const PLACEHOLDER_RE = /\{\{\s*([^{}]*?)\s*\}\}/g

/** Placeholders used in the text that are not in CONTRACT_PLACEHOLDERS (in order, once each). */
export function unknownPlaceholders(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    const name = m[1] ?? ''
    if (!(name in CONTRACT_PLACEHOLDERS) && !out.includes(name)) out.push(name)
  }
  // A lone "{{" or "}}" is a typo for a placeholder: refuse it rather than print it.
  const stripped = text.replace(PLACEHOLDER_RE, '')
  if (/\{\{|\}\}/.test(stripped) && !out.includes('{{')) out.push('{{')
  return out
}

/** Field errors for a template (keyed like the form fields: title, clause_<id>), empty when it is fine. */
export function templateProblems(t: ContractTemplateContent): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const bad = unknownPlaceholders(t.title)
  if (bad.length) errors.title = [unknownMessage(bad)]
  if (!t.title.trim()) errors.title = ['Give the contract a title.']
  for (const c of t.clauses) {
    const u = unknownPlaceholders(`${c.heading}\n${c.body}`)
    if (u.length) errors[`clause_${c.id}`] = [unknownMessage(u)]
    else if (c.enabled && !c.body.trim()) errors[`clause_${c.id}`] = ['Write the clause, or switch it off.']
    if (c.required && !c.enabled) errors[`enabled_${c.id}`] = [`“${c.heading}” is required and cannot be switched off.`]
  }
  return errors
}

function unknownMessage(names: string[]) {
  const list = names.map((n) => (n === '{{' ? 'an unclosed “{{” or “}}”' : `{{${n}}}`)).join(', ')
  return `Unknown placeholder${names.length === 1 ? '' : 's'}: ${list}. Use only the placeholders listed on this page.`
}

/** Replace each placeholder with its fact. Throws on an unknown one (templates are checked when saved). */
export function fillPlaceholders(text: string, facts: ContractFacts): string {
  return text.replace(PLACEHOLDER_RE, (_all, name: string) => {
    if (!(name in facts)) throw new RangeError(`Unknown placeholder {{${name}}}`)
    return facts[name as ContractPlaceholder]
  })
}

/** The document: the enabled clauses, numbered, with the facts filled in; paragraphs split on blank lines or single newlines. */
export function renderContract(t: ContractTemplateContent, facts: ContractFacts): ContractDocument {
  const sections = t.clauses
    .filter((c) => c.enabled)
    .map((c, i) => ({
      heading: `${i + 1}. ${fillPlaceholders(c.heading, facts)}`,
      paragraphs: fillPlaceholders(c.body, facts)
        .split(/\n+/)
        .map((p) => p.trim())
        .filter(Boolean),
    }))
  return { title: fillPlaceholders(t.title, facts), sections }
}

/** The template every brand starts with (version 0: not stored until an admin saves a change). */
export const DEFAULT_TEMPLATE: ContractTemplateContent = {
  title: 'Influencer collaboration agreement — {{campaign.name}}',
  clauses: [
    {
      id: 'parties',
      heading: 'Parties',
      body: 'This agreement is between {{brand.legalName}} (“the Brand”) and {{creator.name}} ({{creator.email}}) (“the Creator”), for the campaign {{campaign.name}}. It records the terms the Creator accepted with brief version {{brief.version}}. Contract version {{contract.version}}, made on {{contract.date}}.',
      required: true,
      enabled: true,
    },
    {
      id: 'deliverables',
      heading: 'Deliverables and dates',
      body: 'The Creator will make and publish:\n{{offer.deliverables}}\n{{offer.revisionRounds}}',
      required: true,
      enabled: true,
    },
    {
      id: 'fee',
      heading: 'Fee and payment',
      body: 'Connection: {{offer.connection}}. Fee: {{offer.fee}}. {{offer.paymentTerms}}\n{{offer.gift}}',
      required: true,
      enabled: true,
    },
    {
      id: 'usage',
      heading: 'Usage rights',
      body: '{{offer.usageRights}} When the licence ends the Brand stops running the content as ads and removes it from paid placements.',
      required: true,
      enabled: true,
    },
    { id: 'exclusivity', heading: 'Exclusivity', body: '{{offer.exclusivity}}', required: false, enabled: true },
    {
      id: 'disclosure',
      heading: 'Disclosure',
      body: 'Every post must disclose the commercial relationship clearly and for its whole duration, under the rules of {{offer.jurisdiction}}: {{offer.disclosure}} The Creator also turns on the platform’s own paid-partnership label where it has one.',
      required: true,
      enabled: true,
    },
    {
      id: 'approval',
      heading: 'Approval before posting',
      body: 'The Creator submits each draft in Greenroom before posting and posts only the version the Brand approved.',
      required: false,
      enabled: true,
    },
    {
      id: 'conduct',
      heading: 'Honest content',
      body: 'The Creator gives their honest opinion, makes no claim the brief does not approve, and does not buy followers, views or other fake indicators of influence.',
      required: false,
      enabled: true,
    },
    {
      id: 'law',
      heading: 'Governing law',
      body: 'This agreement is governed by the law of the Brand’s place of business; disclosure follows the rules of {{offer.jurisdiction}}.',
      required: false,
      enabled: true,
    },
    {
      id: 'signatures',
      heading: 'Electronic signatures',
      body: 'Both parties sign electronically in Greenroom. Each signature records who signed, for whom, when, from which IP address and browser, and the SHA-256 fingerprint of this exact document. Any change of terms makes a new version that both parties sign again.',
      required: true,
      enabled: true,
    },
  ],
}

// ---------------------------------------------------------------- brand settings

export const CONTRACT_REQUIREMENTS = ['french_threshold', 'always', 'never'] as const
export type ContractRequirement = (typeof CONTRACT_REQUIREMENTS)[number]
export const CONTRACT_REQUIREMENT_LABEL: Record<ContractRequirement, string> = {
  french_threshold: 'Required for French offers at or above €1,000 a year from this brand (French law, Décret n° 2025-1137)',
  always: 'Required for every offer',
  never: 'Never required (contracts are still made and can be signed)',
}

/** EUR 1,000 excluding tax per advertiser per year (Décret n° 2025-1137). */
export const FR_CONTRACT_THRESHOLD_EUR_MINOR = 100_000

export interface ContractSettings {
  /** Who may countersign for the brand. */
  signerRoles: BrandRole[]
  requirement: ContractRequirement
  /** IANA zone in which licence days begin and end. */
  timeZone: string
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return tz.length > 0 && tz.length <= 64
  } catch {
    return false
  }
}

/** Read from brands.settings.contracts (defaults: admins countersign, the French rule, UTC). */
export function contractSettings(settings: Record<string, unknown>): ContractSettings {
  const raw = (settings.contracts ?? {}) as Record<string, unknown>
  const roles = Array.isArray(raw.signerRoles) ? raw.signerRoles.filter((r): r is BrandRole => (BRAND_ROLES as readonly string[]).includes(String(r)) && r !== 'viewer') : []
  const requirement = (CONTRACT_REQUIREMENTS as readonly string[]).includes(String(raw.requirement)) ? (raw.requirement as ContractRequirement) : 'french_threshold'
  const timeZone = typeof raw.timeZone === 'string' && isTimeZone(raw.timeZone) ? raw.timeZone : 'UTC'
  return { signerRoles: roles.length ? roles : ['admin'], requirement, timeZone }
}

export interface RequirementFacts {
  /** The brand, the brief or the creator is in France. */
  french: boolean
  /** Cash plus usage fees committed to this creator by this brand in the offer's calendar year, EUR minor units (this offer included). */
  yearTotalEurMinor: number
  /** True when some of that year's money is in another currency (it cannot be compared without a rate). */
  otherCurrency: boolean
}

/** Whether draft approval and payment wait for a signed contract, and the sentence that says why. */
export function contractRequirement(req: ContractRequirement, f: RequirementFacts): { required: boolean; why: string } {
  if (req === 'always') return { required: true, why: 'This brand requires a signed contract for every collaboration.' }
  if (req === 'never') return { required: false, why: 'This brand does not require a signed contract before approval and payment.' }
  if (!f.french) return { required: false, why: 'Not a French collaboration: French law does not require a written contract here.' }
  if (f.otherCurrency) return { required: true, why: 'A French collaboration paid partly in another currency: treated as at or above the €1,000 threshold.' }
  if (f.yearTotalEurMinor >= FR_CONTRACT_THRESHOLD_EUR_MINOR) {
    return { required: true, why: 'French law requires a written contract once a creator receives €1,000 or more in a year from one advertiser.' }
  }
  return { required: false, why: 'A French collaboration below the €1,000 yearly threshold: no written contract is required by law.' }
}

/** The blocker sentence shown next to Approve and Mark paid while a required contract is unsigned. */
export function contractBlockerMessage(status: ContractStatus | null, version: number | null): string {
  if (!status) return 'A signed contract is required first, and this collaboration has none yet.'
  if (status === 'awaiting_creator') return `A signed contract is required first: contract v${version} is waiting for the creator's signature.`
  return `A signed contract is required first: contract v${version} is waiting for the brand's countersignature.`
}
