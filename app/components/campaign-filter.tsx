import { SelectField } from '#app/components/ui.tsx'
import { campaignChoicesHint, type CampaignChoices } from '#app/domain/campaign-choices.ts'

const NOTE_ID = 'campaign-choices-note'

/**
 * A filter bar's campaign select: the newest campaigns and the chosen one (app/domain/campaign-choices.ts). When
 * not every campaign is listed, CampaignChoicesNote (under the bar, so the bar's fields stay in one row) says so
 * and the select is described by it.
 */
export function CampaignFilter({ campaigns, defaultValue, allLabel = 'All campaigns' }: { campaigns: CampaignChoices; defaultValue: string | null | undefined; allLabel?: string }) {
  return (
    <SelectField
      label="Campaign"
      name="campaign"
      defaultValue={defaultValue ?? ''}
      placeholder={allLabel}
      aria-describedby={campaigns.more ? NOTE_ID : undefined}
      options={campaigns.choices.map((c) => ({ value: c.id, label: c.name }))}
    />
  )
}

export function CampaignChoicesNote({ campaigns }: { campaigns: CampaignChoices }) {
  const hint = campaignChoicesHint(campaigns)
  return hint ? (
    <p id={NOTE_ID} className="muted small">
      {hint}
    </p>
  ) : null
}
