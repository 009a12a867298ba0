import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Card, DateTime, Money, PageHeader, Stat } from '#app/components/ui.tsx'
import { TodoList } from '#app/components/todo-list.tsx'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { getCreatorTodos } from '#app/services/creators/get-creator-todos.server.ts'
import { getCreatorMoney } from '#app/services/invoices/get-creator-money.server.ts'

export const meta: MetaFunction = () => [{ title: 'To do · Greenroom' }]

// The creator, or an agent acting for them; the money needs the creator themself or the see_payments scope.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  const canSeeMoney = actor.via.kind === 'self' || actor.via.scopes.includes('see_payments')
  const [todos, money] = await Promise.all([getCreatorTodos(actor.creator.id), canSeeMoney ? getCreatorMoney(actor.creator.id) : Promise.resolve(null)])
  return {
    creator: actor.creator,
    actingAs: actor.via.kind === 'agent' ? actor.via.agencyName : null,
    todos,
    money,
  }
}

function Amounts({ rows, pick }: { rows: { currency: string; owedMinor: number; invoicedMinor: number; paidMinor: number }[]; pick: 'owedMinor' | 'invoicedMinor' | 'paidMinor' }) {
  if (rows.length === 0) return <Money minor={0} currency="USD" />
  return (
    <>
      {rows.map((r, i) => (
        <span key={r.currency}>
          {i > 0 ? ' · ' : null}
          <Money minor={r[pick]} currency={r.currency} />
        </span>
      ))}
    </>
  )
}

export default function CreatorHome() {
  const { creator, actingAs, todos, money } = useLoaderData<typeof loader>()
  const base = `/c/${creator.id}`
  return (
    <>
      <PageHeader
        title={actingAs ? `${creator.name}'s to-do` : `Hi ${creator.name.split(' ')[0]}`}
        subtitle={actingAs ? `You are acting for ${creator.name} through ${actingAs}.` : 'Everything you need to do, soonest first.'}
      />
      {money ? (
        <div className="grid-4 money-glance" aria-label="Money at a glance">
          <Stat label="Owed to me" value={<Amounts rows={money.totals} pick="owedMinor" />} hint="Invoices sent, not yet paid" to={`${base}/invoices`} />
          <Stat label={`Invoiced in ${money.year}`} value={<Amounts rows={money.totals} pick="invoicedMinor" />} to={`${base}/invoices`} />
          <Stat label={`Paid in ${money.year}`} value={<Amounts rows={money.totals} pick="paidMinor" />} to={`${base}/invoices`} />
          <Stat
            label="Next expected payment"
            value={money.next ? <DateTime value={money.next.date} dateOnly /> : '—'}
            hint={
              money.next ? (
                <>
                  <Money minor={money.next.totalMinor} currency={money.next.currency} /> from {money.next.brand}
                </>
              ) : (
                'No unpaid invoices'
              )
            }
          />
        </div>
      ) : null}
      <Card title={todos.length ? `To do (${todos.length})` : 'To do'}>
        <TodoList todos={todos} />
      </Card>
    </>
  )
}
