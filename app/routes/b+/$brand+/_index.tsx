import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, EmptyState, PageHeader, Stat } from '#app/components/ui.tsx'
import { roleCan } from '#app/auth/capabilities.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { getBrandOverview } from '#app/services/brands/get-brand-overview.server.ts'
import { getAtRisk } from '#app/services/brands/get-at-risk.server.ts'
import { countWaitingDrafts } from '#app/services/content/count-waiting-drafts.server.ts'
import { AtRiskList } from '#app/components/at-risk-list.tsx'

export const meta: MetaFunction = () => [{ title: 'Home · Greenroom' }]

// Any member of the brand.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.view')
  const [overview, atRisk, reviewCount] = await Promise.all([
    getBrandOverview(actor.brand.id),
    getAtRisk(actor.brand.id),
    roleCan(actor.role, 'content.review') ? countWaitingDrafts(actor.brand.id) : Promise.resolve(null),
  ])
  return { brand: { slug: actor.brand.slug, name: actor.brand.name }, role: actor.role, user: actor.user.name, overview, atRisk, reviewCount }
}

export default function BrandHome() {
  const { brand, role, user, overview, atRisk, reviewCount } = useLoaderData<typeof loader>()
  const base = `/b/${brand.slug}`
  return (
    <>
      <PageHeader title={`Hi ${user.split(' ')[0]}`} subtitle={`${brand.name} influencer program`} />
      <div className="grid-3">
        <Stat label="Creators on the roster" value={overview.rosterCount} to={roleCan(role, 'roster.view') ? `${base}/roster` : undefined} />
        <Stat label="Team members" value={overview.memberCount} to={roleCan(role, 'brand.members') ? `${base}/members` : undefined} />
        <Stat label="Invitations waiting" value={overview.pendingInvitations} to={roleCan(role, 'brand.members') ? `${base}/members` : undefined} />
        {reviewCount !== null ? <Stat label="Drafts waiting for review" value={reviewCount} to={`${base}/review`} /> : null}
      </div>
      <Card title={atRisk.length ? `At risk (${atRisk.length})` : 'At risk'}>
        {atRisk.length ? (
          <AtRiskList items={atRisk} base={base} />
        ) : (
          <EmptyState title="Nothing at risk">
            Late drafts, overdue posts and reviews waiting too long will show up here once campaigns are running.
          </EmptyState>
        )}
      </Card>
      {roleCan(role, 'roster.edit') && overview.rosterCount === 0 ? (
        <Card title="Get started">
          <p>
            Add the creators you work with: <Link to={`${base}/roster`}>invite a creator by email</Link>.
          </p>
        </Card>
      ) : null}
    </>
  )
}
