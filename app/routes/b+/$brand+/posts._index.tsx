import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, Chip, DateTime, EmptyState, LinkButton, PageHeader, StatusChip } from '#app/components/ui.tsx'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { listBrandPosts } from '#app/services/posts/list-brand-posts.server.ts'
import { POST_STATUS_FILTERS, type PostStatusFilter } from '#app/domain/post-status.ts'
import { cursorParam } from '#app/domain/keyset-cursor.ts'
import { Pager, pagerLink } from '#app/components/pager.tsx'

export const meta: MetaFunction = () => [{ title: 'Live posts · Greenroom' }]

const TAB_LABEL: Record<PostStatusFilter, string> = {
  submitted: 'To verify',
  changes_requested: 'Sent back',
  verified: 'Verified',
  all: 'All',
}

// Managers and admins: the live posts creators submitted, to verify.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'post.verify')
  const params = new URL(args.request.url).searchParams
  const raw = params.get('status') ?? 'submitted'
  const status = (POST_STATUS_FILTERS as readonly string[]).includes(raw) ? (raw as PostStatusFilter) : 'submitted'
  const cursor = cursorParam.parse(params.get('cursor') ?? undefined)
  return { slug: actor.brand.slug, status, ...(await listBrandPosts(actor.brand.id, status, { cursor })) }
}

export default function BrandPosts() {
  const { slug, status, posts, nextCursor, prevCursor } = useLoaderData<typeof loader>()
  const base = `/b/${slug}/posts`
  return (
    <>
      <PageHeader
        title="Live posts"
        subtitle="Check each live post on the platform, then verify it or send it back with a note."
        actions={
          <>
            <LinkButton to={`${base}/import`}>Import metrics CSV</LinkButton>
            <LinkButton to={`/b/${slug}/reports`} variant="ghost">
              Reports
            </LinkButton>
          </>
        }
      />
      <nav className="tabs" aria-label="Post status">
        <ul>
          {POST_STATUS_FILTERS.map((s) => (
            <li key={s}>
              <Link className={s === status ? "tab is-active" : "tab"} to={`${base}?status=${s}`} aria-current={s === status ? "page" : undefined}>
                {TAB_LABEL[s]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Card>
        {posts.length === 0 ? (
          <EmptyState title={status === 'submitted' ? 'Nothing to verify' : 'No posts here'}>
            Creators submit their live post links once their draft is approved; they appear here to verify.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Creator</th>
                  <th scope="col">Post</th>
                  <th scope="col">Posted</th>
                  <th scope="col">Checks</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="actions">
                    <span className="sr-only">Open</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {posts.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <strong>{p.creatorName}</strong>
                      <div className="muted small">{p.campaignName}</div>
                    </td>
                    <td>
                      {deliverableLabel(p)}
                      <div className="small truncate" style={{ maxWidth: '22rem' }}>
                        <a href={p.url} target="_blank" rel="noopener noreferrer">
                          {p.url}
                        </a>
                      </div>
                    </td>
                    <td>
                      <DateTime value={p.postedAt} dateOnly />
                    </td>
                    <td>
                      <div className="cluster">
                        {p.blocking > 0 ? <Chip tone="danger">{p.blocking} blocking finding{p.blocking === 1 ? '' : 's'}</Chip> : <Chip tone="success">Caption OK</Chip>}
                        {p.outsideWindow ? <Chip tone="warning">Outside window</Chip> : null}
                      </div>
                    </td>
                    <td>
                      <StatusChip status={p.status} />
                    </td>
                    <td className="actions">
                      <LinkButton to={`${base}/${p.id}`} variant={p.status === 'submitted' ? 'primary' : 'secondary'} className="btn-sm">
                        {p.status === 'submitted' ? 'Review' : 'Open'}
                      </LinkButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager prev={prevCursor ? pagerLink(base, { status }, prevCursor) : null} next={nextCursor ? pagerLink(base, { status }, nextCursor) : null} />
      </Card>
    </>
  )
}
