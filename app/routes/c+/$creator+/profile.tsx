import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Button, Card, Chip, DateTime, EmptyState, PageHeader } from '#app/components/ui.tsx'
import { PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'
import { GRANT_SCOPE_LABEL } from '#app/auth/capabilities.ts'
import { notFound, requireCreatorActor } from '#app/auth/guards.server.ts'
import { getCreatorProfile } from '#app/services/creators/get-creator-profile.server.ts'
import { revokeAgentGrant } from '#app/services/creators/revoke-agent-grant.server.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'

export const meta: MetaFunction = () => [{ title: 'Profile · Greenroom' }]

// The creator, or an agent acting for them (read only for agents).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  const profile = await getCreatorProfile(actor.creator.id)
  if (!profile) notFound()
  return { ...profile, isSelf: actor.via.kind === 'self' }
}

const profileActionSchema = z.object({ intent: z.literal('revoke-grant'), grantId: z.string().min(1).max(64) })

// The creator only (the service refuses agents): revoke an agency's access.
export async function action(args: ActionFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  return handleAction(async () => {
    const input = await parseForm(args.request, profileActionSchema)
    await revokeAgentGrant(actor, input.grantId)
    return redirectWithFlash(`/c/${actor.creator.id}/profile`, 'Access revoked. The agency can no longer act for you.')
  })
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })

export default function Profile() {
  const { creator, accounts, grants, isSelf } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Profile" subtitle="What brands you work with see about you." />
      <div className="grid-2">
        <Card title="Contact">
          <dl className="dl">
            <dt>Name</dt>
            <dd>{creator.name}</dd>
            <dt>Email</dt>
            <dd>{creator.email}</dd>
            <dt>Phone</dt>
            <dd>{creator.phone ?? <span className="muted">Not given</span>}</dd>
          </dl>
        </Card>
        <Card title="Social accounts">
          {accounts.length === 0 ? (
            <EmptyState title="No accounts yet">Brands add your handles when they invite you.</EmptyState>
          ) : (
            <ul className="list">
              {accounts.map((a) => (
                <li key={a.id} className="list-row">
                  <span>
                    <strong>{PLATFORM_LABEL[a.platform as Platform] ?? a.platform}</strong> @{a.handle}
                  </span>
                  <span className="num">{compact.format(a.followers)} followers</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title="Agencies with access">
        {grants.length === 0 ? (
          <p className="muted">No agency can act for you.</p>
        ) : (
          <ul className="list">
            {grants.map((g) => (
              <li key={g.id} className="list-row">
                <div className="stack-sm">
                  <strong>{g.agencyName}</strong>
                  <span className="cluster">
                    {g.scopes.map((s) => (
                      <Chip key={s} tone="info">
                        {GRANT_SCOPE_LABEL[s]}
                      </Chip>
                    ))}
                    {g.agencyInvoices ? <Chip tone="neutral">Invoices to the agency</Chip> : null}
                  </span>
                  <span className="muted small">
                    Since <DateTime value={g.grantedAt} dateOnly />
                  </span>
                </div>
                {isSelf ? (
                  <Form method="post" onSubmit={(e) => !confirm(`Revoke ${g.agencyName}'s access? They will no longer be able to act for you.`) && e.preventDefault()}>
                    <input type="hidden" name="intent" value="revoke-grant" />
                    <input type="hidden" name="grantId" value={g.id} />
                    <Button type="submit" variant="danger">
                      Revoke
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  )
}
