import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData } from '@remix-run/react'
import { EmailLinkRequest } from '#app/components/auth/email-link-request.tsx'
import { requestPasswordReset } from '#app/services/auth/request-password-reset.server.ts'
import { forgotPasswordSchema } from '#app/validation/auth.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction } from '#app/utils/responses.server.ts'

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
  return (
    <EmailLinkRequest
      result={useActionData<typeof action>()}
      title="Forgot your password?"
      intro="Enter your email and we will send you a link to choose a new one."
      sent="a link to choose a new password. It works once, for one hour."
      submitLabel="Send reset link"
    />
  )
}
