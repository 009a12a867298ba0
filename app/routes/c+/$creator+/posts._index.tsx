import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, Chip, DateTime, EmptyState, LinkButton, PageHeader, RelativeDue, StatusChip } from '#app/components/ui.tsx'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { getCreatorPostsPage } from '#app/services/posts/list-creator-post-todos.server.ts'

export const meta: MetaFunction = () => [{ title: 'Posts · Greenroom' }]

// The creator, or an agent acting for them.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  return { creatorId: actor.creator.id, ...(await getCreatorPostsPage(actor.creator.id)) }
}

export default function CreatorPosts() {
  const { creatorId, todos, live } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Live posts and stats" subtitle="Add the link once your post is live, then your numbers after 7 and 30 days." />
      <Card title={todos.length ? `To do (${todos.length})` : 'To do'}>
        {todos.length === 0 ? (
          <EmptyState title="Nothing to post right now">When a brand approves your draft, it shows up here so you can add the live link.</EmptyState>
        ) : (
          <ul className="list">
            {todos.map((t) => (
              <li key={`${t.kind}:${t.deliverableId}`} className="list-row todo-row" data-todo={t.kind}>
                <div className="stack-sm">
                  <span className="cluster">
                    <Chip tone={t.kind === 'post_fix' ? 'danger' : t.kind === 'post_link' ? 'info' : 'neutral'}>{t.label}</Chip>
                    {t.due ? <RelativeDue due={t.due} /> : null}
                  </span>
                  <span className="small">
                    <strong>{t.brandName}</strong> · <span className="muted">{t.campaignName}</span> · <Link to={`/c/${creatorId}/deliverables/${t.deliverableId}`}>Approved draft</Link>
                  </span>
                </div>
                <LinkButton to={`/c/${creatorId}${t.to}`} variant="primary" className="btn-sm">
                  {t.label}
                </LinkButton>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={live.length ? `Your live posts (${live.length})` : 'Your live posts'}>
        {live.length === 0 ? (
          <p className="muted">Posts you have added show up here, with their stats and the ads access you gave the brand.</p>
        ) : (
          <ul className="list" aria-label="Your live posts">
            {live.map((p) => (
              <li key={p.deliverableId} className="list-row" data-testid="live-post">
                <div className="stack-sm">
                  <span className="cluster">
                    <Link to={`/c/${creatorId}/posts/${p.deliverableId}`}>{deliverableLabel(p)}</Link>
                    <StatusChip status={p.status} />
                  </span>
                  <span className="small">
                    <strong>{p.brandName}</strong> · <span className="muted">{p.campaignName}</span> · posted <DateTime value={p.postedAt} dateOnly />
                  </span>
                </div>
                <span className="cluster">
                  <LinkButton to={`/c/${creatorId}/posts/${p.deliverableId}/stats`}>
                    Add stats
                  </LinkButton>
                  <LinkButton to={`/c/${creatorId}/posts/${p.deliverableId}/ads-permission`}>
                    Ads permission
                  </LinkButton>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  )
}
