import { useEffect, useState } from 'react'
import { useSearchParams } from '@remix-run/react'
import { Button, SelectField } from '#app/components/ui.tsx'

/**
 * "Add a cost": the campaign and the creator the cost belongs to. Only creators with an offer in the
 * chosen campaign are offered (the cost is booked on that offer). The loader sends the creators of ONE
 * campaign (`?campaignId=`, issue #18): with JavaScript, choosing a campaign reloads the page's data
 * with it; without JavaScript, CostCampaignPick sends the chosen campaign as a GET. The server refuses a
 * creator with no offer in the chosen campaign either way.
 */
export function CostCreatorFields({
  campaigns,
  costCreators,
  initialCampaignId,
  errors,
  hint,
}: {
  campaigns: { campaignId: string; name: string }[]
  /** Under the campaign select (say when not every campaign is listed). */
  hint?: string
  /** The creators of the campaign(s) the loader read, by campaign id. */
  costCreators: Record<string, { id: string; name: string }[]>
  initialCampaignId: string
  errors: { campaignId?: string; creatorId?: string }
}) {
  const [campaignId, setCampaignId] = useState(initialCampaignId)
  const [hydrated, setHydrated] = useState(false)
  const [, setSearchParams] = useSearchParams()
  useEffect(() => setHydrated(true), [])
  // The page's data came back for another campaign (back/forward, a link): follow it.
  useEffect(() => setCampaignId(initialCampaignId), [initialCampaignId])
  const names = new Map(campaigns.map((c) => [c.campaignId, c.name]))
  const loaded = costCreators[campaignId]
  const creators = (loaded ?? []).map((c) => ({ value: c.id, label: c.name }))
  const name = names.get(campaignId) ?? 'this campaign'
  const choose = (id: string) => {
    setCampaignId(id)
    setSearchParams(
      (p) => {
        p.set('campaignId', id)
        return p
      },
      { replace: true, preventScrollReset: true },
    )
  }
  return (
    <>
      <SelectField
        label="Campaign"
        name="campaignId"
        required
        value={campaignId}
        onChange={(e) => choose(e.currentTarget.value)}
        options={campaigns.map((c) => ({ value: c.campaignId, label: c.name }))}
        error={errors.campaignId}
        hint={hint}
      />
      <SelectField
        key={`${campaignId}:${loaded ? 'loaded' : 'waiting'}`}
        label="Creator"
        name="creatorId"
        placeholder="None — a campaign cost"
        hint={
          !loaded
            ? hydrated
              ? `Loading the creators of ${name}…`
              : `Press “Show the campaign’s creators” to list the creators of ${name}.`
            : creators.length === 0
              ? `No creator has an offer in ${name} yet: this will be a campaign cost.`
              : 'Creators with an offer in the chosen campaign. A gift is a cost of the creator who received it; it is booked on their offer in this campaign.'
        }
        options={creators}
        error={errors.creatorId}
      />
    </>
  )
}

/**
 * Without JavaScript: reload the page with the campaign chosen in the form (a GET of the form, which the
 * loader reads as `?campaignId=`; the other fields are ignored). Placed after the form's own submit
 * button so Enter in a field still adds the cost. Gone once the page runs its script.
 */
export function CostCampaignPick() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  if (hydrated) return null
  return (
    <Button type="submit" formMethod="get" formNoValidate>
      Show the campaign’s creators
    </Button>
  )
}
