import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Card, EmptyState, Money, PageHeader, Stat } from '#app/components/ui.tsx'
import { requireCreatorActor } from '#app/auth/guards.server.ts'

export const meta: MetaFunction = () => [{ title: 'To do · Greenroom' }]

// The creator, or an agent acting for them.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  const canSeeMoney = actor.via.kind === 'self' || actor.via.scopes.includes('see_payments')
  return { creator: actor.creator, canSeeMoney, actingAs: actor.via.kind === 'agent' ? actor.via.agencyName : null }
}

export default function CreatorHome() {
  const { creator, canSeeMoney, actingAs } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader
        title={actingAs ? `${creator.name}'s to-do` : `Hi ${creator.name.split(' ')[0]}`}
        subtitle={actingAs ? `You are acting for ${creator.name} through ${actingAs}.` : 'Everything you need to do, soonest first.'}
      />
      {canSeeMoney ? (
        <div className="grid-3 money-glance">
          <Stat label="Owed to me" value={<Money minor={0} currency="USD" />} />
          <Stat label="Invoiced" value={<Money minor={0} currency="USD" />} />
          <Stat label="Paid this year" value={<Money minor={0} currency="USD" />} />
        </div>
      ) : null}
      <Card title="To do">
        <EmptyState title="Nothing to do">We'll email you when a brand sends an offer.</EmptyState>
      </Card>
    </>
  )
}
