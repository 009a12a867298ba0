import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { Button, FormError, TextField } from '#app/components/ui.tsx'
import { requestPasswordReset } from '#app/services/auth/request-password-reset.server.ts'
import { forgotPasswordSchema } from '#app/validation/auth.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Reset your password · Greenroom' }]

// Public.
export async function loader(_args: LoaderFunctionArgs) {
  return null
}

// Public: always the same answer, whether or not the email has an account.
export async function action({ request }: ActionFunctionArgs) {
  return handleAction(async () => {
    const { email } = await parseForm(request, forgotPasswordSchema)
    await requestPasswordReset(email)
    return { ok: true as const, email }
  })
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>()
  const failure = failureOf(result)
  const pending = useIsPending()
  if (result && 'email' in result) {
    return (
      <>
        <h1>Check your email</h1>
        <p>
          If an account exists for <strong>{result.email}</strong>, we sent a link to choose a new password. It works once, for
          one hour.
        </p>
        <p className="auth-foot">
          <Link to="/login">Back to sign in</Link>
        </p>
      </>
    )
  }
  return (
    <>
      <h1>Forgot your password?</h1>
      <p className="muted">Enter your email and we will send you a link to choose a new one.</p>
      <Form method="post" className="stack" noValidate>
        <FormError errors={failure && !failure.fieldErrors.email ? failure.formError : null} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required error={fieldError(failure, 'email')} />
        <Button type="submit" variant="primary" pending={pending} pendingText="Sending…">
          Send reset link
        </Button>
      </Form>
      <p className="auth-foot">
        <Link to="/login">Back to sign in</Link>
      </p>
    </>
  )
}
