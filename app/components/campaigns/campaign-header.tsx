import { PageHeader, StatusChip, Tabs } from '#app/components/ui.tsx'

/** Title, status and the Overview / Brief / Creators tabs shared by the campaign pages. */
export function CampaignHeader({ brandSlug, campaign }: { brandSlug: string; campaign: { id: string; name: string; status: string } }) {
  const base = `/b/${brandSlug}/campaigns/${campaign.id}`
  return (
    <>
      <PageHeader
        back={{ to: `/b/${brandSlug}/campaigns`, label: 'Campaigns' }}
        title={
          <span className="cluster">
            {campaign.name} <StatusChip status={campaign.status} />
          </span>
        }
      />
      <Tabs
        label="Campaign sections"
        items={[
          { to: base, label: 'Overview', end: true },
          { to: `${base}/brief`, label: 'Brief' },
          { to: `${base}/offers`, label: 'Creators & offers' },
        ]}
      />
    </>
  )
}
