import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { Card, EmptyState, LinkButton, Money, PageHeader, StatusChip } from '#app/components/ui.tsx'
import { roleCan } from '#app/auth/capabilities.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { listCampaigns } from '#app/services/campaigns/list-campaigns.server.ts'

export const meta: MetaFunction = () => [{ title: 'Campaigns · Greenroom' }]

// Any member who may see campaigns (admin, manager, finance, viewer).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'campaign.view')
  const includeArchived = new URL(args.request.url).searchParams.get('archived') === '1'
  return {
    brandSlug: actor.brand.slug,
    canEdit: roleCan(actor.role, 'campaign.edit'),
    includeArchived,
    campaigns: await listCampaigns(actor.brand.id, { includeArchived }),
  }
}

export default function Campaigns() {
  const { campaigns, canEdit, brandSlug, includeArchived } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const base = `/b/${brandSlug}/campaigns`
  return (
    <>
      <PageHeader
        title="Campaigns"
        subtitle="Budget against committed fees, and how far each campaign has got."
        actions={canEdit ? <LinkButton to={`${base}/new`} variant="primary">New campaign</LinkButton> : null}
      />
      <Card
        title={`${includeArchived ? 'All' : 'Current'} campaigns (${campaigns.length})`}
        actions={
          <Link to={includeArchived ? base : `${base}?${new URLSearchParams({ ...Object.fromEntries(params), archived: '1' })}`} className="small">
            {includeArchived ? 'Hide archived' : 'Show archived'}
          </Link>
        }
      >
        {campaigns.length === 0 ? (
          <EmptyState
            title="No campaigns yet"
            action={canEdit ? <LinkButton to={`${base}/new`}>Create the first campaign</LinkButton> : undefined}
          >
            A campaign holds the brief, the offers to creators and the budget.
          </EmptyState>
        ) : (
          <ul className="list">
            {campaigns.map((c) => {
              const over = c.committedMinor > c.budgetMinor
              return (
                <li key={c.id} className="list-row" data-campaign={c.id}>
                  <div className="stack-sm">
                    <span className="cluster">
                      <Link to={`${base}/${c.id}`} className="strong">
                        {c.name}
                      </Link>
                      <StatusChip status={c.status} />
                    </span>
                    <span className="muted small">
                      {c.startsOn ?? 'No start date'} → {c.endsOn ?? 'open'}
                    </span>
                    <span className="small">
                      {c.creators} creator{c.creators === 1 ? '' : 's'}: {c.offersAccepted} accepted, {c.offersOpen} awaiting answer ·{' '}
                      {c.deliverablesDone} of {c.deliverablesTotal} posts verified
                    </span>
                  </div>
                  <div className="stack-sm">
                    <span className="nowrap">
                      <span className={over ? 'text-danger strong' : 'strong'}>
                        <Money minor={c.committedMinor} currency={c.currency} />
                      </span>{' '}
                      <span className="muted small">
                        of <Money minor={c.budgetMinor} currency={c.currency} />
                      </span>
                    </span>
                    <span className={over ? 'small text-danger' : 'muted small'}>{over ? 'Over budget' : 'committed'}</span>
                  </div>
                </li>
              )
            })}
          </ul>
        )}
      </Card>
    </>
  )
}
