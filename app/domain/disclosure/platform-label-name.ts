/**
 * The platform's commercial-content label by name, for sentences on pages. Kept apart from
 * ./platform-label.ts (the check), which imports the rule catalogue: a page that only names the label
 * should not load the catalogue with it (issue #18, browser JavaScript).
 */
import { PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'

/** The words the platform shows when the toggle is on. */
export const PLATFORM_LABEL_NAME: Record<Platform, string> = {
  instagram: 'Paid partnership',
  facebook: 'Paid partnership',
  tiktok: 'Branded content',
  youtube: 'Includes paid promotion',
  pinterest: 'Paid partnership',
}

/** "Instagram's “Paid partnership” label", for sentences. */
export function platformLabelName(platform: string): string {
  const p = platform as Platform
  return `${PLATFORM_LABEL[p] ?? platform}’s “${PLATFORM_LABEL_NAME[p] ?? 'Paid partnership'}” label`
}
