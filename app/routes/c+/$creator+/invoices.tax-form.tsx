import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useParams } from '@remix-run/react'
import { Button, Card, FormError, PageHeader, SelectField, StatusChip, TextField } from '#app/components/ui.tsx'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { getTaxFormPage } from '#app/services/tax/get-tax-form-page.server.ts'
import { submitTaxForm } from '#app/services/tax/submit-tax-form.server.ts'
import { uploadRules } from '#app/services/files/limits.server.ts'
import { echoValues } from '#app/utils/echo-values.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Tax form · Greenroom' }]

// The creator, or an agent with the 'invoice' permission (the form is the payee's: the agency's when it invoices).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'invoice')
  return { ...(await getTaxFormPage(actor.creator)), upload: uploadRules('tax_form') }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireCreatorActor(args, 'invoice')
  // The text fields as sent, echoed back with a refusal so nothing typed is lost (files never are echoed).
  let fields: FormData | null = null
  const result = await handleAction(async () => {
    await submitTaxForm(actor, args.request, (f) => (fields = f))
    return redirectWithFlash(`/c/${actor.creator.id}/invoices/tax-form`, 'Tax form uploaded. Finance verifies it before your first payment.')
  })
  return fields ? echoValues(result, fields) : result
}

export default function TaxForm() {
  const creatorId = useParams().creator ?? ''
  const { payee, form, upload } = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const pending = useIsPending()
  return (
    <>
      <PageHeader title="Tax form" subtitle={`The form on file for ${payee.name}${payee.kind === 'agency' ? ' (your agency invoices for you)' : ''}.`} back={{ to: `/c/${creatorId}/invoices`, label: 'Invoices' }} />
      <div className="grid-2">
        <Card title="On file">
          {form ? (
            <dl className="dl">
              <dt>Form</dt>
              <dd>{form.kind}</dd>
              <dt>Legal name</dt>
              <dd>{form.legalName}</dd>
              <dt>Status</dt>
              <dd>
                <StatusChip status={form.status} />
              </dd>
              <dt>Uploaded</dt>
              <dd>{form.createdAt}</dd>
            </dl>
          ) : (
            <p>No tax form yet. Brands need one before they can pay you.</p>
          )}
        </Card>
        <Card title={form ? 'Upload a new form' : 'Upload your form'}>
          <Form method="post" encType="multipart/form-data" className="stack" noValidate>
            <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
            <SelectField
              label="Form"
              name="kind"
              required
              options={[
                { value: 'W-9', label: 'W-9 (US person or business)' },
                { value: 'W-8BEN', label: 'W-8BEN (non-US individual)' },
                { value: 'W-8BEN-E', label: 'W-8BEN-E (non-US business)' },
              ]}
              error={fieldError(failure, 'kind')}
            />
            <TextField label="Legal name" name="legalName" required hint="Exactly as on the form." error={fieldError(failure, 'legalName')} />
            <SelectField
              label="Entity type"
              name="entityType"
              required
              options={[
                { value: 'individual', label: 'Individual' },
                { value: 'sole_proprietor', label: 'Sole proprietor' },
                { value: 'llc', label: 'LLC' },
                { value: 'corporation', label: 'Corporation' },
                { value: 'partnership', label: 'Partnership' },
                { value: 'foreign_individual', label: 'Foreign individual' },
                { value: 'foreign_entity', label: 'Foreign entity' },
              ]}
              error={fieldError(failure, 'entityType')}
            />
            <TextField label={`Signed form (${upload.allowed}, up to ${upload.limit})`} name="file" type="file" accept={upload.accept} required error={fieldError(failure, 'file')} />
            <p className="muted small">Do not type your SSN or EIN anywhere in Greenroom: the signed form is the record, and only finance and you can open it.</p>
            <div>
              <Button type="submit" variant="primary" pending={pending} pendingText="Uploading…">
                Upload tax form
              </Button>
            </div>
          </Form>
        </Card>
      </div>
    </>
  )
}
