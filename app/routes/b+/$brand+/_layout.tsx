import { type LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData, useRouteError } from '@remix-run/react'
import { AppShell } from '#app/components/app-shell.tsx'
import { roleCan } from '#app/auth/capabilities.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { getUserAreasAndWaitingDrafts } from '#app/services/areas/get-user-areas.server.ts'
import { areaLinks } from '#app/utils/areas.ts'
import { ErrorPage } from '#app/components/error-page.tsx'

// Brand members (any role) of this brand; children guard themselves too.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.view')
  // One statement: the areas and the review badge's count (shown only to roles that review).
  const { areas, waitingDrafts } = await getUserAreasAndWaitingDrafts(actor.user.id, actor.brand.id)
  const reviewCount = roleCan(actor.role, 'content.review') ? waitingDrafts : 0
  return {
    reviewCount,
    user: actor.user,
    brand: { slug: actor.brand.slug, name: actor.brand.name },
    role: actor.role,
    areas: areaLinks(areas, { kind: 'brand', slug: actor.brand.slug }),
  }
}

export default function BrandLayout() {
  const { user, brand, role, areas, reviewCount } = useLoaderData<typeof loader>()
  const base = `/b/${brand.slug}`
  const nav = [
    { to: base, label: 'Home', end: true },
    ...(roleCan(role, 'campaign.view') ? [{ to: `${base}/campaigns`, label: 'Campaigns' }] : []),
    ...(roleCan(role, 'content.review') ? [{ to: `${base}/review`, label: 'Review', badge: reviewCount }] : []),
    ...(roleCan(role, 'roster.view') ? [{ to: `${base}/roster`, label: 'Roster' }] : []),
    ...(roleCan(role, 'post.verify') ? [{ to: `${base}/posts`, label: 'Live posts' }, { to: `${base}/attribution`, label: 'Links & codes' }] : []),
    ...(roleCan(role, 'report.view') ? [{ to: `${base}/reports`, label: 'Reports' }] : []),
    ...(roleCan(role, 'brand.view') ? [{ to: `${base}/contracts`, label: 'Contracts' }, { to: `${base}/rights`, label: 'Usage rights' }] : []),
    ...(roleCan(role, 'invoice.approve') ? [{ to: `${base}/invoices`, label: 'Invoices' }] : []),
    ...(roleCan(role, 'report.view') ? [{ to: `${base}/budget`, label: 'Budget' }] : []),
    ...(roleCan(role, 'brand.members') ? [{ to: `${base}/members`, label: 'Members' }] : []),
    ...(roleCan(role, 'brand.settings') ? [{ to: `${base}/settings`, label: 'Settings' }] : []),
    ...(roleCan(role, 'brand.settings') ? [{ to: `${base}/jobs`, label: 'Jobs' }] : []),
  ]
  return (
    <AppShell area="brand" title={brand.name} nav={nav} user={user} areas={areas}>
      <Outlet />
    </AppShell>
  )
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />
}
