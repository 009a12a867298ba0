import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Card, EmptyState, FormError, PageHeader, StatusChip } from '#app/components/ui.tsx'
import { TaxFormDecision } from '#app/components/tax-form-decision.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { listBrandTaxForms } from '#app/services/tax/list-brand-tax-forms.server.ts'
import { verifyTaxForm } from '#app/services/tax/verify-tax-form.server.ts'
import { echoedValues } from '#app/utils/echoed-values.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { verifyTaxFormSchema } from '#app/validation/money.ts'

export const meta: MetaFunction = () => [{ title: 'Tax forms · Payables · Greenroom' }]

// Finance only: the tax forms of this brand's payees.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'payables.view')
  return { forms: await listBrandTaxForms(actor) }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'tax.verify')
  return handleAction(async () => {
    const input = await parseForm(args.request, verifyTaxFormSchema)
    const f = await verifyTaxForm(actor, { formId: input.formId, decision: input.intent, reason: input.reason })
    return redirectWithFlash(`/pay/${actor.brand.slug}/tax-forms`, `${f.kind} for ${f.legalName} ${f.status === 'verified' ? 'verified' : 'rejected'}.`)
  })
}

export default function TaxForms() {
  const { forms } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = failureOf(actionData)
  const echoed = echoedValues(actionData)
  const nav = useNavigation()
  const pendingFor = (id: string) => (nav.state !== 'idle' && nav.formData?.get('formId') === id ? (nav.formData.get('intent') === 'reject' ? 'reject' : 'verify') : null)
  return (
    <>
      <PageHeader title="Tax forms" subtitle="Check each form against the legal name and entity type, then verify it. No tax id numbers are stored: the file is the record." />
      <FormError errors={failure?.formError ?? null} />
      <Card>
        {forms.length === 0 ? (
          <EmptyState title="No tax forms yet">Creators and agencies upload their W-9 or W-8 from their invoices page.</EmptyState>
        ) : (
          <ul className="list">
            {forms.map((f) => (
              <li key={f.id} className="list-row">
                <div>
                  <p className="strong">{f.payee}</p>
                  <p className="small">
                    {f.kind} · {f.legalName} · {f.entityType.replace(/_/g, ' ')}
                  </p>
                  <p className="muted small">
                    <a href={`/files/${f.fileId}`} target="_blank" rel="noreferrer">
                      {f.fileName ?? 'Open the form'}
                    </a>{' '}
                    · uploaded {f.submittedAt.slice(0, 10)}
                  </p>
                  {f.status !== 'submitted' && f.mismatches.length ? <p className="text-warning small">{f.mismatches.some((m) => m.blocking) ? 'Not this payee’s form' : 'Name differs from the payee'}</p> : null}
                </div>
                <StatusChip status={f.status} />
                {f.status === 'submitted' ? (
                  <div style={{ flexBasis: '100%' }}>
                    <TaxFormDecision
                      form={f}
                      pending={pendingFor(f.id)}
                      reasonError={echoed.get('formId') === f.id ? fieldError(failure, 'reason') : undefined}
                      reasonValue={echoed.get('formId') === f.id ? echoed.get('reason') : undefined}
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  )
}
