import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useSearchParams } from '@remix-run/react'
import { Button, FormError, TextField } from '#app/components/ui.tsx'
import { getOptionalUser, requestMeta } from '#app/auth/guards.server.ts'
import { getUserAreas, homePathFor } from '#app/services/areas/get-user-areas.server.ts'
import { login } from '#app/services/auth/login.server.ts'
import { loginSchema } from '#app/validation/auth.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Sign in · Greenroom' }]

// Public: anyone may see the sign-in form; a signed-in person is sent home.
export async function loader(args: LoaderFunctionArgs) {
  const user = await getOptionalUser(args)
  if (user) throw redirect(homePathFor(await getUserAreas(user.id)))
  return null
}

// Public: checks credentials (throttled) and starts a new session.
export async function action(args: ActionFunctionArgs) {
  return handleAction(async () => {
    const input = await parseForm(args.request, loginSchema)
    const meta = requestMeta(args)
    const { userId, cookie } = await login({ ...input, ip: meta.ip, userAgent: meta.userAgent })
    const to = input.redirectTo ?? homePathFor(await getUserAreas(userId))
    return redirect(to, { headers: { 'Set-Cookie': cookie } })
  })
}

export default function Login() {
  const failure = failureOf(useActionData<typeof action>())
  const [params] = useSearchParams()
  const pending = useIsPending()
  return (
    <>
      <h1>Sign in</h1>
      <p className="muted">Creators, agents, brand teams and finance all sign in here.</p>
      <Form method="post" className="stack" noValidate>
        <FormError errors={failure?.formError && !failure.fieldErrors.password ? failure.formError : null} />
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required error={fieldError(failure, 'email')} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldError(failure, 'password')}
        />
        <Button type="submit" variant="primary" pending={pending} pendingText="Signing in…">
          Sign in
        </Button>
      </Form>
      <p className="auth-foot">
        <Link to="/forgot-password">Forgot your password?</Link> · <Link to="/sign-in-link">Email me a sign-in link</Link>
      </p>
      <p className="muted small">New here? Brands invite their team and creators by email: use the link in your invitation.</p>
    </>
  )
}
