import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, DateTime, EmptyState, Money, PageHeader, StatusChip } from '#app/components/ui.tsx'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { listCreatorOffers } from '#app/services/offers/list-creator-offers.server.ts'

export const meta: MetaFunction = () => [{ title: 'Offers · Greenroom' }]

// The creator, or any agent with an active grant.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  return { creatorId: actor.creator.id, offers: await listCreatorOffers(actor.creator.id) }
}

export default function CreatorOffers() {
  const { offers, creatorId } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Offers" subtitle="Every offer you have received, and the collaborations you accepted." />
      <Card>
        {offers.length === 0 ? (
          <EmptyState title="No offers yet">When a brand sends you an offer, it shows up here and on your to-do list.</EmptyState>
        ) : (
          <ul className="list">
            {offers.map((o) => (
              <li key={o.id} className="list-row">
                <div className="stack-sm">
                  <Link to={`/c/${creatorId}/offers/${o.id}`} className="strong">
                    {o.brand} · {o.campaign}
                  </Link>
                  <span className="muted small">
                    {o.deliverables.length ? `${o.deliverables.map(deliverableLabel).join(', ')} · ` : ''}sent <DateTime value={o.sentAt} dateOnly />
                  </span>
                </div>
                <div className="stack-sm text-right">
                  <Money minor={o.feeMinor} currency={o.currency} />
                  <StatusChip status={o.status} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  )
}
