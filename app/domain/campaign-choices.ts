/**
 * A campaign filter lists at most this many campaigns: the newest ones, plus the one already chosen (issue #18:
 * a brand with 500 campaigns sent 500 options on every report and review-queue page, so the page grew with the
 * brand's history). An older campaign is reached from its own page, which links to its drafts and its report.
 */
export const CAMPAIGN_CHOICES = 50

export type CampaignChoice = { id: string; name: string }
export type CampaignChoices = {
  /** By name (compareText) unless asked newest first; the chosen campaign is always among them when it is the brand's. */
  choices: CampaignChoice[]
  /** The brand has more campaigns (of the statuses asked for) than are listed. */
  more: boolean
}

/** The filter's hint when not every campaign is listed. */
export function campaignChoicesHint(c: CampaignChoices): string | undefined {
  return c.more ? `Shows the ${CAMPAIGN_CHOICES} newest. For an older campaign, use the links on its page.` : undefined
}
