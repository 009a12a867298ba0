import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Card, FormError } from '#app/components/ui.tsx'
import { CampaignHeader } from '#app/components/campaigns/campaign-header.tsx'
import { BrandOffersTable } from '#app/components/offers/brand-offers-table.tsx'
import { OverBudgetCallout, type OverBudget } from '#app/components/offers/over-budget-callout.tsx'
import { SendOfferForm } from '#app/components/offers/send-offer-form.tsx'
import { roleCan } from '#app/auth/capabilities.ts'
import { parseMoneyOrNull } from '#app/domain/money.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { FORMATS, FORMAT_PLATFORMS, type Platform } from '#app/domain/catalog.ts'
import { getCampaign } from '#app/services/campaigns/get-campaign.server.ts'
import { answerCounter } from '#app/services/offers/answer-counter.server.ts'
import { listOfferCandidates } from '#app/services/offers/list-offer-candidates.server.ts'
import { sendOffers } from '#app/services/offers/send-offers.server.ts'
import { withdrawOffer } from '#app/services/offers/withdraw-offer.server.ts'
import { getFeeGuidance } from '#app/services/roster/get-fee-guidance.server.ts'
import { parseFeeGuidanceQuery } from '#app/validation/roster.ts'
import { brandOfferActionSchema, offerSchema } from '#app/validation/campaigns.ts'
import { campaignCurrency } from '#app/services/money/currency-of.server.ts'
import { parseForm, peekForm } from '#app/validation/parse-form.server.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'
import { echoValues } from '#app/utils/echo-values.server.ts'
import { echoedValues } from '#app/utils/echoed-values.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Creators & offers · ${data?.campaign.name ?? 'Campaign'} · Greenroom`,
  },
]

// Any member who may see campaigns sees the offers; managers and admins send and answer them.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'campaign.view')
  const campaignId = args.params.campaign!
  const data = await handleLoader(() => getCampaign(actor.brand.id, campaignId))
  const canSend = roleCan(actor.role, 'offer.send')
  // Fee guidance for the offer being drafted (the send form's fields, sent as a GET: works without JS).
  const guide = canSend ? parseFeeGuidanceQuery(new URL(args.request.url)) : null
  const guideFormat = guide && (FORMATS as readonly string[]).includes(guide.d0_format) ? (guide.d0_format as (typeof FORMATS)[number]) : null
  const feeGuidance =
    guide && guideFormat
      ? await getFeeGuidance(actor.brand, {
          format: guideFormat,
          platform: guide.d0_platform && FORMAT_PLATFORMS[guideFormat].includes(guide.d0_platform as Platform) ? guide.d0_platform : FORMAT_PLATFORMS[guideFormat][0]!,
          creatorId: guide.creatorIds ?? null,
          proposedFeeMinor: guide.fee ? parseMoneyOrNull(guide.fee, actor.brand.currency) : null,
          quantity: guide.deliverables || (guide.d0_quantity ?? 1),
        })
      : null
  const url = new URL(args.request.url)
  const guideValues = guide ? Object.fromEntries([...url.searchParams.entries()].filter(([k]) => k !== 'creatorIds' && k !== 'intent')) : {}
  return {
    feeGuidance,
    guideValues,
    guideCreatorIds: guide ? url.searchParams.getAll('creatorIds') : [],
    brandSlug: actor.brand.slug,
    canSend,
    campaign: {
      id: data.campaign.id,
      name: data.campaign.name,
      status: data.campaign.status,
      budgetMinor: data.campaign.budgetMinor,
      currency: data.campaign.currency,
    },
    committedMinor: data.committedMinor,
    briefVersion: data.brief?.currentVersion ?? 0,
    offers: data.offers,
    candidates: canSend ? await listOfferCandidates(actor.brand.id, campaignId) : [],
  }
}

type Warning = { ok: true; overBudget: OverBudget; resend: [string, string][]; values?: Record<string, string> }

