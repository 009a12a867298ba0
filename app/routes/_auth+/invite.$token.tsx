import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { Button, FormError, TextField } from '#app/components/ui.tsx'
import { ROLE_LABEL } from '#app/auth/capabilities.ts'
import { getOptionalUser, requestMeta } from '#app/auth/guards.server.ts'
import { getUserAreas, homePathFor } from '#app/services/areas/get-user-areas.server.ts'
import { acceptInvitation } from '#app/services/invitations/accept-invitation.server.ts'
import { getInvitation } from '#app/services/invitations/get-invitation.server.ts'
import { acceptInvitationSchema } from '#app/validation/auth.ts'
import { token as tokenSchema } from '#app/validation/fields.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Your invitation · Greenroom' }]

// Public: the token in the URL is the credential; shows only what the invitation says.
export async function loader(args: LoaderFunctionArgs) {
  const token = tokenSchema.safeParse(args.params.token)
  const found = token.success ? await getInvitation(token.data) : null
  const user = await getOptionalUser(args)
  if (!found) return { invitation: null, user }
  const inv = found.invitation
  return {
    user,
    invitation: {
      kind: inv.kind,
      email: inv.email,
      name: inv.name,
      role: inv.role,
      brandName: found.brandName,
      agencyName: found.agencyName,
      accountExists: found.accountExists,
    },
  }
}

// Public: creates the account (or attaches to the signed-in one) and uses the invitation once.
export async function action(args: ActionFunctionArgs) {
  return handleAction(async () => {
    const token = tokenSchema.safeParse(args.params.token)
    if (!token.success) throw new Response('Not found', { status: 404 })
    const input = await parseForm(args.request, acceptInvitationSchema)
    const meta = requestMeta(args)
    let userId: string
    let cookie: string | null = null
    if (input.intent === 'attach') {
      const user = await getOptionalUser(args)
      if (!user) return redirectWithFlash(`/login?redirectTo=/invite/${token.data}`, 'Sign in to accept your invitation.', { tone: 'info' })
      ;({ userId } = await acceptInvitation({ mode: 'attach', token: token.data, userId: user.id, meta }))
    } else {
      ;({ userId, cookie } = await acceptInvitation({ mode: 'create', token: token.data, name: input.name, password: input.password, meta }))
    }
    return redirectWithFlash(homePathFor(await getUserAreas(userId)), 'Welcome to Greenroom! Your invitation is accepted.', {
      headers: cookie ? { 'Set-Cookie': cookie } : {},
    })
  })
}

export default function Invite() {
  const { invitation, user } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const pending = useIsPending()
  if (!invitation) {
    return (
      <>
        <h1>This invitation no longer works</h1>
        <p>Invitations expire after 7 days and work once. Ask the person who invited you to send a new one.</p>
        <p className="auth-foot">
          <Link to="/login">Go to sign in</Link>
        </p>
      </>
    )
  }
  const purpose =
    invitation.kind === 'brand_member'
      ? `join ${invitation.brandName} as ${ROLE_LABEL[invitation.role ?? 'viewer'].toLowerCase()}`
      : invitation.kind === 'creator'
        ? `work with ${invitation.brandName ?? 'a brand'} as a creator`
        : `join ${invitation.agencyName} as an agent`
  return (
    <>
      <h1>You're invited</h1>
      <p>
        You were invited to <strong>{purpose}</strong> on Greenroom. The invitation was sent to <strong>{invitation.email}</strong>.
      </p>
      <FormError errors={failure?.formError && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
      {user ? (
        <Form method="post" className="stack">
          {user.email.toLowerCase() === invitation.email.toLowerCase() ? (
            <p className="muted">
              You are signed in as {user.name} ({user.email}). Accepting adds this invitation to that account.
            </p>
          ) : (
            <p className="callout callout-warning" role="status">
              This invitation was sent to <strong>{invitation.email}</strong>, and you are signed in as <strong>{user.email}</strong>. Only the invited person can accept it: if
              that is not you, sign out and open the link again as {invitation.email}. The invitation stays valid.
            </p>
          )}
          <input type="hidden" name="intent" value="attach" />
          <Button type="submit" variant="primary" pending={pending} pendingText="Accepting…">
            Accept invitation
          </Button>
        </Form>
      ) : invitation.accountExists ? (
        <div className="stack">
          <p>You already have a Greenroom account with this email. Sign in and the invitation is added to it.</p>
          <SignInToAccept />
        </div>
      ) : (
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="create" />
          <TextField label="Your name" name="name" autoComplete="name" defaultValue={invitation.name ?? ''} required error={fieldError(failure, 'name')} />
          <TextField label="Email" name="email-display" value={invitation.email} readOnly disabled hint="From the invitation" />
          <TextField label="Choose a password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters." error={fieldError(failure, 'password')} />
          <TextField label="Type it again" name="confirm" type="password" autoComplete="new-password" required error={fieldError(failure, 'confirm')} />
          <Button type="submit" variant="primary" pending={pending} pendingText="Creating your account…">
            Create account and accept
          </Button>
        </Form>
      )}
    </>
  )
}

function SignInToAccept() {
  const { pathname } = useLocation()
  return (
    <Link className="btn btn-primary" to={`/login?${new URLSearchParams({ redirectTo: pathname })}`}>
      Sign in to accept
    </Link>
  )
}
