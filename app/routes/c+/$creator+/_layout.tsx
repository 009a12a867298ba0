import { type LoaderFunctionArgs } from '@remix-run/node'
import { Outlet, useLoaderData, useRouteError } from '@remix-run/react'
import { AppShell } from '#app/components/app-shell.tsx'
import { ErrorPage } from '#app/components/error-page.tsx'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { getUserAreas } from '#app/services/areas/get-user-areas.server.ts'
import { areaLinks } from '#app/utils/areas.ts'

// The creator, or an agent with an active grant from them; children guard themselves too.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  const areas = await getUserAreas(actor.user.id)
  const options = [...(areas.creator ? [areas.creator] : []), ...areas.represented]
  return {
    user: actor.user,
    creator: actor.creator,
    via: actor.via.kind === 'agent' ? { agencyName: actor.via.agencyName } : null,
    switcher: options.length > 1 || actor.via.kind === 'agent' ? options.map((o) => ({ id: o.id, name: o.name, to: `/c/${o.id}` })) : null,
    areas: areaLinks(areas, { kind: 'creator' }),
  }
}

export default function CreatorLayout() {
  const { user, creator, via, switcher, areas } = useLoaderData<typeof loader>()
  const base = `/c/${creator.id}`
  return (
    <AppShell
      area="creator"
      title={via ? `${via.agencyName}` : 'Creator portal'}
      nav={[
        { to: base, label: 'To do', end: true },
        { to: `${base}/offers`, label: 'Offers' },
        { to: `${base}/posts`, label: 'Posts' },
        { to: `${base}/invoices`, label: 'Invoices' },
        { to: `${base}/profile`, label: 'Profile' },
      ]}
      user={user}
      areas={areas}
      actingFor={switcher ? { current: { id: creator.id, name: creator.name }, options: switcher } : undefined}
    >
      <Outlet />
    </AppShell>
  )
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} />
}
