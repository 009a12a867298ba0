import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, Chip, DateTime, EmptyState, FormError, PageHeader } from '#app/components/ui.tsx'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { CONNECTOR_LABEL, CONNECTOR_PROMISE, CONNECTOR_SCOPES } from '#app/domain/connectors.ts'
import { disconnect, listConnections, parsePlatform, startConnect } from '#app/services/connectors/connections.server.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { connectionActionSchema } from '#app/validation/connections.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Connected accounts · Greenroom' }]

// The creator, or an agent (connecting and disconnecting need the "Submit content" permission).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  const connections = await listConnections(actor.creator.id)
  const canManage = actor.via.kind === 'self' || actor.via.scopes.includes('submit_content')
  return { connections, canManage, creatorName: actor.creator.name }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireCreatorActor(args, 'submit_content')
  const here = `/c/${actor.creator.id}/connections`
  return handleAction(async () => {
    const input = await parseForm(args.request, connectionActionSchema)
    const platform = parsePlatform(input.platform)
    if (input.intent === 'connect') return redirect(await startConnect(actor, platform))
    const r = await disconnect(actor, platform)
    return redirectWithFlash(here, `${CONNECTOR_LABEL[platform]}${r.username ? ` (@${r.username})` : ''} disconnected. Greenroom deleted its access and no longer reads the account.`)
  })
}

const STATUS_TONE = { connected: 'success', expired: 'warning', revoked: 'neutral', not_connected: 'neutral' } as const
const STATUS_LABEL = { connected: 'Connected', expired: 'Expired', revoked: 'Disconnected', not_connected: 'Not connected' } as const

export default function Connections() {
  const { connections, canManage } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const connecting = useIsPending({ intent: 'connect' })
  const disconnecting = useIsPending({ intent: 'disconnect' })
  return (
    <>
      <PageHeader title="Connected accounts" subtitle="Connect an account and your live posts are found, checked and measured for you. You can still enter numbers by hand." />
      <FormError errors={failure?.formError ?? null} />
      {connections.length === 0 ? (
        <EmptyState title="No platforms to connect yet">Greenroom has not been set up to connect accounts. Keep entering your posts and numbers by hand.</EmptyState>
      ) : (
        <div className="stack">
          {connections.map((c) => (
            <Card
              key={c.platform}
              title={
                <span className="cluster">
                  {CONNECTOR_LABEL[c.platform]} <Chip tone={STATUS_TONE[c.status]}>{STATUS_LABEL[c.status]}</Chip>
                </span>
              }
            >
              {c.status === 'connected' ? (
                <div className="stack-sm">
                  <p>
                    Connected as <strong>@{c.username}</strong>
                    {c.connectedAt ? (
                      <>
                        {' '}
                        since <DateTime value={c.connectedAt} dateOnly />
                      </>
                    ) : null}
                    {c.lastSyncedAt ? (
                      <>
                        {' '}
                        · last read <DateTime value={c.lastSyncedAt} />
                      </>
                    ) : null}
                    .
                  </p>
                  {canManage ? (
                    <Form method="post" onSubmit={(e) => !confirm(`Disconnect ${CONNECTOR_LABEL[c.platform]}? Greenroom deletes its access right away.`) && e.preventDefault()}>
                      <input type="hidden" name="intent" value="disconnect" />
                      <input type="hidden" name="platform" value={c.platform} />
                      <Button type="submit" variant="secondary" pending={disconnecting} pendingText="Disconnecting…">
                        Disconnect {CONNECTOR_LABEL[c.platform]}
                      </Button>
                    </Form>
                  ) : null}
                </div>
              ) : (
                <div className="stack-sm">
                  {c.status === 'expired' ? <p role="status">Access expired: {c.statusReason ?? 'reconnect to keep posts measured.'}</p> : null}
                  <p>If you connect, Greenroom asks {CONNECTOR_LABEL[c.platform]} for:</p>
                  <ul>
                    {CONNECTOR_SCOPES[c.platform].map((s) => (
                      <li key={s.scope}>
                        {s.means} <span className="muted small">({s.scope})</span>
                      </li>
                    ))}
                  </ul>
                  <p className="muted small">{CONNECTOR_PROMISE}</p>
                  {canManage ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="connect" />
                      <input type="hidden" name="platform" value={c.platform} />
                      <Button type="submit" variant="primary" pending={connecting} pendingText="Opening…">
                        {c.status === 'not_connected' ? 'Connect' : 'Reconnect'} {CONNECTOR_LABEL[c.platform]}
                      </Button>
                    </Form>
                  ) : (
                    <p className="muted small">Only the creator, or an agency with the “Submit content” permission, can connect accounts.</p>
                  )}
                </div>
              )}
            </Card>
          ))}
        </div>
      )}
    </>
  )
}
