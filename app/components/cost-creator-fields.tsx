import { useEffect, useState } from 'react'
import { SelectField } from '#app/components/ui.tsx'

/**
 * "Add a cost": the campaign and the creator the cost belongs to. Only creators with an offer in the
 * chosen campaign are offered (the cost is booked on that offer). With JavaScript the creator list
 * follows the campaign select; before it runs (or without it) every campaign's creators are listed with
 * their campaign's name, and the server refuses a creator with no offer in the chosen campaign.
 */
export function CostCreatorFields({
  campaigns,
  costCreators,
  initialCampaignId,
  errors,
}: {
  campaigns: { campaignId: string; name: string }[]
  costCreators: Record<string, { id: string; name: string }[]>
  initialCampaignId: string
  errors: { campaignId?: string; creatorId?: string }
}) {
  const [campaignId, setCampaignId] = useState(initialCampaignId)
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  const names = new Map(campaigns.map((c) => [c.campaignId, c.name]))
  const creators = hydrated
    ? (costCreators[campaignId] ?? []).map((c) => ({ value: c.id, label: c.name }))
    : campaigns.flatMap((c) => (costCreators[c.campaignId] ?? []).map((x) => ({ value: x.id, label: `${x.name} — ${names.get(c.campaignId)}` })))
  const none = hydrated && creators.length === 0
  return (
    <>
      <SelectField
        label="Campaign"
        name="campaignId"
        required
        value={campaignId}
        onChange={(e) => setCampaignId(e.currentTarget.value)}
        options={campaigns.map((c) => ({ value: c.campaignId, label: c.name }))}
        error={errors.campaignId}
      />
      <SelectField
        key={hydrated ? campaignId : 'all'}
        label="Creator"
        name="creatorId"
        placeholder="None — a campaign cost"
        hint={
          none
            ? `No creator has an offer in ${names.get(campaignId) ?? 'this campaign'} yet: this will be a campaign cost.`
            : 'Creators with an offer in the chosen campaign. A gift is a cost of the creator who received it; it is booked on their offer in this campaign.'
        }
        options={creators}
        error={errors.creatorId}
      />
    </>
  )
}
