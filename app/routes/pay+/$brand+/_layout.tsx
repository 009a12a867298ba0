import { type LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData, useRouteError } from '@remix-run/react'
import { AppShell } from '#app/components/app-shell.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { getUserAreas } from '#app/services/areas/get-user-areas.server.ts'
import { areaLinks } from '#app/utils/areas.ts'

// Finance members of this brand; children guard themselves too.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'payables.view')
  const areas = await getUserAreas(actor.user.id)
  return {
    user: actor.user,
    brand: { slug: actor.brand.slug, name: actor.brand.name },
    areas: areaLinks(areas, { kind: 'payables', slug: actor.brand.slug }),
  }
}

export default function PayablesLayout() {
  const { user, brand, areas } = useLoaderData<typeof loader>()
  const base = `/pay/${brand.slug}`
  return (
    <AppShell area="payables" title={`${brand.name} · Payables`} nav={[{ to: base, label: 'Invoice queue', end: true }, { to: `${base}/tax-forms`, label: 'Tax forms' }, { to: `${base}/year-end`, label: 'Year-end' }]} user={user} areas={areas}>
      <Outlet />
    </AppShell>
  )
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />
}
