import { SelectField } from '#app/components/ui.tsx'
import { campaignChoicesHint, type CampaignChoices } from '#app/domain/campaign-choices.ts'

/** A filter's campaign select: the newest campaigns and the chosen one (app/domain/campaign-choices.ts). */
export function CampaignFilter({ campaigns, defaultValue, allLabel = 'All campaigns' }: { campaigns: CampaignChoices; defaultValue: string | null | undefined; allLabel?: string }) {
  return (
    <SelectField
      label="Campaign"
      name="campaign"
      defaultValue={defaultValue ?? ''}
      placeholder={allLabel}
      hint={campaignChoicesHint(campaigns)}
      options={campaigns.choices.map((c) => ({ value: c.id, label: c.name }))}
    />
  )
}
