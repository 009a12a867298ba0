import { Form } from '@remix-run/react'
import { Button, TextareaField } from '#app/components/ui.tsx'
import type { TaxFormMismatch } from '#app/domain/tax-forms.ts'

/**
 * Verify / Reject for one submitted tax form. When the form does not fit its payee the mismatch is
 * said plainly first: a blocking one leaves only Reject; another needs the clerk's reason to verify.
 */
export function TaxFormDecision({
  form,
  pending,
  reasonError,
  reasonValue,
}: {
  form: { id: string; kind: string; legalName: string; mismatches: TaxFormMismatch[] }
  pending: 'verify' | 'reject' | null
  reasonError?: string
  reasonValue?: string
}) {
  const blocked = form.mismatches.some((m) => m.blocking)
  const needsReason = !blocked && form.mismatches.length > 0
  // A form that can never be this payee's: say only why (not the name check, which would invite verifying).
  const shown = blocked ? form.mismatches.filter((m) => m.blocking) : form.mismatches
  return (
    <Form
      method="post"
      className="stack-sm"
      onSubmit={(e) => {
        const verb = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'reject' ? 'Reject' : 'Verify'
        if (!confirm(`${verb} the ${form.kind} of ${form.legalName}? ${verb === 'Verify' ? 'Their invoices can then match.' : 'They will need to upload a new form.'}`)) e.preventDefault()
      }}
    >
      <input type="hidden" name="formId" value={form.id} />
      {shown.length ? (
        <div className={`callout ${blocked ? 'callout-danger' : 'callout-warning'} small`} id={`mismatch-${form.id}`}>
          <p className="callout-title">{blocked ? 'Not this payee’s form' : 'Does not match the payee'}</p>
          <ul>
            {shown.map((m) => (
              <li key={m.on}>{m.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {needsReason ? (
        <TextareaField
          label="Why it is right anyway"
          name="reason"
          rows={2}
          echo={false}
          defaultValue={reasonValue}
          error={reasonError}
          hint="Kept in the audit log with the mismatch."
          aria-describedby={`mismatch-${form.id}`}
        />
      ) : null}
      <div className="cluster">
        {blocked ? null : (
          <Button type="submit" name="intent" value="verify" variant="primary" pending={pending === 'verify'} pendingText="Verifying…">
            {needsReason ? 'Verify anyway' : 'Verify'}
          </Button>
        )}
        <Button type="submit" name="intent" value="reject" variant={blocked ? 'primary' : 'secondary'} pending={pending === 'reject'} pendingText="Rejecting…">
          Reject
        </Button>
      </div>
    </Form>
  )
}
