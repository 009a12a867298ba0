import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, FormError, PageHeader, SelectField, TextField, TextareaField } from '#app/components/ui.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { CONTRACT_STATUS_LABEL } from '#app/domain/contract-labels.ts'
import { toDecimalString } from '#app/domain/money.ts'
import { amendContract } from '#app/services/contracts/amend-contract.server.ts'
import { getAmendPage } from '#app/services/contracts/get-amend-page.server.ts'
import { amendContractSchema } from '#app/validation/contracts.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Amend contract v${data?.contract.version ?? ''} · Greenroom` }]

const USAGE_OPTIONS = [
  { value: 'none', label: 'No reuse' },
  { value: 'organic', label: 'Organic repost' },
  { value: 'paid', label: 'Organic repost and paid ads / whitelisting' },
]

// Those who negotiate terms (offer.send: managers and admins) amend them; the brand's scope is checked by the services.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'offer.send')
  const page = await handleLoader(() => getAmendPage(actor.brand.id, args.params.contract!))
  return { ...page, slug: actor.brand.slug }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'offer.send')
  return handleAction(async () => {
    const page = await getAmendPage(actor.brand.id, args.params.contract!)
    const input = await parseForm(args.request, amendContractSchema(page.deliverables.map((d) => d.id)))
    const r = await amendContract(actor, args.params.contract!, input)
    return redirectWithFlash(`/b/${actor.brand.slug}/contracts/${r.contract.id}`, `Contract v${r.contract.version} made from the new terms. Both parties sign it again; v${page.contract.version} stays readable.`)
  })
}

export default function AmendContractPage() {
  const d = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const saving = useIsPending({ intent: 'amend' })
  const o = d.offer
  const stale = !d.current || d.current.id !== d.contract.id
  const money = (m: number) => (m ? toDecimalString(m, o.currency) : '')
  return (
    <>
      <PageHeader
        back={{ to: `/b/${d.slug}/contracts/${d.contract.id}`, label: `Contract v${d.contract.version}` }}
        title={`Amend the terms · ${d.creatorName}`}
        subtitle={`${d.campaignName} · contract v${d.contract.version} (${CONTRACT_STATUS_LABEL[d.contract.status]})`}
      />
      {stale ? (
        <p className="callout callout-warning" role="alert">
          Version {d.contract.version} has been replaced{d.current ? ` by version ${d.current.version}` : ''}: amend the current version instead.{' '}
          {d.current ? <Link to={`/b/${d.slug}/contracts/${d.current.id}/amend`}>Amend version {d.current.version}</Link> : null}
        </p>
      ) : (
        <Form method="post" className="stack" noValidate aria-label="Amend the terms">
          <FormError errors={failure?.formError ?? null} />
          <p className="callout">
            Saving makes contract v{d.contract.version + 1} from these terms. The creator signs it again and the brand countersigns it; v{d.contract.version} and its signatures stay readable and never change.
          </p>
          <input type="hidden" name="intent" value="amend" />
          <input type="hidden" name="baseVersion" value={d.contract.version} />
          <Card title="Money">
            <div className="stack-sm">
              <TextField label={`Fee (${o.currency})`} name="fee" inputMode="decimal" defaultValue={money(o.feeMinor)} error={fieldError(failure, 'fee')} />
              <TextField label={`Usage fee (${o.currency})`} name="usageFee" inputMode="decimal" defaultValue={money(o.usageFeeMinor)} error={fieldError(failure, 'usageFee')} />
              <TextField label="Payment days" name="paymentNetDays" type="number" min={0} max={120} required defaultValue={o.paymentNetDays} error={fieldError(failure, 'paymentNetDays')} />
            </div>
          </Card>
          <Card title="Usage rights and exclusivity">
            <div className="stack-sm">
              <SelectField label="Usage rights" name="usageRights" required defaultValue={o.usageRights} options={USAGE_OPTIONS} error={fieldError(failure, 'usageRights')} />
              <TextField label="Usage months" name="usageMonths" type="number" min={0} max={120} defaultValue={o.usageMonths} hint="0 with usage rights means perpetual." error={fieldError(failure, 'usageMonths')} />
              <TextField label="Usage territory" name="usageTerritory" defaultValue={o.usageTerritory ?? ''} maxLength={80} error={fieldError(failure, 'usageTerritory')} />
              <TextField label="Exclusivity category" name="exclusivityCategory" defaultValue={o.exclusivityCategory ?? ''} maxLength={80} error={fieldError(failure, 'exclusivityCategory')} />
              <TextField label="Exclusivity months" name="exclusivityMonths" type="number" min={0} max={24} defaultValue={o.exclusivityMonths} error={fieldError(failure, 'exclusivityMonths')} />
            </div>
          </Card>
          {d.deliverables.length ? (
            <Card title="Dates">
              <ul className="list">
                {d.deliverables.map((x) => (
                  <li key={x.id} className="list-row">
                    <fieldset className="stack-sm">
                      <legend className="strong">{x.label}</legend>
                      <TextField label={`Draft due · ${x.label}`} name={`d_${x.id}_draftDueOn`} type="date" defaultValue={x.draftDueOn ?? ''} error={fieldError(failure, `d_${x.id}_draftDueOn`)} />
                      <TextField label={`Posting from · ${x.label}`} name={`d_${x.id}_postWindowStart`} type="date" defaultValue={x.postWindowStart ?? ''} error={fieldError(failure, `d_${x.id}_postWindowStart`)} />
                      <TextField label={`Posting until · ${x.label}`} name={`d_${x.id}_postWindowEnd`} type="date" defaultValue={x.postWindowEnd ?? ''} error={fieldError(failure, `d_${x.id}_postWindowEnd`)} />
                    </fieldset>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card title="Why">
            <TextareaField label="Reason for the change" name="reason" required rows={3} maxLength={500} hint="Kept with the contract history." error={fieldError(failure, 'reason')} />
          </Card>
          <div>
            <Button type="submit" variant="primary" pending={saving} pendingText="Making the new version…">
              Make contract v{d.contract.version + 1}
            </Button>
          </div>
        </Form>
      )}
    </>
  )
}
