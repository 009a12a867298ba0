import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, EmptyState, FormError, PageHeader, StatusChip, TextField } from '#app/components/ui.tsx'
import { PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'
import { roleCan } from '#app/auth/capabilities.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { inviteCreator } from '#app/services/invitations/invite-creator.server.ts'
import { listRoster } from '#app/services/roster/list-roster.server.ts'
import { inviteSchema } from '#app/validation/auth.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { InvalidInputError } from '#app/utils/errors.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Roster · Greenroom' }]

// Members who may see the roster (admin, manager, viewer).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'roster.view')
  return { canEdit: roleCan(actor.role, 'roster.edit'), roster: await listRoster(actor.brand.id) }
}

// Managers and admins: add a creator by email (an account invitation when they have no login yet).
export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'roster.edit')
  return handleAction(async () => {
    const input = await parseForm(args.request, inviteSchema)
    if (input.intent !== 'invite-creator') throw new InvalidInputError('Invite team members from the members page.')
    const result = await inviteCreator(actor, input)
    const msg = result.invited
      ? `${input.name} is on your roster and has been emailed an invitation.`
      : result.addedToRoster
        ? `${input.name} already has a Greenroom account and is now on your roster.`
        : `${input.name} was already on your roster.`
    return redirectWithFlash(`/b/${actor.brand.slug}/roster`, msg)
  })
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })

export default function Roster() {
  const { roster, canEdit } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const pending = useIsPending({ intent: 'invite-creator' })
  return (
    <>
      <PageHeader title="Roster" subtitle="Every creator your brand works with or is considering." />
      <div className={canEdit ? 'grid-2 grid-wide-left' : ''}>
        <Card title={`Creators (${roster.length})`}>
          {roster.length === 0 ? (
            <EmptyState title="No creators yet">Invite the first creator with their email address: they get a link to set up their account.</EmptyState>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Creator</th>
                    <th scope="col">Platforms</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {roster.map((r) => (
                    <tr key={r.entryId}>
                      <td>
                        <Link to={`${r.creatorId}/accounts`} className="strong">
                          {r.name}
                        </Link>
                        <div className="muted small">
                          {r.email}
                          {r.hasAccount ? '' : ' · invited'}
                        </div>
                      </td>
                      <td>
                        {r.accounts.length === 0 ? (
                          <span className="muted">—</span>
                        ) : (
                          <ul className="plain">
                            {r.accounts.map((a) => (
                              <li key={`${a.platform}:${a.handle}`}>
                                {PLATFORM_LABEL[a.platform as Platform] ?? a.platform} @{a.handle}{' '}
                                <span className="muted num">{compact.format(a.followers)}</span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td>
                        <StatusChip status={r.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        {canEdit ? (
          <Card title="Invite a creator">
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="invite-creator" />
              <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
              <TextField label="Name" name="name" required error={fieldError(failure, 'name')} />
              <TextField label="Email" name="email" type="email" required error={fieldError(failure, 'email')} />
              <Button type="submit" variant="primary" pending={pending} pendingText="Inviting…">
                Add to roster and invite
              </Button>
            </Form>
          </Card>
        ) : null}
      </div>
    </>
  )
}
