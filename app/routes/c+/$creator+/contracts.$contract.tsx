import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Card } from '#app/components/ui.tsx'
import { ContractPageFrame, SignContractForm } from '#app/components/contract-page.tsx'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { getContractPage } from '#app/services/contracts/get-contract-page.server.ts'
import { signContract } from '#app/services/contracts/sign-contract.server.ts'
import { signContractSchema } from '#app/validation/contracts.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf } from '#app/utils/forms.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Contract v${data?.contract.version ?? ''} · Greenroom` }]

// The creator, or any agent with an active grant (read); signing needs the "answer offers" scope.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  const data = await handleLoader(() => getContractPage({ creatorId: actor.creator.id }, args.params.contract!))
  const canSign = actor.via.kind === 'self' || actor.via.scopes.includes('answer_offers')
  return { ...data, creatorId: actor.creator.id, canSign, actingAs: actor.via.kind === 'agent' ? actor.via.agencyName : null }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireCreatorActor(args, 'answer_offers')
  const here = `/c/${actor.creator.id}/contracts/${args.params.contract}`
  return handleAction(async () => {
    const input = await parseForm(args.request, signContractSchema)
    const r = await signContract(actor, { contractId: args.params.contract!, documentSha256: input.documentSha256 })
    return redirectWithFlash(here, r.already ? 'This version was already signed: nothing changed.' : 'Signed. The brand countersigns next; we will email you the signed PDF.')
  })
}

export default function CreatorContractPage() {
  const d = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const c = d.contract
  return (
    <ContractPageFrame
      page={d}
      back={{ to: `/c/${d.creatorId}/offers/${c.offerId}`, label: 'Offer' }}
      title={`Contract v${c.version} · ${d.campaignName}`}
      subtitle={
        <span>
          {d.brandName} × {d.creatorName}
        </span>
      }
      failure={failure}
      notice={c.status === 'superseded' ? <p className="callout callout-warning">This version was replaced after the terms changed. Open the newest version below to sign it.</p> : null}
      documentLabel="Download the PDF to sign"
      versionsBase={`/c/${d.creatorId}/contracts`}
    >
      {c.status === 'awaiting_creator' ? (
        <Card title="Sign" id="sign">
          {d.canSign ? (
            <SignContractForm
              documentSha256={c.documentSha256}
              failure={failure}
              note={<p className="small muted">We record who signs{d.actingAs ? ` (you, for ${d.creatorName})` : ''}, when, your IP address and browser, and the fingerprint above.</p>}
            >
              Sign contract v{c.version}
              {d.actingAs ? ` for ${d.creatorName}` : ''}
            </SignContractForm>
          ) : (
            <p className="callout callout-warning" role="note">
              {d.creatorName} has not given {d.actingAs} the “Answer offers” permission, so you can read this contract but not sign it.
            </p>
          )}
        </Card>
      ) : null}
    </ContractPageFrame>
  )
}
