import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Button, Card, DateTime, FormError, LinkButton, Money, PageHeader, RelativeDue, StatusChip, TextField, TextareaField } from '#app/components/ui.tsx'
import { BriefDiff, BriefView } from '#app/components/campaigns/brief-view.tsx'
import { DisclosureBox, DisclosureExtras } from '#app/components/campaigns/disclosure-box.tsx'
import { splitDisclosure } from '#app/domain/disclosure/split-disclosure.ts'
import { GRANT_SCOPE_LABEL } from '#app/auth/capabilities.ts'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { deliverableLabel, moneyWords, termsSentences } from '#app/domain/offer-terms.ts'
import { acceptOffer } from '#app/services/offers/accept-offer.server.ts'
import { acknowledgeBrief } from '#app/services/offers/acknowledge-brief.server.ts'
import { counterOffer } from '#app/services/offers/counter-offer.server.ts'
import { declineOffer } from '#app/services/offers/decline-offer.server.ts'
import { getCreatorOffer } from '#app/services/offers/get-creator-offer.server.ts'
import { getCurrentContract } from '#app/services/contracts/get-current-contract.server.ts'
import { offerDisclosure } from '#app/services/offers/offer-disclosure.server.ts'
import { creatorOfferActionSchema } from '#app/validation/creator-forms.server.ts'
import { creatorOfferCurrency } from '#app/services/money/currency-of.server.ts'
import { parseForm } from '#app/validation/parse-form.server.ts'
import { handleAction, handleLoader, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf, fieldError } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.campaign.name ?? 'Offer'} · Greenroom` }]

// The creator, or any agent with an active grant (read); answering needs the "answer offers" scope.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireCreatorActor(args, 'view')
  const data = await handleLoader(() => getCreatorOffer(actor.creator.id, args.params.offer!))
  const canAnswer = actor.via.kind === 'self' || actor.via.scopes.includes('answer_offers')
  return {
    ...data,
    // The terms in words are built here, so the sentence builder stays on the server.
    sentences: termsSentences(data.terms),
    contract: await getCurrentContract(data.offer.id),
    creator: { id: actor.creator.id, name: actor.creator.name },
    actingAs: actor.via.kind === 'agent' ? actor.via.agencyName : null,
    canAnswer,
    refusal: canAnswer
      ? null
      : `${actor.creator.name} has not given ${actor.via.kind === 'agent' ? actor.via.agencyName : 'your agency'} the "${GRANT_SCOPE_LABEL.answer_offers}" permission, so you can read this offer but not accept, counter or decline it. Ask ${actor.creator.name.split(' ')[0]} to add it from their profile.`,
    disclosure: offerDisclosure(data.specs, data.offer.connectionType, data.jurisdiction, data.brand.name, data.brief),
  }
}

// The creator, or an agent with the "answer offers" scope (the guard refuses others with a sentence).
export async function action(args: ActionFunctionArgs) {
  const actor = await requireCreatorActor(args, 'answer_offers')
  const offerId = args.params.offer!
  const here = `/c/${actor.creator.id}/offers/${offerId}`
  return handleAction(async () => {
    // A counter-offer's fee is typed in the offer's currency (the creator's own offers only).
    const input = await parseForm(args.request, creatorOfferActionSchema(await creatorOfferCurrency(actor.creator.id, offerId)))
    switch (input.intent) {
      case 'accept': {
        const r = await acceptOffer(actor, offerId)
        return redirectWithFlash(here, r.alreadyAccepted ? 'This offer was already accepted: nothing changed.' : "Offer accepted. Your deliverables and dates are below.")
      }
      case 'decline':
        await declineOffer(actor, offerId, input.reason)
        return redirectWithFlash(here, 'Offer declined. The brand has been told.')
      case 'counter':
        await counterOffer(actor, offerId, { feeMinor: input.fee, note: input.note })
        return redirectWithFlash(here, 'Counter-offer sent. We will email you when the brand answers.')
      case 'acknowledge': {
        const r = await acknowledgeBrief(actor, offerId, input.version)
        return redirectWithFlash(here, r.already ? 'You had already confirmed this version.' : 'Thanks: you confirmed the updated brief.')
      }
    }
  })
}

export default function OfferPage() {
  const d = useLoaderData<typeof loader>()
  const failure = failureOf(useActionData<typeof action>())
  const accepting = useIsPending({ intent: 'accept' })
  const countering = useIsPending({ intent: 'counter' })
  const declining = useIsPending({ intent: 'decline' })
  const acking = useIsPending({ intent: 'acknowledge' })
  const { offer } = d
  const open = offer.status === 'invited'
  const sentences = d.sentences
  const lines = d.deliverables.length
    ? d.deliverables.map((x) => ({ key: x.id, ...x, quantity: 1, title: `${deliverableLabel(x)}${x.position > 1 ? ` #${x.position}` : ''}`, spec: d.specs.findIndex((s) => s.platform === x.platform && s.format === x.format) }))
    : d.specs.map((x, i) => ({ key: String(i), ...x, position: 1, status: null as string | null, title: deliverableLabel(x), spec: i }))
  // The disclosure checklist once for every deliverable; each row shows only what it adds (issue #21).
  const disclosure = splitDisclosure(d.disclosure)
  const single = d.disclosure.length === 1
  return (
    <>
      <PageHeader
        back={{ to: `/c/${d.creator.id}`, label: 'To do' }}
        title={d.campaign.name}
        subtitle={
          <span className="cluster">
            <span>
              Offer from <strong>{d.brand.name}</strong>
              {d.actingAs ? ` to ${d.creator.name}` : ''}
            </span>
            <StatusChip status={offer.status} />
          </span>
        }
      />
      <FormError errors={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.formError : null} />
      {offer.status === 'expired' ? <p className="callout callout-danger">This offer expired and can no longer be accepted. Ask {d.brand.name} to send a new one.</p> : null}
      {offer.status === 'withdrawn' ? <p className="callout callout-danger">{d.brand.name} withdrew this offer, so it can no longer be accepted.</p> : null}
      {offer.status === 'declined' ? <p className="callout">You declined this offer{offer.responseNote ? `: “${offer.responseNote}”` : '.'}</p> : null}
      {offer.status === 'countered' ? (
        <p className="callout callout-info">
          You asked for <Money minor={offer.counterFeeMinor ?? 0} currency={offer.currency} />
          {offer.counterNote ? ` (“${offer.counterNote}”)` : ''}. {d.brand.name} will accept or decline it; we'll email you.
        </p>
      ) : null}
      {open && offer.responseNote ? <p className="callout callout-info">{d.brand.name} declined your counter-offer: “{offer.responseNote}”. The offer below still stands.</p> : null}
      {offer.acceptedAt ? (
        <p className="callout callout-success">
          Accepted on <DateTime value={offer.acceptedAt} /> with brief version {offer.acceptedBriefVersion}.
        </p>
      ) : null}
      {d.contract ? (
        <p className={d.contract.status === 'awaiting_creator' ? 'callout callout-warning' : 'callout'}>
          Contract v{d.contract.version}: {d.contract.status === 'awaiting_creator' ? 'waiting for your signature.' : d.contract.status === 'awaiting_brand' ? 'signed, waiting for the brand.' : 'signed by both.'}{' '}
          <Link to={`/c/${d.creator.id}/contracts/${d.contract.id}`} className="tap-link">{d.contract.status === 'awaiting_creator' ? 'Read and sign the contract' : 'Open the contract'}</Link>
        </p>
      ) : null}
      {d.needsReack ? (
        <Card title={`The brief changed: version ${d.briefVersion}`} className="callout-warning" id="reack">
          <p>Read what changed since the version you confirmed (v{d.acknowledgedVersion}), then confirm.</p>
          <BriefDiff changes={d.changes} />
          {d.canAnswer ? (
            <Form method="post">
              <input type="hidden" name="intent" value="acknowledge" />
              <input type="hidden" name="version" value={d.briefVersion} />
              <Button type="submit" variant="primary" pending={acking} pendingText="Confirming…">
                I've read the changes
              </Button>
            </Form>
          ) : (
            <p className="callout callout-warning">{d.refusal}</p>
          )}
        </Card>
      ) : null}
      {offer.extendsOfferId ? (
        <p className="callout callout-info">
          {d.brand.name} offers {moneyWords(offer.feeMinor + offer.usageFeeMinor, offer.currency)} to extend the usage rights of your collaboration by {offer.usageMonths} month{offer.usageMonths === 1 ? '' : 's'}. There is nothing new to make: you accept and sign a contract for the extension.
        </p>
      ) : null}
      {offer.message ? (
        <Card title={`Message from ${d.brand.name}`}>
          <p className="prose">{offer.message}</p>
        </Card>
      ) : null}
      <div className={open ? 'split' : 'stack'}>
        <div className="stack">
          <Card title="The terms">
            <ul className="stack-sm">
              {sentences.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
            {open && offer.expiresAt ? (
              <p className="small">
                Answer by <DateTime value={offer.expiresAt} /> <RelativeDue due={offer.expiresAt} />
              </p>
            ) : null}
          </Card>
          <Card title="What you'll make">
            <ul className="list">
              {lines.map((x) => (
                <li key={x.key} className="list-row">
                  <div className="stack-sm">
                    <span className="cluster">
                      <strong>{x.title}</strong>
                      {x.status ? <StatusChip status={x.status} /> : null}
                    </span>
                    <p className="small">
                      Draft due {x.draftDueOn ? <DateTime value={x.draftDueOn} dateOnly /> : <span className="muted">(no date)</span>} · post between{' '}
                      {x.postWindowStart ? <DateTime value={x.postWindowStart} dateOnly /> : 'any time'} and {x.postWindowEnd ? <DateTime value={x.postWindowEnd} dateOnly /> : 'the campaign end'}
                    </p>
                    {single ? null : <DisclosureExtras own={disclosure.own[x.spec] ?? null} />}
                    {x.status ? (
                      <LinkButton to={`/c/${d.creator.id}/deliverables/${x.key}`} variant={x.status === 'pending' || x.status === 'changes_requested' ? 'primary' : 'secondary'} className="btn-sm">
                        {x.status === 'pending' ? 'Upload draft' : x.status === 'changes_requested' ? 'Answer feedback' : 'Open deliverable'}
                      </LinkButton>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
            {d.disclosure.length ? (
              <DisclosureBox
                requirement={disclosure.shared}
                summary={single ? d.disclosure[0]!.summary : 'These apply to every deliverable above; each one lists what it adds.'}
              />
            ) : null}
            <Link to="#brief" className="tap-link">
              Read the brief
            </Link>
          </Card>
          <Card title={d.brief ? `The brief · version ${d.briefVersion}` : 'The brief'} id="brief">
            {d.brief ? <BriefView brief={d.brief} /> : <p className="muted">The brand has not published a brief yet.</p>}
          </Card>
        </div>
        {open ? (
          <div className="stack sticky-side">
            <Card title="Your answer" id="answer">
              {!d.canAnswer ? (
                <p className="callout callout-warning" role="note">
                  {d.refusal}
                </p>
              ) : (
                <div className="stack">
                  <p className="muted small">Happy with everything? Accept with the button at the bottom. Otherwise:</p>
                  <details open={Boolean(fieldError(failure, 'fee') || fieldError(failure, 'note'))}>
                    <summary>Counter with a different fee</summary>
                    <Form method="post" className="stack-sm" noValidate>
                      <input type="hidden" name="intent" value="counter" />
                      <TextField label={`Your fee (${offer.currency})`} name="fee" inputMode="decimal" required error={fieldError(failure, 'fee')} />
                      <TextareaField label="Note to the brand" name="note" rows={2} error={fieldError(failure, 'note')} />
                      <Button type="submit" pending={countering} pendingText="Sending…">
                        Send counter-offer
                      </Button>
                    </Form>
                  </details>
                  <details open={Boolean(fieldError(failure, 'reason'))}>
                    <summary>Decline</summary>
                    <Form method="post" className="stack-sm" noValidate>
                      <input type="hidden" name="intent" value="decline" />
                      <TextareaField label="Reason" name="reason" rows={2} required error={fieldError(failure, 'reason')} hint="The brand sees this." />
                      <Button type="submit" variant="danger" pending={declining} pendingText="Declining…">
                        Decline offer
                      </Button>
                    </Form>
                  </details>
                </div>
              )}
            </Card>
          </div>
        ) : null}
      </div>
      {open && d.canAnswer ? (
        <div className="decision-bar">
          <span className="small">
            <span className="muted">
              Accepting records these terms and brief v{d.briefVersion}
              {d.actingAs ? `, accepted by you for ${d.creator.name}` : ''}.
            </span>
          </span>
          <Form method="post">
            <input type="hidden" name="intent" value="accept" />
            <Button type="submit" variant="primary" pending={accepting} pendingText="Accepting…">
              Accept offer · {moneyWords(offer.extendsOfferId ? offer.feeMinor + offer.usageFeeMinor : offer.feeMinor, offer.currency)}
            </Button>
          </Form>
        </div>
      ) : null}
    </>
  )
}
