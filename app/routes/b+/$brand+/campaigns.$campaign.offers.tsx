import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useFetcher, useLoaderData, useLocation } from '@remix-run/react'
import { useRef } from 'react'
import {
  Button,
  Card,
  Chip,
  CheckboxField,
  DateTime,
  EmptyState,
  FormError,
  Money,
  SelectField,
  StatusChip,
  TextField,
  TextareaField,
} from '#app/components/ui.tsx'
import { CampaignHeader } from '#app/components/campaigns/campaign-header.tsx'
import { FeeGuidance } from '#app/components/roster/fee-guidance.tsx'
import { roleCan } from '#app/auth/capabilities.ts'
import { parseMoneyOrNull } from '#app/domain/money.ts'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { CONNECTION_LABEL, FORMATS, FORMAT_LABEL, FORMAT_PLATFORMS, PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'
import {
  DELIVERABLE_SLOTS,
  OFFER_CONNECTION_TYPES,
  PAYMENT_CLOCK_LABEL,
  PAYMENT_CLOCK_STARTS,
  USAGE_LABEL,
  USAGE_RIGHTS,
  deliverableLabel,
  moneyWords,
} from '#app/domain/offer-terms.ts'
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
import { failureOf, fieldError } from '#app/utils/forms.ts'
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

type OverBudget = {
  budgetMinor: number
  committedMinor: number
  offeredMinor: number
  currency: string
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

function tomorrowPlus(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

export default function CampaignOffers() {
  const { campaign, brandSlug, canSend, offers, candidates, committedMinor, briefVersion, feeGuidance, guideValues, guideCreatorIds } = useLoaderData<typeof loader>()
  const guidance = useFetcher<typeof loader>()
  const guideTimer = useRef<ReturnType<typeof setTimeout>>()
  const location = useLocation()
  // Live guidance belongs to the form it was asked for: a fresh form (after sending) drops it.
  const guidedFor = useRef<string | null>(null)
  const shownGuidance = guidance.data && guidedFor.current === location.key ? guidance.data.feeGuidance : feeGuidance
  // With JavaScript, fee guidance follows the form as it is filled in (first deliverable, first creator, fee).
  const refreshGuidance = (form: HTMLFormElement) => {
    clearTimeout(guideTimer.current)
    guideTimer.current = setTimeout(() => {
      const fd = new FormData(form)
      const q = new URLSearchParams()
      for (const [k, v] of fd.entries()) {
        if (typeof v === 'string' && v && (k === 'fee' || k === 'd0_platform' || /^d\d+_(format|quantity)$/.test(k))) q.set(k, v)
      }
      const first = fd.getAll('creatorIds')[0]
      if (typeof first === 'string') q.set('creatorIds', first)
      guidedFor.current = location.key
      if (q.get('d0_format')) guidance.load(`/b/${brandSlug}/campaigns/${campaign.id}/offers?${q}`)
    }, 300)
  }
  const actionData = useActionData<typeof action>()
  const failure = failureOf(actionData)
  const warning = isWarning(actionData) ? actionData : null
  const sending = useIsPending({ intent: 'send' })
  const err = (f: string) => fieldError(failure, f)
  // After a plain (no-JS) POST, refill the send form with what was typed.
  const echoed = echoedValues(actionData)
  const sent = echoed.get('intent') === 'send' ? echoed : echoedValues(null)
  const guided = guideValues as Record<string, string>
  const val = (name: string, fallback = '') => sent.get(name, guided[name] ?? fallback)
  const pickedCreators = sent.all('creatorIds') ?? guideCreatorIds
  const canSendNow = campaign.status === 'active' && briefVersion > 0
  return (
    <>
      <CampaignHeader brandSlug={brandSlug} campaign={campaign} />
      {warning ? (
        <div className="callout callout-warning" role="alert">
          <p className="callout-title">This would take the campaign over budget</p>
          <p>
            Committed fees are <Money minor={warning.overBudget.committedMinor} currency={warning.overBudget.currency} /> of a{' '}
            <Money minor={warning.overBudget.budgetMinor} currency={warning.overBudget.currency} /> budget. If accepted, this adds{' '}
            <Money minor={warning.overBudget.offeredMinor} currency={warning.overBudget.currency} />, going over by{' '}
            <Money
              minor={warning.overBudget.committedMinor + warning.overBudget.offeredMinor - warning.overBudget.budgetMinor}
              currency={warning.overBudget.currency}
            />
            .
          </p>
          <Form method="post" className="cluster">
            {warning.resend.map(([k, v], i) => (
              <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
            ))}
            <input type="hidden" name="confirmOverBudget" value="1" />
            <Button type="submit" variant="danger">
              Go over budget and continue
            </Button>
            <span className="muted small">Or change the fee or the creators below.</span>
          </Form>
        </div>
      ) : null}
      {failure && !sending && Object.keys(failure.fieldErrors).length === 0 ? <FormError errors={failure.formError} /> : null}
      <Card title={`Offers (${offers.length})`}>
        {offers.length === 0 ? (
          <EmptyState title="No offers yet">Pick creators from your roster below and send them an offer.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Creator</th>
                  <th scope="col">Deliverables</th>
                  <th scope="col" className="col-num">
                    Fee
                  </th>
                  <th scope="col">Status</th>
                  {canSend ? <th scope="col">Action</th> : null}
                </tr>
              </thead>
              <tbody>
                {offers.map((o) => (
                  <tr key={o.id} data-offer={o.id}>
                    <td>
                      <strong>{o.creatorName}</strong>
                      {o.representedBy ? <div className="muted small">Represented by {o.representedBy}</div> : null}
                    </td>
                    <td className="small">{o.deliverables.map(deliverableLabel).join(', ')}</td>
                    <td className="col-num">
                      <Money minor={o.feeMinor} currency={o.currency} />
                      {o.status === 'countered' && o.counterFeeMinor !== null ? (
                        <div className="small">
                          asks <Money minor={o.counterFeeMinor} currency={o.currency} />
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <StatusChip status={o.status} />
                      <div className="muted small">
                        {o.status === 'invited' && o.expiresAt ? (
                          <>
                            expires <DateTime value={o.expiresAt} dateOnly />
                          </>
                        ) : o.acceptedAt ? (
                          <>
                            accepted <DateTime value={o.acceptedAt} dateOnly />
                          </>
                        ) : null}
                      </div>
                      {o.acceptedAt && briefVersion > (o.acknowledgedBriefVersion ?? 0) ? (
                        <Chip tone="warning">Brief v{briefVersion} not yet acknowledged</Chip>
                      ) : o.acceptedAt ? (
                        <div className="muted small">Brief v{o.acknowledgedBriefVersion} acknowledged</div>
                      ) : null}
                      {o.status === 'declined' && o.responseNote ? <div className="small">“{o.responseNote}”</div> : null}
                    </td>
                    {canSend ? (
                      <td>
                        {o.status === 'countered' ? (
                          <div className="stack-sm">
                            {o.counterNote ? <p className="small">“{o.counterNote}”</p> : null}
                            <Form method="post">
                              <input type="hidden" name="intent" value="accept-counter" />
                              <input type="hidden" name="offerId" value={o.id} />
                              <Button type="submit" variant="primary" className="btn-sm">
                                Accept {moneyWords(o.counterFeeMinor ?? o.feeMinor, o.currency)}
                              </Button>
                            </Form>
                            <details>
                              <summary className="small">Decline with a note</summary>
                              <Form method="post" className="stack-sm">
                                <input type="hidden" name="intent" value="decline-counter" />
                                <input type="hidden" name="offerId" value={o.id} />
                                <TextareaField label="Note to the creator" name="note" rows={2} />
                                <Button type="submit" className="btn-sm">
                                  Decline counter
                                </Button>
                              </Form>
                            </details>
                          </div>
                        ) : null}
                        {o.status === 'invited' || o.status === 'countered' ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value="withdraw" />
                            <input type="hidden" name="offerId" value={o.id} />
                            <Button type="submit" variant="ghost" className="btn-sm">
                              Withdraw
                            </Button>
                          </Form>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {canSend ? (
        <Card title="Send an offer" id="send">
          {!canSendNow ? (
            <div className="callout callout-info">
              {campaign.status !== 'active' ? <p>Start the campaign (Overview tab) to send offers.</p> : null}
              {briefVersion === 0 ? <p>Publish the brief first: creators accept the brief together with the offer.</p> : null}
            </div>
          ) : null}
          {/* Keyed by the location: after "Send offer" redirects back here the whole form starts afresh
              (creators, every deliverable, terms); after a refusal it remounts filled with what was typed. */}
          <Form key={location.key} method="post" className="stack" noValidate onChange={(e) => refreshGuidance(e.currentTarget)}>
            <input type="hidden" name="intent" value="send" />
            <fieldset className="fieldset-box">
              <legend>Creators</legend>
              <div className="grid-2">
                {candidates.map((c) => (
                  <CheckboxField
                    key={c.creatorId}
                    name="creatorIds"
                    value={c.creatorId}
                    defaultChecked={pickedCreators.includes(c.creatorId)}
                    disabled={c.hasLiveOffer || c.status === 'do_not_work'}
                    label={c.name}
                    hint={[
                      c.topAccount ? `${PLATFORM_LABEL[c.topAccount.platform as Platform] ?? c.topAccount.platform} @${c.topAccount.handle}` : null,
                      c.representedBy ? `via ${c.representedBy}` : null,
                      c.hasLiveOffer ? 'already has an offer' : null,
                      c.status === 'do_not_work' ? 'do not work' : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                ))}
              </div>
              {err('creatorIds') ? <p className="field-error" role="alert">{err('creatorIds')}</p> : null}
            </fieldset>
            <fieldset className="fieldset-box stack">
              <legend>Deliverables</legend>
              {Array.from({ length: DELIVERABLE_SLOTS }, (_, i) => i).map((i) => {
                const row = (
                  <div key={i} className="form-row">
                    <SelectField
                      label={`Format ${i + 1}`}
                      name={`d${i}_format`}
                      defaultValue={val(`d${i}_format`)}
                      placeholder={i === 0 ? 'Choose…' : 'None'}
                      options={FORMATS.map((f) => ({
                        value: f,
                        label: FORMAT_LABEL[f],
                      }))}
                      error={err(`d${i}_format`)}
                    />
                    <SelectField
                      label="Platform"
                      name={`d${i}_platform`}
                      defaultValue={val(`d${i}_platform`)}
                      placeholder="Default for format"
                      options={Object.entries(PLATFORM_LABEL).map(([value, label]) => ({ value, label }))}
                      error={err(`d${i}_platform`)}
                      hint={i === 0 ? `e.g. reel: ${FORMAT_PLATFORMS.reel.map((p) => PLATFORM_LABEL[p]).join(' or ')}` : undefined}
                    />
                    <TextField label="Quantity" name={`d${i}_quantity`} inputMode="numeric" defaultValue={val(`d${i}_quantity`, '1')} error={err(`d${i}_quantity`)} />
                    <TextField label="Draft due" name={`d${i}_draftDueOn`} type="date" defaultValue={val(`d${i}_draftDueOn`)} error={err(`d${i}_draftDueOn`)} />
                    <TextField label="Post from" name={`d${i}_postWindowStart`} type="date" defaultValue={val(`d${i}_postWindowStart`)} error={err(`d${i}_postWindowStart`)} />
                    <TextField label="Post by" name={`d${i}_postWindowEnd`} type="date" defaultValue={val(`d${i}_postWindowEnd`)} error={err(`d${i}_postWindowEnd`)} />
                  </div>
                )
                if (i === 0) return row
                const hasError = ['format', 'platform', 'quantity', 'draftDueOn', 'postWindowStart', 'postWindowEnd'].some((f) => err(`d${i}_${f}`)) || Boolean(val(`d${i}_format`))
                return (
                  <details key={i} open={hasError}>
                    <summary>Add deliverable {i + 1}</summary>
                    {row}
                  </details>
                )
              })}
            </fieldset>
            <fieldset className="fieldset-box stack">
              <legend>Terms</legend>
              <div className="form-row">
                <SelectField
                  label="Connection"
                  name="connectionType"
                  defaultValue={val('connectionType', 'paid')}
                  options={OFFER_CONNECTION_TYPES.map((c) => ({
                    value: c,
                    label: CONNECTION_LABEL[c],
                  }))}
                  error={err('connectionType')}
                />
                <TextField label={`Fee (${campaign.currency})`} name="fee" inputMode="decimal" defaultValue={val('fee')} error={err('fee')} hint="Per creator." />
                <TextField label="Gift" name="giftDescription" defaultValue={val('giftDescription')} error={err('giftDescription')} hint="For gifted/mixed, e.g. Trail 3 shoes." />
              </div>
              <div className="form-row">
                <TextField label="Pay within (days)" name="paymentNetDays" inputMode="numeric" defaultValue={val('paymentNetDays', '30')} error={err('paymentNetDays')} />
                <SelectField
                  label="Clock starts"
                  name="paymentClockStart"
                  defaultValue={val('paymentClockStart', 'post_verified')}
                  options={PAYMENT_CLOCK_STARTS.map((p) => ({
                    value: p,
                    label: PAYMENT_CLOCK_LABEL[p],
                  }))}
                  error={err('paymentClockStart')}
                />
                <TextField label="Revision rounds" name="revisionRounds" inputMode="numeric" defaultValue={val('revisionRounds', '2')} error={err('revisionRounds')} />
              </div>
              <div className="form-row">
                <SelectField
                  label="Usage rights"
                  name="usageRights"
                  defaultValue={val('usageRights', 'none')}
                  options={USAGE_RIGHTS.map((u) => ({
                    value: u,
                    label: USAGE_LABEL[u],
                  }))}
                  error={err('usageRights')}
                />
                <TextField label="Usage months" name="usageMonths" inputMode="numeric" defaultValue={val('usageMonths', '0')} error={err('usageMonths')} />
                <TextField label="Usage territory" name="usageTerritory" defaultValue={val('usageTerritory')} error={err('usageTerritory')} hint="e.g. US, or Worldwide" />
              </div>
              <div className="form-row">
                <TextField label="Exclusivity category" name="exclusivityCategory" defaultValue={val('exclusivityCategory')} error={err('exclusivityCategory')} hint="e.g. running shoes. Empty: none." />
                <TextField label="Exclusivity months" name="exclusivityMonths" inputMode="numeric" defaultValue={val('exclusivityMonths', '0')} error={err('exclusivityMonths')} />
                <TextField label="Offer expires" name="expiresOn" type="date" required defaultValue={val('expiresOn', tomorrowPlus(7))} error={err('expiresOn')} />
              </div>
              <TextareaField label="Message to the creator" name="message" rows={2} defaultValue={val('message')} error={err('message')} />
            </fieldset>
            {shownGuidance ? (
              <FeeGuidance g={shownGuidance} pending={guidance.state === 'loading'} rosterHref={`/b/${brandSlug}/roster`} />
            ) : (
              <p className="muted small">Choose the first deliverable's format, a creator and the fee to see your fee history for similar work.</p>
            )}
            <div>
              <Button type="submit" formMethod="get" formNoValidate name="guide" value="1" variant="ghost" className="btn-sm">
                Check fee guidance
              </Button>
            </div>
            {failure && Object.keys(failure.fieldErrors).length ? <FormError errors={failure.formError} /> : null}
            <p className="muted small">
              Committed so far: <Money minor={committedMinor} currency={campaign.currency} /> of{' '}
              <Money minor={campaign.budgetMinor} currency={campaign.currency} />. You'll be warned before going over.
            </p>
            <div>
              <Button type="submit" variant="primary" pending={sending} pendingText="Sending…" disabled={!canSendNow}>
                Send offer
              </Button>
            </div>
          </Form>
        </Card>
      ) : null}
    </>
  )
}
