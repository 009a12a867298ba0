import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { AppShell } from '#app/components/app-shell.tsx'
import { Card, EmptyState, PageHeader } from '#app/components/ui.tsx'
import { TodoList } from '#app/components/todo-list.tsx'
import { getAgentTodos } from '#app/services/creators/get-agent-todos.server.ts'
import { requireUser } from '#app/auth/guards.server.ts'
import { getUserAreas } from '#app/services/areas/get-user-areas.server.ts'
import { areaLinks } from '#app/utils/areas.ts'

export const meta: MetaFunction = () => [{ title: 'Creator portal · Greenroom' }]

// Any signed-in user: a creator goes to their own portal; an agent sees the creators they act for.
export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args)
  const areas = await getUserAreas(user.id)
  if (areas.creator && areas.represented.length === 0) throw redirect(`/c/${areas.creator.id}`)
  const todos = await getAgentTodos(areas.represented)
  return { user, represented: areas.represented, own: areas.creator, todos, areas: areaLinks(areas, { kind: 'creator' }) }
}

export default function AgentHome() {
  const { user, represented, own, todos, areas } = useLoaderData<typeof loader>()
  return (
    <AppShell area="creator" title="Agent portal" nav={[{ to: '/c', label: 'My creators', end: true }]} user={user} areas={areas}>
      <PageHeader title="Your creators" subtitle="Pick a creator to act for them. Everything you do is recorded as you, on their behalf." />
      {represented.length === 0 && !own ? (
        <EmptyState title="No creators yet">When a creator gives your agency access from their profile, they appear here.</EmptyState>
      ) : (
        <ul className="chooser-list">
          {own ? (
            <li>
              <Link className="card chooser-item" to={`/c/${own.id}`}>
                <strong>{own.name}</strong>
                <span className="muted">You</span>
              </Link>
            </li>
          ) : null}
          {represented.map((c) => (
            <li key={c.id}>
              <Link className="card chooser-item" to={`/c/${c.id}`}>
                <strong>{c.name}</strong>
                <span className="muted">via {c.agencyName}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {represented.length > 0 ? (
        <Card title={todos.length ? `To do for all your creators (${todos.length})` : 'To do for all your creators'}>
          <TodoList todos={todos} emptyText="Nothing to do for any of your creators right now." />
        </Card>
      ) : null}
    </AppShell>
  )
}
