import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { EmailLinkRequest } from '#app/components/auth/email-link-request.tsx'
import { requestSignInLink } from '#app/services/auth/sign-in-link.server.ts'
import { signInLinkSchema } from '#app/validation/auth.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction } from '#app/utils/responses.server.ts'

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
  return (
    <EmailLinkRequest
      result={useActionData<typeof action>()}
      title="Sign in by email"
      intro="No password needed: we email you a link that signs you in once."
      sent="a link that signs you in. It works once, for 15 minutes."
      submitLabel="Email me a sign-in link"
    />
  )
}
