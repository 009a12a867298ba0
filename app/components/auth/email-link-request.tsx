import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Button, FormError, TextField } from '#app/components/ui.tsx'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

/**
 * "Email me a link" pages (forgot password, sign in by email): the email form, then the same answer
 * whether or not the email has an account.
 */
export function EmailLinkRequest({
  result,
  title,
  intro,
  sent,
  submitLabel,
}: {
  /** The action's answer: `{ ok, email }` once sent, the failure shape when refused. */
  result: unknown
  title: string
  intro: string
  /** What the link does and how long it works, after "If an account exists for <email>, we sent …". */
  sent: ReactNode
  submitLabel: string
}) {
  const failure = failureOf(result)
  const pending = useIsPending()
  const sentTo = result && typeof result === 'object' && 'email' in result && typeof result.email === 'string' ? result.email : null
  if (sentTo !== null) {
    return (
      <>
        <h1>Check your email</h1>
        <p>
          If an account exists for <strong>{sentTo}</strong>, we sent {sent}
        </p>
        <p className="auth-foot">
          <Link to="/login">Back to sign in</Link>
        </p>
      </>
    )
  }
  return (
    <>
      <h1>{title}</h1>
      <p className="muted">{intro}</p>
      <Form method="post" className="stack" noValidate>
        <FormError errors={failure && !failure.fieldErrors.email ? failure.formError : null} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required error={fieldError(failure, 'email')} />
        <Button type="submit" variant="primary" pending={pending} pendingText="Sending…">
          {submitLabel}
        </Button>
      </Form>
      <p className="auth-foot">
        <Link to="/login">Back to sign in</Link>
      </p>
    </>
  )
}
