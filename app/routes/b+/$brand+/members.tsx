import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, Chip, DateTime, FormError, PageHeader, SelectField, TextField } from '#app/components/ui.tsx'
import { ROLE_LABEL } from '#app/auth/capabilities.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { BRAND_ROLES } from '#app/domain/roles.ts'
import { inviteBrandMember } from '#app/services/invitations/invite-brand-member.server.ts'
import { listBrandMembers } from '#app/services/invitations/list-brand-members.server.ts'
import { revokeInvitation } from '#app/services/invitations/revoke-invitation.server.ts'
import { inviteSchema } from '#app/validation/auth.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { InvalidInputError } from '#app/utils/errors.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Members · Greenroom' }]

// Brand admins only.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.members')
  return { brandName: actor.brand.name, ...(await listBrandMembers(actor.brand.id)) }
}

// Brand admins only: invite a member with a role, or withdraw an open invitation.
export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.members')
  return handleAction(async () => {
    const input = await parseForm(args.request, inviteSchema)
    const here = `/b/${actor.brand.slug}/members`
    switch (input.intent) {
      case 'invite-member':
        await inviteBrandMember(actor, input)
        return redirectWithFlash(here, `Invitation sent to ${input.email}.`)
      case 'revoke-invitation':
        await revokeInvitation(actor, input.invitationId)
        return redirectWithFlash(here, 'Invitation withdrawn.')
      default:
        throw new InvalidInputError('Invite creators from the roster page.')
    }
  })
}

export default function Members() {
  const { brandName, members, pending } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const inviting = useIsPending({ intent: 'invite-member' })
  return (
    <>
      <PageHeader title="Members" subtitle={`Who works on ${brandName} in Greenroom, and what each role may do.`} />
      <div className="grid-2">
        <Card title={`Team (${members.length})`}>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Since</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <strong>{m.name}</strong>
                      <div className="muted small">{m.email}</div>
                    </td>
                    <td>
                      <Chip tone="neutral">{ROLE_LABEL[m.role]}</Chip>
                    </td>
                    <td>
                      <DateTime value={m.since} dateOnly />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        <Card title="Invite a team member">
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="invite-member" />
            <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
            <TextField label="Email" name="email" type="email" required error={fieldError(failure, 'email')} />
            <SelectField
              label="Role"
              name="role"
              defaultValue="manager"
              options={BRAND_ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
              hint="Admins manage members and settings; managers run campaigns and review content; finance pays invoices; viewers only look."
              error={fieldError(failure, 'role')}
            />
            <Button type="submit" variant="primary" pending={inviting} pendingText="Sending…">
              Send invitation
            </Button>
          </Form>
        </Card>
      </div>
      <Card title={`Open invitations (${pending.length})`}>
        {pending.length === 0 ? (
          <p className="muted">No open invitations. Invitations expire after 7 days.</p>
        ) : (
          <ul className="list">
            {pending.map((inv) => (
              <li key={inv.id} className="list-row">
                <div>
                  <strong>{inv.email}</strong>{' '}
                  <span className="muted small">
                    {inv.kind === 'creator' ? 'creator' : ROLE_LABEL[inv.role ?? 'viewer']} · expires <DateTime value={inv.expiresAt} dateOnly />
                  </span>
                </div>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke-invitation" />
                  <input type="hidden" name="invitationId" value={inv.id} />
                  <Button type="submit" variant="ghost">
                    Withdraw
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  )
}
