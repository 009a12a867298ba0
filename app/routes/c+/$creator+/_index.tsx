import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, Chip, EmptyState, Money, PageHeader, RelativeDue, Stat } from '#app/components/ui.tsx'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { getCreatorTodos, type CreatorTodo } from '#app/services/creators/get-creator-todos.server.ts'

export const meta: MetaFunction = () => [{ title: 'To do · Greenroom' }]

// The creator, or an agent acting for them.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  const canSeeMoney = actor.via.kind === 'self' || actor.via.scopes.includes('see_payments')
  return {
    creator: actor.creator,
    canSeeMoney,
    actingAs: actor.via.kind === 'agent' ? actor.via.agencyName : null,
    todos: await getCreatorTodos(actor.creator.id),
  }
}

export default function CreatorHome() {
  const { creator, canSeeMoney, actingAs, todos } = useLoaderData<typeof loader>()
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
      <Card title={todos.length ? `To do (${todos.length})` : 'To do'}>
        {todos.length === 0 ? (
          <EmptyState title="Nothing to do">We'll email you when a brand sends an offer.</EmptyState>
        ) : (
          <ul className="list todo-list">
            {todos.map((t) => (
              <TodoRow key={`${t.kind}:${t.id}`} todo={t} />
            ))}
          </ul>
        )}
      </Card>
    </>
  )
}

const KIND_LABEL: Record<CreatorTodo['kind'], string> = { offer: 'Offer', brief_reack: 'Brief updated' }

/** One thing to do: what, when, and one click to act. */
function TodoRow({ todo }: { todo: CreatorTodo }) {
  return (
    <li className="list-row todo-row" data-todo={todo.kind}>
      <div className="stack-sm">
        <span className="cluster">
          <Chip tone={todo.kind === 'offer' ? 'info' : 'warning'}>{KIND_LABEL[todo.kind]}</Chip>
          {todo.kind === 'offer' ? <Money minor={todo.feeMinor} currency={todo.currency} /> : null}
        </span>
        <Link to={todo.href} className="strong">
          {todo.title}
        </Link>
        <span className="muted small">{todo.detail}</span>
      </div>
      {todo.date && todo.kind !== 'brief_reack' ? (
        <div>
          <RelativeDue due={todo.date} />
        </div>
      ) : null}
    </li>
  )
}
