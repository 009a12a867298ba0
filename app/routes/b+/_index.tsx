import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EmptyState } from '#app/components/ui.tsx'
import { ROLE_LABEL } from '#app/auth/capabilities.ts'
import { requireUser } from '#app/auth/guards.server.ts'
import { getUserAreas } from '#app/services/areas/get-user-areas.server.ts'

export const meta: MetaFunction = () => [{ title: 'Your brands · Greenroom' }]

// Any signed-in user: lists only the brands they belong to.
export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args)
  const areas = await getUserAreas(user.id)
  if (areas.brands.length === 1) {
    const b = areas.brands[0]!
    throw redirect(b.role === 'finance' ? `/pay/${b.slug}` : `/b/${b.slug}`)
  }
  return { brands: areas.brands }
}

export default function BrandChooser() {
  const { brands } = useLoaderData<typeof loader>()
  return (
    <main id="main" className="chooser">
      <h1>Choose a brand</h1>
      {brands.length === 0 ? (
        <EmptyState title="You are not a member of any brand yet">Ask a brand admin to invite you by email.</EmptyState>
      ) : (
        <ul className="chooser-list">
          {brands.map((b) => (
            <li key={b.slug}>
              <Link to={b.role === 'finance' ? `/pay/${b.slug}` : `/b/${b.slug}`} className="card chooser-item">
                <strong>{b.name}</strong>
                <span className="muted">{ROLE_LABEL[b.role]}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}
