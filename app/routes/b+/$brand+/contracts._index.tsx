import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, DateTime, EmptyState, LinkButton, PageHeader } from '#app/components/ui.tsx'
import { roleCan } from '#app/auth/capabilities.ts'
import { ContractStatusChip } from '#app/components/contract-view.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { listBrandContracts } from '#app/services/contracts/list-brand-contracts.server.ts'

export const meta: MetaFunction = () => [{ title: 'Contracts · Greenroom' }]

// Every member of the brand may read its contracts.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.view')
  return { slug: actor.brand.slug, canEditTemplate: roleCan(actor.role, 'brand.settings'), contracts: await listBrandContracts(actor.brand.id) }
}

export default function ContractsPage() {
  const d = useLoaderData<typeof loader>()
  const waiting = d.contracts.filter((c) => c.status === 'awaiting_brand')
  return (
    <>
      <PageHeader
        title="Contracts"
        subtitle={waiting.length ? `${waiting.length} waiting for your countersignature` : 'One contract per accepted offer, made from your template.'}
        actions={d.canEditTemplate ? <LinkButton to={`/b/${d.slug}/contracts/template`}>Template and settings</LinkButton> : undefined}
      />
      {d.contracts.length === 0 ? <EmptyState title="No contracts yet">A contract is made when a creator accepts an offer. Send offers from a campaign.</EmptyState> : null}
      {d.contracts.length ? (
        <Card title="Current versions">
          <ul className="list">
            {d.contracts.map((c) => (
              <li key={c.id} className="list-row">
                <span className="cluster">
                  <Link to={`/b/${d.slug}/contracts/${c.id}`}>
                    {c.creatorName} · {c.campaignName} · v{c.version}
                  </Link>
                  <ContractStatusChip status={c.status} />
                  <span className="small muted">
                    <DateTime value={c.signedAt ?? c.createdAt} />
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  )
}
