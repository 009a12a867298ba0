import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Card, LinkButton } from '#app/components/ui.tsx'
import { ContractPageFrame, SignContractForm } from '#app/components/contract-page.tsx'
import { forbidden, requireBrandRole } from '#app/auth/guards.server.ts'
import { ROLE_LABEL, roleCan } from '#app/auth/capabilities.ts'
import { contractSettings } from '#app/domain/contracts.ts'
import { countersignContract } from '#app/services/contracts/countersign-contract.server.ts'
import { getContractPage } from '#app/services/contracts/get-contract-page.server.ts'
import { signContractSchema } from '#app/validation/contracts.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf } from '#app/utils/forms.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Contract v${data?.contract.version ?? ''} · Greenroom` }]

// Every member of the brand reads contracts; countersigning is for the roles in the contract settings (the service checks).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.view')
  const data = await handleLoader(() => getContractPage({ brandId: actor.brand.id }, args.params.contract!))
  const settings = contractSettings(actor.brand.settings)
  return { ...data, slug: actor.brand.slug, canSign: settings.signerRoles.includes(actor.role), canAmend: roleCan(actor.role, 'offer.send'), signers: settings.signerRoles.map((r) => ROLE_LABEL[r]) }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'brand.view')
  const signers = contractSettings(actor.brand.settings).signerRoles
  if (!signers.includes(actor.role)) forbidden(`Contracts are countersigned by: ${signers.map((r) => ROLE_LABEL[r]).join(', ')}. Ask one of them.`)
  const here = `/b/${actor.brand.slug}/contracts/${args.params.contract}`
  return handleAction(async () => {
    const input = await parseForm(args.request, signContractSchema)
    const r = await countersignContract(actor, { contractId: args.params.contract!, documentSha256: input.documentSha256 })
    return redirectWithFlash(here, r.already ? 'This version was already countersigned: nothing changed.' : 'Countersigned. The signed PDF is ready and the usage rights are on the rights page.')
  })
}

export default function BrandContractPage() {
  const d = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const c = d.contract
  return (
    <ContractPageFrame
      page={d}
      back={{ to: `/b/${d.slug}/rights`, label: 'Usage rights' }}
      title={`Contract v${c.version} · ${d.creatorName}`}
      subtitle={<span>{d.campaignName}</span>}
      failure={failure}
      notice={
        <p className={d.required && c.status !== 'signed' ? 'callout callout-warning' : 'callout'}>
          {d.why}
          {d.required && c.status !== 'signed' ? ' Draft approval and payment wait for both signatures.' : ''}
        </p>
      }
      documentLabel="Download the PDF"
      versionsBase={`/b/${d.slug}/contracts`}
    >
      {d.canAmend && c.status !== 'superseded' ? <LinkButton to={`/b/${d.slug}/contracts/${c.id}/amend`}>Amend the terms</LinkButton> : null}
      {c.status === 'awaiting_brand' ? (
        <Card title="Countersign" id="sign">
          {d.canSign ? (
            <SignContractForm documentSha256={c.documentSha256} failure={failure}>
              Countersign v{c.version}
            </SignContractForm>
          ) : (
            <p className="callout" role="note">
              Countersigned by: {d.signers.join(', ')}.
            </p>
          )}
        </Card>
      ) : c.status === 'awaiting_creator' ? (
        <p className="callout callout-info">Waiting for {d.creatorName} to sign; the brand countersigns after them.</p>
      ) : null}
    </ContractPageFrame>
  )
}
