/**
 * The checks a live post goes through, in one place so the posts services do not care where they
 * come from:
 *   normalizePostUrl  -> app/domain/post-url.ts (parsePostUrl, per platform, normalized)
 *   captionFindings   -> app/domain/disclosure (checkCaption) on the caption as posted
 *   postAttestations  -> app/domain/disclosure (attestationsFor: the platform-tool ticks, PT-01..04)
 *
 */
import { PLATFORM_LABEL, type ConnectionType, type Format, type Jurisdiction, type Platform } from '#app/domain/catalog.ts'
import { expectedPlatformMatches, parsePostUrl } from '#app/domain/post-url.ts'
import { attestationsFor, checkCaption, checkPlatformLabel, type Finding } from '#app/domain/disclosure/index.ts'

export interface CaptionContext {
  caption: string
  platform: string
  format: string
  jurisdiction: string
  connectionType: string
  brandName: string
}

export interface PostCheck {
  id: string
  label: string
}

/** The link validated for the deliverable's platform and reduced to its canonical address (app/domain/post-url.ts). */
export function normalizePostUrl(platform: string, raw: string): { url: string; externalId: string | null } | { error: string } {
  const parsed = parsePostUrl(raw)
  if (!parsed.ok) return { error: parsed.error }
  if (!expectedPlatformMatches(parsed, platform as Platform)) {
    return { error: `This is a ${PLATFORM_LABEL[parsed.platform]} link; this deliverable is for ${PLATFORM_LABEL[platform as Platform] ?? platform}.` }
  }
  return { url: parsed.normalized, externalId: parsed.externalId }
}

/** The disclosure checker, run again on the caption as posted. */
export function captionFindings(ctx: CaptionContext): Finding[] {
  return checkCaption({
    caption: ctx.caption,
    platform: ctx.platform as Platform,
    format: ctx.format as Format,
    connectionType: ctx.connectionType as ConnectionType,
    jurisdiction: ctx.jurisdiction as Jurisdiction,
    brandName: ctx.brandName,
  })
}

/**
 * What the manager ticks on the live post: the platform's paid-partnership tool (PT-01..04). The video and
 * story attestations were ticked at draft review; the tool can only be seen on the live post.
 */
export function postAttestations(platform: string, format: string): PostCheck[] {
  return attestationsFor(platform as Platform, format as Format)
    .filter((a) => a.id.startsWith('PT-'))
    .map((a) => ({ id: a.id, label: a.label }))
}

/** The platform's commercial-content label from what the creator (or, later, the platform) says: PT-01..04, plus EU-01 in the EU. */
export function platformLabelFindings(ctx: { platform: string; jurisdiction: string; brandName: string; declared: boolean | null }): Finding[] {
  return checkPlatformLabel({ platform: ctx.platform as Platform, jurisdiction: ctx.jurisdiction as Jurisdiction, brandName: ctx.brandName, declared: ctx.declared }).findings.map((f) => ({ ...f, span: null }))
}
