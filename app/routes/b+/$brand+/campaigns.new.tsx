import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Card, PageHeader } from '#app/components/ui.tsx'
import { CampaignForm } from '#app/components/campaigns/campaign-form.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { createCampaign } from '#app/services/campaigns/create-campaign.server.ts'
import { campaignSchema } from '#app/validation/campaigns.ts'
import { parseForm, peekForm } from '#app/validation/parse-form.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import { echoValues } from '#app/utils/echo-values.server.ts'
import { echoedValues } from '#app/utils/echoed-values.ts'

export const meta: MetaFunction = () => [{ title: 'New campaign · Greenroom' }]

// Managers and admins.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'campaign.edit')
  return { brandSlug: actor.brand.slug, currency: actor.brand.currency }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'campaign.edit')
  const raw = await peekForm(args.request)
  const result = await handleAction(async () => {
    const input = await parseForm(args.request, campaignSchema, { arrayFields: ['platforms'] })
    const c = await createCampaign(actor, input)
    return redirectWithFlash(`/b/${actor.brand.slug}/campaigns/${c.id}/brief`, `${c.name} is created as a draft. Write the brief next.`)
  })
  return echoValues(result, raw)
}

export default function NewCampaign() {
  const { brandSlug, currency } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = failureOf(actionData)
  const echoed = echoedValues(actionData)
  const pending = useIsPending({ intent: 'create' })
  return (
    <>
      <PageHeader back={{ to: `/b/${brandSlug}/campaigns`, label: 'Campaigns' }} title="New campaign" subtitle="It starts as a draft: nothing goes to creators until you send offers." />
      <Card className="narrow">
        <CampaignForm
          intent="create"
          values={{ name: '', objective: '', startsOn: null, endsOn: null, platforms: [], budgetMinor: 0, currency }}
          failure={failure}
          echoed={echoed.get('intent') === 'create' ? echoed : undefined}
          pending={pending}
          submitLabel="Create campaign"
        />
      </Card>
    </>
  )
}
