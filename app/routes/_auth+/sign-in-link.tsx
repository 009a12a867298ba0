import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { Button, FormError, TextField } from '#app/components/ui.tsx'
import { requestSignInLink } from '#app/services/auth/sign-in-link.server.ts'
import { signInLinkSchema } from '#app/validation/auth.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Sign in by email · Greenroom' }]

// Public.
export async function loader(_args: LoaderFunctionArgs) {
  return null
}

// Public: always the same answer (and the same work), whether or not the email has an account.
export async function action({ request }: ActionFunctionArgs) {
  return handleAction(async () => {
    const { email } = await parseForm(request, signInLinkSchema)
    await requestSignInLink(email)
    return { ok: true as const, email }
  })
}

export default function SignInLink() {
  const result = useActionData<typeof action>()
  const failure = failureOf(result)
  const pending = useIsPending()
  if (result && 'email' in result) {
    return (
      <>
        <h1>Check your email</h1>
        <p>
          If an account exists for <strong>{result.email}</strong>, we sent a link that signs you in. It works once, for 15
          minutes.
        </p>
        <p className="auth-foot">
          <Link to="/login">Back to sign in</Link>
        </p>
      </>
    )
  }
  return (
    <>
      <h1>Sign in by email</h1>
      <p className="muted">No password needed: we email you a link that signs you in once.</p>
      <Form method="post" className="stack" noValidate>
        <FormError errors={failure && !failure.fieldErrors.email ? failure.formError : null} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required error={fieldError(failure, 'email')} />
        <Button type="submit" variant="primary" pending={pending} pendingText="Sending…">
          Email me a sign-in link
        </Button>
      </Form>
      <p className="auth-foot">
        <Link to="/login">Back to sign in</Link>
      </p>
    </>
  )
}
