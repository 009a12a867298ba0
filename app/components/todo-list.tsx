import { Link } from '@remix-run/react'
import { Chip, EmptyState, LinkButton, Money, RelativeDue } from '#app/components/ui.tsx'
import type { Tone } from '#app/components/format.ts'
import type { CreatorTodo } from '#app/services/creators/get-creator-todos.server.ts'

/** A to-do item as getCreatorTodos returns it (the loaders pass it through unchanged). */
export type TodoItem = Pick<CreatorTodo, 'kind' | 'id' | 'date' | 'title' | 'detail' | 'href' | 'action' | 'creatorName' | 'feeMinor' | 'currency'>

const KIND: Record<CreatorTodo['kind'], { label: string; tone: Tone }> = {
  offer: { label: 'Offer', tone: 'info' },
  brief_reack: { label: 'Brief updated', tone: 'warning' },
  draft_due: { label: 'Draft', tone: 'info' },
  feedback: { label: 'Feedback', tone: 'warning' },
  post_link: { label: 'Live post', tone: 'info' },
  post_fix: { label: 'Post sent back', tone: 'danger' },
  stats_7: { label: 'Stats', tone: 'info' },
  stats_30: { label: 'Stats', tone: 'info' },
  invoice: { label: 'Invoice', tone: 'success' },
}

/** One list, soonest first: what, for whom, due when (in words), and one button. */
export function TodoList({ todos, emptyText = "We'll email you when a brand sends an offer." }: { todos: TodoItem[]; emptyText?: string }) {
  if (todos.length === 0) return <EmptyState title="Nothing to do">{emptyText}</EmptyState>
  return (
    <ul className="list todo-list">
      {todos.map((t) => (
        <TodoRow key={`${t.kind}:${t.id}`} todo={t} />
      ))}
    </ul>
  )
}

function TodoRow({ todo }: { todo: TodoItem }) {
  const kind = KIND[todo.kind]
  return (
    <li className="list-row todo-row" data-todo={todo.kind}>
      <div className="stack-sm">
        <span className="cluster">
          <Chip tone={kind.tone}>{kind.label}</Chip>
          {todo.creatorName ? <strong className="small">{todo.creatorName}</strong> : null}
          {todo.feeMinor !== undefined && todo.currency ? <Money minor={todo.feeMinor} currency={todo.currency} /> : null}
          {todo.date ? <RelativeDue due={todo.date} /> : null}
        </span>
        <Link to={todo.href} className="strong">
          {todo.title}
        </Link>
        <span className="muted small">{todo.detail}</span>
      </div>
      <LinkButton to={todo.href}>
        {todo.action}
      </LinkButton>
    </li>
  )
}
