import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Button, FormError, TextField } from '#app/components/ui.tsx'
import { requestMeta } from '#app/auth/guards.server.ts'
import { getUserAreas, homePathFor } from '#app/services/areas/get-user-areas.server.ts'
import { findValidReset, resetPassword } from '#app/services/auth/reset-password.server.ts'
import { resetPasswordSchema } from '#app/validation/auth.ts'
import { token as tokenSchema } from '#app/validation/fields.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Choose a new password · Greenroom' }]

// Public: the token in the URL is the credential.
export async function loader({ params }: LoaderFunctionArgs) {
  const token = tokenSchema.safeParse(params.token)
  const valid = token.success ? Boolean(await findValidReset(token.data)) : false
  return { valid }
}

// Public: uses the token once, ends every other session, signs this browser in.
export async function action(args: ActionFunctionArgs) {
  return handleAction(async () => {
    const token = tokenSchema.safeParse(args.params.token)
    if (!token.success) throw new Response('Not found', { status: 404 })
    const { password } = await parseForm(args.request, resetPasswordSchema)
    const meta = requestMeta(args)
    const { userId, cookie } = await resetPassword({ token: token.data, password, ip: meta.ip, userAgent: meta.userAgent })
    return redirectWithFlash(homePathFor(await getUserAreas(userId)), 'Your password is changed and you are signed in.', {
      headers: { 'Set-Cookie': cookie },
    })
  })
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const pending = useIsPending()
  if (!valid) {
    return (
      <>
        <h1>This link no longer works</h1>
        <p>Reset links work once and expire after an hour.</p>
        <p className="auth-foot">
          <Link to="/forgot-password">Send me a new link</Link>
        </p>
      </>
    )
  }
  return (
    <>
      <h1>Choose a new password</h1>
      <p className="muted">At least 10 characters. Signing in with it ends your other sessions.</p>
      <Form method="post" className="stack" noValidate>
        <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
        <TextField label="New password" name="password" type="password" autoComplete="new-password" required error={fieldError(failure, 'password')} />
        <TextField label="Type it again" name="confirm" type="password" autoComplete="new-password" required error={fieldError(failure, 'confirm')} />
        <Button type="submit" variant="primary" pending={pending} pendingText="Saving…">
          Save and sign in
        </Button>
      </Form>
    </>
  )
}
