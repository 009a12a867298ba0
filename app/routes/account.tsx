import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AppShell } from '#app/components/app-shell.tsx'
import { Button, Card, FormError, PageHeader, TextField } from '#app/components/ui.tsx'
import { requireUser } from '#app/auth/guards.server.ts'
import { getUserAreas } from '#app/services/areas/get-user-areas.server.ts'
import { changePassword } from '#app/services/auth/change-password.server.ts'
import { areaLinks } from '#app/utils/areas.ts'
import { changePasswordSchema } from '#app/validation/auth.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Your account · Greenroom' }]

// Any signed-in user: their own account only.
export async function loader(args: LoaderFunctionArgs) {
  const { user } = await requireUser(args)
  const areas = await getUserAreas(user.id)
  return { user, areas: areaLinks(areas, { kind: 'account' }) }
}

// Any signed-in user: change their own password (ends every other session).
export async function action(args: ActionFunctionArgs) {
  const actor = await requireUser(args)
  return handleAction(async () => {
    const input = await parseForm(args.request, changePasswordSchema)
    const cookie = await changePassword({ ...actor.audit, userId: actor.user.id }, input)
    return redirectWithFlash('/account', 'Password changed. You were signed out everywhere else.', { headers: { 'Set-Cookie': cookie } })
  })
}

export default function Account() {
  const { user, areas } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const pending = useIsPending()
  return (
    <AppShell area="account" title="Your account" nav={[{ to: '/account', label: 'Account', end: true }]} user={user} areas={areas}>
      <PageHeader title="Your account" subtitle={`${user.name} · ${user.email}`} />
      <Card title="Change password">
        <Form method="post" className="stack narrow" noValidate>
          <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
          <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fieldError(failure, 'currentPassword')} />
          <TextField label="New password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters." error={fieldError(failure, 'password')} />
          <TextField label="Type it again" name="confirm" type="password" autoComplete="new-password" required error={fieldError(failure, 'confirm')} />
          <Button type="submit" variant="primary" pending={pending} pendingText="Saving…">
            Change password
          </Button>
        </Form>
      </Card>
    </AppShell>
  )
}
