import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Card, EmptyState, PageHeader } from '#app/components/ui.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'

export const meta: MetaFunction = () => [{ title: 'Payables · Greenroom' }]

// Finance only.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'payables.view')
  return { brandName: actor.brand.name }
}

export default function PayablesQueue() {
  const { brandName } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Invoice queue" subtitle={`Approved, matched invoices for ${brandName}, oldest due first.`} />
      <Card>
        <EmptyState title="No invoices to pay">
          Invoices appear here once a creator submits one and a manager approves it. Each is matched against its contract and
          delivered posts before you see it.
        </EmptyState>
      </Card>
    </>
  )
}
