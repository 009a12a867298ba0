import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, Chip, DateTime, EmptyState, FormError, PageHeader } from '#app/components/ui.tsx'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { CONNECTOR_LABEL } from '#app/domain/connectors.ts'
import { CONNECTOR_PROMISE, CONNECTOR_SCOPES } from '#app/domain/connector-scopes.ts'
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
  return { connections, canManage, isSelf: actor.via.kind === 'self', creatorName: actor.creator.name }
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

/** What the creator reads about a lost connection: plain words, not the platform's error message. */
function lostWords(platform: string, status: 'expired' | 'revoked', reason: string | null) {
  if (status === 'expired') return `${platform}’s access ran out and could not be renewed, so Greenroom has stopped finding and measuring your posts there. Reconnect to carry on; numbers already read are kept.`
  if (reason === 'Disconnected') return 'You disconnected this account: Greenroom deleted its access and no longer reads it. Numbers already read are kept.'
  return `The access was removed on ${platform} (for example in its app or website settings), so Greenroom has stopped reading the account. Reconnect to carry on; numbers already read are kept.`
}

export default function Connections() {
  const { connections, canManage, isSelf, creatorName } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const connecting = useIsPending({ intent: 'connect' })
  const disconnecting = useIsPending({ intent: 'disconnect' })
  const first = creatorName.split(' ')[0]
  return (
    <>
      <PageHeader
        title="Connected accounts"
        subtitle={
          isSelf
            ? 'Connect an account and your live posts are found, checked and measured for you. You can still enter numbers by hand.'
            : `Connect ${creatorName}’s accounts and their live posts are found, checked and measured for them. Numbers can still be entered by hand.`
        }
      />
      <FormError errors={failure?.formError ?? null} />
      {connections.length === 0 ? (
        <EmptyState title="No platforms to connect yet">Greenroom has not been set up to connect accounts. Keep entering posts and numbers by hand.</EmptyState>
      ) : (
        <div className="stack">
          {connections.map((c) => {
            const label = CONNECTOR_LABEL[c.platform]
            return (
              <Card
                key={c.platform}
                title={
                  <span className="cluster">
                    {label}{' '}
                    {c.status === 'revoked' && c.statusReason !== 'Disconnected' ? <Chip tone="warning">Access removed</Chip> : <Chip tone={STATUS_TONE[c.status]}>{STATUS_LABEL[c.status]}</Chip>}
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
                      .
                    </p>
                    <p className="small muted">
                      {c.lastSyncedAt ? (
                        <>
                          Last read <DateTime value={c.lastSyncedAt} />. Greenroom reads the account every hour: posts to propose for your deliverables, their numbers, and your follower count.
                        </>
                      ) : (
                        'The first read is on its way (usually within a minute): posts to propose for your deliverables, their numbers, and your follower count. Then every hour.'
                      )}
                    </p>
                    {canManage ? (
                      <details className="confirm-disclosure">
                        <summary>Disconnect {label}…</summary>
                        <Form method="post" className="stack-sm">
                          <input type="hidden" name="intent" value="disconnect" />
                          <input type="hidden" name="platform" value={c.platform} />
                          <p className="small">
                            Greenroom deletes its access to @{c.username} right away. Posts are no longer found or measured from {label}; numbers already read are kept, and you can enter new ones
                            by hand or connect again later.
                          </p>
                          <Button type="submit" variant="danger" pending={disconnecting} pendingText="Disconnecting…">
                            Yes, disconnect {label}
                          </Button>
                        </Form>
                      </details>
                    ) : null}
                  </div>
                ) : (
                  <div className="stack-sm">
                    {c.status !== 'not_connected' ? (
                      <p className={c.status === 'expired' || c.statusReason !== 'Disconnected' ? 'callout callout-warning small' : 'small muted'} role="status">
                        {lostWords(label, c.status, c.statusReason)}
                      </p>
                    ) : null}
                    <p>{isSelf ? `If you connect, Greenroom asks ${label} for:` : `If ${first}’s ${label} is connected, Greenroom asks ${label} for:`}</p>
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
                        <Button type="submit" variant="primary" pending={connecting} pendingText={`Opening ${label}…`}>
                          {c.status === 'not_connected' ? 'Connect' : 'Reconnect'} {label}
                        </Button>
                      </Form>
                    ) : (
                      <p className="muted small">
                        Only {creatorName}, or an agency with the “Submit content” permission, can connect accounts. Ask {first} to connect {label}, or to give your agency that permission.
                      </p>
                    )}
                  </div>
                )}
              </Card>
            )
          })}
        </div>
      )}
    </>
  )
}
