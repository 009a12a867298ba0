/**
 * The platform's own commercial-content label (issue #15): Instagram/Facebook "Paid partnership",
 * TikTok "Branded content", YouTube "Includes paid promotion", Pinterest "Paid partnership".
 *
 * - Everywhere, the platforms' branded-content policies require it (PT-01…PT-04).
 * - In the EU (IE, FR, DE) it is also the creator's declaration under the Digital Services Act,
 *   art. 26(2) (Regulation (EU) 2022/2065): the platform must offer the functionality and a creator who
 *   posts commercial communication declares it with it. Missing it there is EU-01 (blocking), with that
 *   source, in addition to the platform rule — a reviewer sees why the EU case is a legal matter and not
 *   only a platform policy.
 * - What the platform tells us: `declared` is true/false when the post's metadata says so (a platform API
 *   or the creator's answer), null when nobody knows — then it stays the reviewer's manual tick.
 * Product knowledge, not legal advice (see /work/shared/domain/regulation-2026.md).
 */
import { EU_JURISDICTIONS, PLATFORM_LABEL, type Jurisdiction, type Platform } from '#app/domain/catalog.ts'
import { RULES, type RuleId, type Severity } from './rules.ts'
import { PLATFORM_LABEL_NAME } from './platform-label-name.ts'

export { PLATFORM_LABEL_NAME, platformLabelName } from './platform-label-name.ts'

export const EU_DECLARATION_HELP = 'In the EU this toggle is also the declaration the Digital Services Act (art. 26(2)) asks for.'

export const PLATFORM_LABEL_RULE: Record<Platform, RuleId> = { instagram: 'PT-01', facebook: 'PT-01', tiktok: 'PT-02', youtube: 'PT-03', pinterest: 'PT-04' }

/** What the creator reads next to the question "is the label on?" on the live-post form. */
export function platformLabelHint(platform: Platform, jurisdiction: Jurisdiction): string {
  const base = `${PLATFORM_LABEL[platform]} asks for it on every paid post; turn it on in the post's settings (it can be added after posting).`
  return EU_JURISDICTIONS.includes(jurisdiction) ? `${base} ${EU_DECLARATION_HELP}` : base
}

export interface PlatformLabelInput {
  platform: Platform
  jurisdiction: Jurisdiction
  brandName: string
  /** The commercial-content toggle: on, off, or unknown (null). */
  declared: boolean | null
  /** The partner the label names (Instagram/Facebook/Pinterest tag the brand), when known. */
  partnerNamed?: string | null
}

export interface PlatformLabelFinding {
  ruleId: RuleId
  severity: Severity
  message: string
  source: string
}

export interface PlatformLabelResult {
  findings: PlatformLabelFinding[]
  /** Rule ids left for the reviewer to tick, with the reason. */
  undecided: { id: RuleId; reason: string }[]
}

const norm = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/^@/, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

function finding(ruleId: RuleId, message: string): PlatformLabelFinding {
  const rule = RULES[ruleId]
  return { ruleId, severity: rule.severity, message, source: rule.source }
}

export function checkPlatformLabel(input: PlatformLabelInput): PlatformLabelResult {
  const { platform, jurisdiction, brandName, declared } = input
  const rule = PLATFORM_LABEL_RULE[platform]
  const eu = EU_JURISDICTIONS.includes(jurisdiction)
  const label = `${PLATFORM_LABEL[platform]}'s "${PLATFORM_LABEL_NAME[platform]}" label`
  if (declared === null) {
    const reason = `We cannot see whether ${label} is on: check it on the post.`
    return { findings: [], undecided: eu ? [{ id: rule, reason }, { id: 'EU-01', reason }] : [{ id: rule, reason }] }
  }
  const findings: PlatformLabelFinding[] = []
  if (!declared) {
    findings.push(finding(rule, `Turn on ${label} for this post.`))
    if (eu) findings.push(finding('EU-01', `In the EU the post must be declared as commercial content with ${label} (Digital Services Act, art. 26(2)).`))
    return { findings, undecided: [] }
  }
  const namesPartner = platform !== 'tiktok' && platform !== 'youtube'
  if (namesPartner && input.partnerNamed != null && norm(input.partnerNamed) !== norm(brandName)) {
    findings.push(finding(rule, `${label} names "${input.partnerNamed}"; it must name ${brandName}.`))
  }
  return { findings, undecided: [] }
}
