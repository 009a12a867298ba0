import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Button, FormError } from '#app/components/ui.tsx'
import { requestMeta } from '#app/auth/guards.server.ts'
import { getUserAreas, homePathFor } from '#app/services/areas/get-user-areas.server.ts'
import { isSignInLinkValid, signInWithLink } from '#app/services/auth/sign-in-link.server.ts'
import { token as tokenSchema } from '#app/validation/fields.ts'
import { handleAction } from '#app/utils/responses.server.ts'
import { failureOf } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Sign in · Greenroom' }]

// Public: the token in the URL is the credential. Opening the link does not use it (mail scanners
// fetch links); the button below does.
export async function loader({ params }: LoaderFunctionArgs) {
  const token = tokenSchema.safeParse(params.token)
  return { valid: token.success ? await isSignInLinkValid(token.data) : false }
}

// Public: uses the link once and starts a new session.
export async function action(args: ActionFunctionArgs) {
  return handleAction(async () => {
    const token = tokenSchema.safeParse(args.params.token)
    if (!token.success) throw new Response('Not found', { status: 404 })
    const meta = requestMeta(args)
    const { userId, cookie } = await signInWithLink({ token: token.data, ip: meta.ip, userAgent: meta.userAgent })
    return redirect(homePathFor(await getUserAreas(userId)), { headers: { 'Set-Cookie': cookie } })
  })
}

export default function SignInWithLink() {
  const { valid } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const pending = useIsPending()
  if (!valid || failure) {
    return (
      <>
        <h1>This link no longer works</h1>
        <p>Sign-in links work once and expire after 15 minutes.</p>
        <FormError errors={failure?.formError} />
        <p className="auth-foot">
          <Link to="/sign-in-link">Send me a new link</Link>
        </p>
      </>
    )
  }
  return (
    <>
      <h1>Sign in to Greenroom</h1>
      <p className="muted">This link signs you in once, in this browser.</p>
      <Form method="post" className="stack">
        <Button type="submit" variant="primary" pending={pending} pendingText="Signing in…">
          Sign in
        </Button>
      </Form>
    </>
  )
}
