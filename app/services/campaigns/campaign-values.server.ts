import type { CampaignInput } from '#app/validation/campaigns.ts'

/** The campaign form's fields as campaign columns (creating and editing store the same ones). */
export function campaignValues(input: Omit<CampaignInput, 'intent'>) {
  return {
    name: input.name,
    objective: input.objective,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    platforms: input.platforms,
    budgetMinor: input.budget,
    attributionWindowDays: input.attributionWindowDays,
    currency: input.currency,
  }
}
