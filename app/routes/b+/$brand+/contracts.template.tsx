import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, CheckboxField, DateTime, FormError, PageHeader, SelectField, TextField, TextareaField } from '#app/components/ui.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { ROLE_LABEL } from '#app/auth/capabilities.ts'
import { CONTRACT_PLACEHOLDERS, CONTRACT_REQUIREMENTS, CONTRACT_REQUIREMENT_LABEL, contractSettings } from '#app/domain/contracts.ts'
import { getBrandContractTemplate } from '#app/services/contracts/get-contract-template.server.ts'
import { saveContractTemplate } from '#app/services/contracts/save-contract-template.server.ts'
import { updateContractSettings } from '#app/services/contracts/update-contract-settings.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import { contractSettingsSchema, contractTemplateSchema } from '#app/validation/contracts.ts'
import { parseForm, peekForm } from '#app/validation/parse-form.server.ts'
import { InvalidInputError } from '#app/utils/errors.ts'

export const meta: MetaFunction = () => [{ title: 'Contract template · Greenroom' }]

const SIGNER_ROLES = ['admin', 'manager', 'finance'] as const

// Admins only (brand.settings): the template every new contract is made from, and the contract settings.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.settings')
  const t = await getBrandContractTemplate(actor.brand.id)
  return { slug: actor.brand.slug, template: t, settings: contractSettings(actor.brand.settings) }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.settings')
  const here = `/b/${actor.brand.slug}/contracts/template`
  return handleAction(async () => {
    const intent = (await peekForm(args.request)).get('intent')
    if (intent === 'settings') {
      const input = await parseForm(args.request, contractSettingsSchema, { arrayFields: ['signerRoles'] })
      await updateContractSettings(actor, input)
      return redirectWithFlash(here, 'Contract settings saved.')
    }
    if (intent !== 'template') throw new InvalidInputError('Reload the page and try again.')
    const current = await getBrandContractTemplate(actor.brand.id)
    const ids = current.clauses.map((c) => c.id)
    const input = (await parseForm(args.request, contractTemplateSchema(ids))) as Record<string, unknown>
    const saved = await saveContractTemplate(actor, {
      baseVersion: input.baseVersion as number,
      title: input.title as string,
      clauses: ids.map((id) => ({ id, heading: input[`heading_${id}`] as string, body: input[`body_${id}`] as string, enabled: input[`enabled_${id}`] === 'on' })),
    })
    return redirectWithFlash(here, `Template version ${saved.version} saved. New and amended contracts use it; contracts already made keep their version.`)
  })
}

export default function ContractTemplatePage() {
  const d = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const savingTemplate = useIsPending({ intent: 'template' })
  const savingSettings = useIsPending({ intent: 'settings' })
  const t = d.template
  const failedIntent = failure && Object.keys(failure.fieldErrors).length ? (Object.keys(failure.fieldErrors).some((k) => ['signerRoles', 'requirement', 'timeZone'].includes(k)) ? 'settings' : 'template') : null
  return (
    <>
      <PageHeader
        back={{ to: `/b/${d.slug}/contracts`, label: 'Contracts' }}
        title="Contract template"
        subtitle={t.version === 0 ? 'The built-in template (not edited yet).' : <span>Version {t.version}, saved <DateTime value={t.createdAt!} /></span>}
      />
      <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
      <div className="split">
        <Form key={`t${t.version}`} method="post" className="stack" noValidate aria-label="Template">
          <input type="hidden" name="intent" value="template" />
          <input type="hidden" name="baseVersion" value={t.version} />
          {failedIntent === 'template' ? <FormError errors={failure!.formError} /> : null}
          <Card title="Title">
            <TextField label="Contract title" name="title" required defaultValue={t.title} error={fieldError(failure, 'title')} maxLength={200} />
          </Card>
          {t.clauses.map((c) => (
            <Card key={c.id} title={c.heading} id={`clause-${c.id}`}>
              <div className="stack-sm">
                {c.required ? (
                  <>
                    <input type="hidden" name={`enabled_${c.id}`} value="on" />
                    <p className="small muted">Required: every contract has this clause.</p>
                  </>
                ) : (
                  <CheckboxField label="Include this clause" name={`enabled_${c.id}`} defaultChecked={c.enabled} error={fieldError(failure, `enabled_${c.id}`)} />
                )}
                <TextField label="Heading" name={`heading_${c.id}`} required defaultValue={c.heading} error={fieldError(failure, `heading_${c.id}`)} maxLength={120} />
                <TextareaField label="Text" name={`body_${c.id}`} rows={5} defaultValue={c.body} error={fieldError(failure, `body_${c.id}`) ?? fieldError(failure, `clause_${c.id}`)} />
              </div>
            </Card>
          ))}
          <div>
            <Button type="submit" variant="primary" pending={savingTemplate} pendingText="Saving…">
              Save as version {t.version + 1}
            </Button>
          </div>
        </Form>
        <div className="stack sticky-side">
          <Card title="Contract settings">
            <Form key={JSON.stringify(d.settings)} method="post" className="stack-sm" noValidate aria-label="Contract settings">
              <input type="hidden" name="intent" value="settings" />
              {failedIntent === 'settings' ? <FormError errors={failure!.formError} /> : null}
              <fieldset className="stack-sm" aria-describedby={fieldError(failure, 'signerRoles') ? 'signerRoles-error' : undefined}>
                <legend className="strong">Who may countersign for the brand</legend>
                {SIGNER_ROLES.map((r) => (
                  <CheckboxField key={r} name="signerRoles" value={r} label={ROLE_LABEL[r]} defaultChecked={d.settings.signerRoles.includes(r)} echo={false} />
                ))}
                {fieldError(failure, 'signerRoles') ? (
                  <p className="field-error" id="signerRoles-error">
                    {fieldError(failure, 'signerRoles')}
                  </p>
                ) : null}
              </fieldset>
              <SelectField
                label="A signed contract is required before draft approval and payment"
                name="requirement"
                required
                defaultValue={d.settings.requirement}
                options={CONTRACT_REQUIREMENTS.map((r) => ({ value: r, label: CONTRACT_REQUIREMENT_LABEL[r] }))}
                error={fieldError(failure, 'requirement')}
              />
              <TextField label="Time zone of licence dates" name="timeZone" required defaultValue={d.settings.timeZone} hint="A licence ends at midnight in this zone, e.g. Europe/Paris." error={fieldError(failure, 'timeZone')} />
              <div>
                <Button type="submit" variant="primary" pending={savingSettings} pendingText="Saving…">
                  Save settings
                </Button>
              </div>
            </Form>
          </Card>
          <Card title="Placeholders">
            <p className="small">Write these in the title or a clause; each contract fills them in. Anything else in double braces is refused.</p>
            <dl className="small stack-sm">
              {Object.entries(CONTRACT_PLACEHOLDERS).map(([k, v]) => (
                <div key={k}>
                  <dt>
                    <code>{`{{${k}}}`}</code>
                  </dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </div>
      </div>
    </>
  )
}
