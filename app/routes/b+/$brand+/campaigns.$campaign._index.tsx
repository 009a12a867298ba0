import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, DateTime, EmptyState, FormError, Stat } from '#app/components/ui.tsx'
import { BudgetSummary, CreatorCostTable } from '#app/components/budget-summary.tsx'
import { getCampaignCosts } from '#app/services/budget/get-campaign-costs.server.ts'
import { CampaignForm } from '#app/components/campaigns/campaign-form.tsx'
import { CampaignHeader } from '#app/components/campaigns/campaign-header.tsx'
import { roleCan } from '#app/auth/capabilities.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'
import { CAMPAIGN_TRANSITION_LABEL, campaignMachine } from '#app/domain/state-machines.ts'
import { changeCampaignStatus } from '#app/services/campaigns/change-campaign-status.server.ts'
import { getCampaign } from '#app/services/campaigns/get-campaign.server.ts'
import { updateCampaign } from '#app/services/campaigns/update-campaign.server.ts'
import { campaignSchema, campaignStatusSchema } from '#app/validation/campaigns.ts'
import { parseForm, peekForm } from '#app/validation/parse-form.server.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import { echoValues } from '#app/utils/echo-values.server.ts'
import { echoedValues } from '#app/utils/echoed-values.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.campaign.name ?? 'Campaign'} · Greenroom` }]

// Any member who may see campaigns; the campaign must belong to this brand (404 otherwise).
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'campaign.view')
  const data = await handleLoader(() => getCampaign(actor.brand.id, args.params.campaign!))
  const costs = await handleLoader(() => getCampaignCosts(actor, args.params.campaign!))
  const open = data.offers.filter((o) => o.status === 'invited' || o.status === 'countered').length
  const accepted = data.offers.filter((o) => ['accepted', 'active', 'completed'].includes(o.status)).length
  return {
    brandSlug: actor.brand.slug,
    canEdit: roleCan(actor.role, 'campaign.edit'),
    // links to this campaign's drafts, report and cost form (the campaign lists there hold only the newest campaigns)
    canReview: roleCan(actor.role, 'content.review'),
    canReport: roleCan(actor.role, 'report.view'),
    campaign: data.campaign,
    // The statuses it can move to, worked out here: the page then ships only the labels, not the machines.
    next: campaignMachine.targets(data.campaign.status),
    costs,
    counts: { open, accepted, creators: new Set(data.offers.map((o) => o.creatorId)).size },
    brief: data.brief ? { currentVersion: data.brief.currentVersion, lastPublishedAt: data.brief.versions[0]?.publishedAt ?? null } : null,
  }
}

// Managers and admins: edit the details, or move the status along.
export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'campaign.edit')
  const raw = await peekForm(args.request)
  const result = await handleAction(async () => {
    const intent = raw.get('intent')
    const base = `/b/${actor.brand.slug}/campaigns/${args.params.campaign}`
    if (intent === 'status') {
      const input = await parseForm(args.request, campaignStatusSchema)
      const r = await changeCampaignStatus(actor, args.params.campaign!, input.status)
      return redirectWithFlash(base, `${r.name} is now ${r.to}.`)
    }
    const input = await parseForm(args.request, campaignSchema, { arrayFields: ['platforms'] })
    await updateCampaign(actor, args.params.campaign!, input)
    return redirectWithFlash(base, 'Campaign saved.')
  })
  return echoValues(result, raw)
}

export default function CampaignOverview() {
  const { campaign, next, costs, counts, brief, canEdit, canReview, canReport, brandSlug } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = failureOf(actionData)
  const echoed = echoedValues(actionData)
  const saving = useIsPending({ intent: 'update' })
  const moving = useIsPending({ intent: 'status' })
  return (
    <>
      <CampaignHeader brandSlug={brandSlug} campaign={campaign} />
      {canReview || canReport || canEdit ? (
        <p className="cluster small">
          {canReview ? <Link to={`/b/${brandSlug}/review?campaign=${campaign.id}`}>Drafts to review in this campaign</Link> : null}
          {canReport ? <Link to={`/b/${brandSlug}/reports?campaign=${campaign.id}`}>This campaign's report</Link> : null}
          {canEdit ? <Link to={`/b/${brandSlug}/budget?campaignId=${campaign.id}#add-cost`}>Add a cost</Link> : null}
        </p>
      ) : null}
      <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
      <div className="grid-4">
        <Stat label="Creators" value={counts.creators} />
        <Stat label="Accepted" value={counts.accepted} to={`/b/${brandSlug}/campaigns/${campaign.id}/offers`} />
        <Stat label="Awaiting answer" value={counts.open} to={`/b/${brandSlug}/campaigns/${campaign.id}/offers`} />
        <Stat
          label="Brief"
          value={brief?.currentVersion ? `v${brief.currentVersion}` : 'Not published'}
          hint={brief?.lastPublishedAt ? <DateTime value={brief.lastPublishedAt} dateOnly /> : undefined}
          to={`/b/${brandSlug}/campaigns/${campaign.id}/brief`}
        />
      </div>
      <div className="grid-2 grid-wide-left">
        <Card title="Budget">
          <BudgetSummary b={costs.budget} />
        </Card>
        <Card title="Details">
          <dl className="dl">
            <dt>Objective</dt>
            <dd>{campaign.objective || <span className="muted">Not set</span>}</dd>
            <dt>Dates</dt>
            <dd>
              {campaign.startsOn ?? 'No start date'} → {campaign.endsOn ?? 'open'}
            </dd>
            <dt>Platforms</dt>
            <dd>{campaign.platforms.length ? campaign.platforms.map((p) => PLATFORM_LABEL[p as Platform] ?? p).join(', ') : <span className="muted">Any</span>}</dd>
          </dl>
          {canEdit && next.length ? (
            <Form method="post" className="cluster">
              <input type="hidden" name="intent" value="status" />
              {next.map((s) => (
                <Button key={s} type="submit" name="status" value={s} variant={s === 'active' ? 'primary' : 'secondary'} pending={moving}>
                  {CAMPAIGN_TRANSITION_LABEL[s]}
                </Button>
              ))}
            </Form>
          ) : null}
        </Card>
      </div>
      <Card title="Creators and their cost">
        <p className="muted small">Cost = fee + gifting (product and shipping) + production, commission, usage and other costs from the ledger.</p>
        {costs.creators.length === 0 ? (
          <EmptyState title="No accepted offers yet">Send offers from the Creators tab; accepted ones appear here with their cost.</EmptyState>
        ) : (
          <CreatorCostTable rows={costs.creators} brandSlug={brandSlug} />
        )}
      </Card>
      {canEdit && campaign.status !== 'archived' ? (
        <Card title="Edit campaign">
          <CampaignForm intent="update" values={campaign} failure={failure}
          echoed={echoed.get('intent') === 'update' ? echoed : undefined} pending={saving} submitLabel="Save changes" showFormError={false} />
        </Card>
      ) : null}
    </>
  )
}