// Managers and admins: send offers, withdraw one, answer a counter-offer.
export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'offer.send')
  const campaignId = args.params.campaign!
  const here = `/b/${actor.brand.slug}/campaigns/${campaignId}/offers`
  const raw = await peekForm(args.request)
  const result = await handleAction(async () => {
    if (raw.get('intent') === 'send') {
      // Fees are typed in the campaign's currency (this brand's campaign only).
      const input = await parseForm(args.request, offerSchema(await campaignCurrency(actor.brand.id, campaignId)), {
        arrayFields: ['creatorIds'],
      })
      const r = await sendOffers(actor, campaignId, input)
      if (r.overBudget) {
        const resend = [...raw.entries()].filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'confirmOverBudget')
        return data<Warning>({ ok: true, overBudget: r.overBudget, resend, values: Object.fromEntries(resend) })
      }
      return redirectWithFlash(here, `Offer sent to ${r.sent} creator${r.sent === 1 ? '' : 's'}.`)
    }
    const input = await parseForm(args.request, brandOfferActionSchema)
    if (input.intent === 'withdraw') {
      await withdrawOffer(actor, campaignId, input.offerId)
      return redirectWithFlash(here, 'Offer withdrawn. The creator can no longer accept it.')
    }
    if (input.intent === 'accept-counter') {
      const r = await answerCounter(actor, campaignId, input.offerId, {
        accept: true,
        confirmOverBudget: input.confirmOverBudget === '1',
      })
      if (r.overBudget)
        return data<Warning>({
          ok: true,
          overBudget: r.overBudget,
          resend: [
            ['intent', 'accept-counter'],
            ['offerId', input.offerId],
          ],
        })
      return redirectWithFlash(here, 'Counter-offer accepted. The collaboration is on.')
    }
    await answerCounter(actor, campaignId, input.offerId, {
      accept: false,
      note: input.note,
    })
    return redirectWithFlash(here, 'Counter-offer declined. The original offer stands until it expires.')
  })
  return echoValues(result, raw)
}

function isWarning(v: unknown): v is Warning {
  return Boolean(v && typeof v === 'object' && (v as Warning).ok === true && (v as Warning).overBudget)
}

// The page: the offers so far, then (managers and admins) the form that sends more.
export default function CampaignOffers() {
  const { campaign, brandSlug, canSend, offers, candidates, committedMinor, briefVersion, feeGuidance, guideValues, guideCreatorIds } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const failure = failureOf(actionData)
  const warning = isWarning(actionData) ? actionData : null
  const sending = useIsPending({ intent: 'send' })
  // After a plain (no-JS) POST, refill the send form with what was typed; after "Check fee guidance", with the query.
  const echoed = echoedValues(actionData)
  const sent = echoed.get('intent') === 'send' ? echoed : echoedValues(null)
  const guided = guideValues as Record<string, string>
  const val = (name: string, fallback = '') => sent.get(name, guided[name] ?? fallback)
  const canSendNow = campaign.status === 'active' && briefVersion > 0
  return (
    <>
      <CampaignHeader brandSlug={brandSlug} campaign={campaign} />
      {warning ? <OverBudgetCallout overBudget={warning.overBudget} resend={warning.resend} /> : null}
      {failure && !sending && Object.keys(failure.fieldErrors).length === 0 ? <FormError errors={failure.formError} /> : null}
      <Card title={`Offers (${offers.length})`}>
        <BrandOffersTable offers={offers} canSend={canSend} briefVersion={briefVersion} />
      </Card>
      {canSend ? (
        <Card title="Send an offer" id="send">
          {!canSendNow ? (
            <div className="callout callout-info">
              {campaign.status !== 'active' ? <p>Start the campaign (Overview tab) to send offers.</p> : null}
              {briefVersion === 0 ? <p>Publish the brief first: creators accept the brief together with the offer.</p> : null}
            </div>
          ) : null}
          <SendOfferForm
            offersHref={`/b/${brandSlug}/campaigns/${campaign.id}/offers`}
            rosterHref={`/b/${brandSlug}/roster`}
            currency={campaign.currency}
            budgetMinor={campaign.budgetMinor}
            committedMinor={committedMinor}
            canSendNow={canSendNow}
            candidates={candidates}
            pickedCreators={sent.all('creatorIds') ?? guideCreatorIds}
            feeGuidance={feeGuidance}
            failure={failure}
            sending={sending}
            val={val}
          />
        </Card>
      ) : null}
    </>
  )
}
