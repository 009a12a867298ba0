import { Form, useFetcher } from '@remix-run/react'
import { useRef, useState } from 'react'
import { Button, CheckboxField, FormError, Money, SelectField, TextField, TextareaField } from '#app/components/ui.tsx'
import { FeeGuidance, type FeeGuidanceView } from '#app/components/roster/fee-guidance.tsx'
import { CONNECTION_LABEL, FORMATS, FORMAT_LABEL, FORMAT_PLATFORMS, PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'
import { DELIVERABLE_SLOTS, OFFER_CONNECTION_TYPES, PAYMENT_CLOCK_LABEL, PAYMENT_CLOCK_STARTS, USAGE_LABEL, USAGE_RIGHTS } from '#app/domain/offer-terms.ts'
import { fieldError, type ActionFailureShape } from '#app/utils/forms.ts'

/** A roster creator the offer can go to (listOfferCandidates). */
export interface OfferCandidateView {
  creatorId: string
  name: string
  status: string | null
  representedBy: string | null
  topAccount: { platform: string; handle: string } | null
  hasLiveOffer: boolean
}

/** What the form starts with: what was typed (after a refusal or a no-JS guidance check) or the defaults. */
type Value = (name: string, fallback?: string) => string
type ErrorOf = (name: string) => string | undefined

function tomorrowPlus(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

/**
 * The send-an-offer form: creators, up to three deliverables, the terms, fee guidance that follows the form
 * (with JavaScript; "Check fee guidance" without), and the budget so far.
 */
export function SendOfferForm(props: {
  offersHref: string
  rosterHref: string
  currency: string
  budgetMinor: number
  committedMinor: number
  canSendNow: boolean
  candidates: OfferCandidateView[]
  pickedCreators: string[]
  feeGuidance: FeeGuidanceView | null
  failure: ActionFailureShape | null
  sending: boolean
  val: Value
}) {
  const { currency, failure, val } = props
  const formKey = useFormKey(props.sending)
  const guidance = useLiveFeeGuidance(props.offersHref, formKey)
  const shownGuidance = guidance.shown ?? props.feeGuidance
  const err: ErrorOf = (f) => fieldError(failure, f)
  return (
    <Form key={formKey} method="post" className="stack" noValidate onChange={(e) => guidance.refresh(e.currentTarget)}>
      <input type="hidden" name="intent" value="send" />
      <CreatorsFieldset candidates={props.candidates} picked={props.pickedCreators} error={err('creatorIds')} />
      <DeliverablesFieldset val={val} err={err} />
      <TermsFieldset currency={currency} val={val} err={err} />
      {shownGuidance ? (
        <FeeGuidance g={shownGuidance} pending={guidance.pending} rosterHref={props.rosterHref} />
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
        Committed so far: <Money minor={props.committedMinor} currency={currency} /> of <Money minor={props.budgetMinor} currency={currency} />. You'll be
        warned before going over.
      </p>
      <div>
        <Button type="submit" variant="primary" pending={props.sending} pendingText="Sending…" disabled={!props.canSendNow}>
          Send offer
        </Button>
      </div>
    </Form>
  )
}

/**
 * The form's key: a new one each time a submission of this form settles. After "Send offer" redirects back
 * here the whole form starts afresh (creators, every deliverable, terms); after a refusal or "Check fee
 * guidance" it remounts filled with what was typed (echoed by the action or the query). Any other
 * navigation to this page (its own "Creators & offers" tab, a withdraw, a redirect landing here) keeps
 * what is being typed: keyed by `location.key`, the form was wiped by those too, and a creator ticked while
 * such a navigation was on its way was silently left out of the offer.
 */
function useFormKey(sending: boolean) {
  const [key, setKey] = useState(0)
  const [wasSending, setWasSending] = useState(sending)
  if (wasSending !== sending) {
    // React's "adjust state while rendering" pattern: the remount happens in the same render that shows the result.
    setWasSending(sending)
    if (!sending) setKey((k) => k + 1)
  }
  return key
}

/**
 * With JavaScript, fee guidance follows the form as it is filled in (first deliverable, first creator, fee),
 * asked of the page's own loader. Live guidance belongs to the form it was asked for: a fresh form (after
 * sending, a new form key) drops it.
 */
function useLiveFeeGuidance(offersHref: string, formKey: number) {
  const fetcher = useFetcher<{ feeGuidance: FeeGuidanceView | null }>()
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const guidedFor = useRef<number | null>(null)
  const refresh = (form: HTMLFormElement) => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      const fd = new FormData(form)
      const q = new URLSearchParams()
      for (const [k, v] of fd.entries()) {
        if (typeof v === 'string' && v && (k === 'fee' || k === 'd0_platform' || /^d\d+_(format|quantity)$/.test(k))) q.set(k, v)
      }
      const first = fd.getAll('creatorIds')[0]
      if (typeof first === 'string') q.set('creatorIds', first)
      guidedFor.current = formKey
      if (q.get('d0_format')) fetcher.load(`${offersHref}?${q}`)
    }, 300)
  }
  return {
    shown: fetcher.data && guidedFor.current === formKey ? fetcher.data.feeGuidance : undefined,
    pending: fetcher.state === 'loading',
    refresh,
  }
}

function CreatorsFieldset({ candidates, picked, error }: { candidates: OfferCandidateView[]; picked: string[]; error: string | undefined }) {
  return (
    <fieldset className="fieldset-box">
      <legend>Creators</legend>
      <div className="grid-2">
        {candidates.map((c) => (
          <CheckboxField
            key={c.creatorId}
            name="creatorIds"
            value={c.creatorId}
            defaultChecked={picked.includes(c.creatorId)}
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
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}

const SLOT_FIELDS = ['format', 'platform', 'quantity', 'draftDueOn', 'postWindowStart', 'postWindowEnd'] as const

/** The first deliverable line is open; the others fold away unless filled in or refused. */
function DeliverablesFieldset({ val, err }: { val: Value; err: ErrorOf }) {
  return (
    <fieldset className="fieldset-box stack">
      <legend>Deliverables</legend>
      {Array.from({ length: DELIVERABLE_SLOTS }, (_, i) => i).map((i) => {
        const row = <DeliverableRow key={i} i={i} val={val} err={err} />
        if (i === 0) return row
        const open = SLOT_FIELDS.some((f) => err(`d${i}_${f}`)) || Boolean(val(`d${i}_format`))
        return (
          <details key={i} open={open}>
            <summary>Add deliverable {i + 1}</summary>
            {row}
          </details>
        )
      })}
    </fieldset>
  )
}

function DeliverableRow({ i, val, err }: { i: number; val: Value; err: ErrorOf }) {
  const d = (f: (typeof SLOT_FIELDS)[number]) => `d${i}_${f}`
  return (
    <div className="form-row">
      <SelectField
        label={`Format ${i + 1}`}
        name={d('format')}
        defaultValue={val(d('format'))}
        placeholder={i === 0 ? 'Choose…' : 'None'}
        options={FORMATS.map((f) => ({ value: f, label: FORMAT_LABEL[f] }))}
        error={err(d('format'))}
      />
      <SelectField
        label="Platform"
        name={d('platform')}
        defaultValue={val(d('platform'))}
        placeholder="Default for format"
        options={Object.entries(PLATFORM_LABEL).map(([value, label]) => ({ value, label }))}
        error={err(d('platform'))}
        hint={i === 0 ? `e.g. reel: ${FORMAT_PLATFORMS.reel.map((p) => PLATFORM_LABEL[p]).join(' or ')}` : undefined}
      />
      <TextField label="Quantity" name={d('quantity')} inputMode="numeric" defaultValue={val(d('quantity'), '1')} error={err(d('quantity'))} />
      <TextField label="Draft due" name={d('draftDueOn')} type="date" defaultValue={val(d('draftDueOn'))} error={err(d('draftDueOn'))} />
      <TextField label="Post from" name={d('postWindowStart')} type="date" defaultValue={val(d('postWindowStart'))} error={err(d('postWindowStart'))} />
      <TextField label="Post by" name={d('postWindowEnd')} type="date" defaultValue={val(d('postWindowEnd'))} error={err(d('postWindowEnd'))} />
    </div>
  )
}

/** Connection, fee and gift; payment; usage rights; exclusivity and expiry; the message. */
function TermsFieldset({ currency, val, err }: { currency: string; val: Value; err: ErrorOf }) {
  // A text field whose name, value and error all follow one field name.
  const text = (name: string, label: string, more: { fallback?: string; hint?: string; numeric?: 'numeric' | 'decimal'; type?: string; required?: boolean } = {}) => (
    <TextField
      label={label}
      name={name}
      inputMode={more.numeric}
      type={more.type}
      required={more.required}
      defaultValue={val(name, more.fallback)}
      error={err(name)}
      hint={more.hint}
    />
  )
  const select = (name: string, label: string, fallback: string, options: { value: string; label: string }[]) => (
    <SelectField label={label} name={name} defaultValue={val(name, fallback)} options={options} error={err(name)} />
  )
  return (
    <fieldset className="fieldset-box stack">
      <legend>Terms</legend>
      <div className="form-row">
        {select('connectionType', 'Connection', 'paid', OFFER_CONNECTION_TYPES.map((c) => ({ value: c, label: CONNECTION_LABEL[c] })))}
        {text('fee', `Fee (${currency})`, { numeric: 'decimal', hint: 'Per creator.' })}
        {text('giftDescription', 'Gift', { hint: 'For gifted/mixed, e.g. Trail 3 shoes.' })}
      </div>
      <div className="form-row">
        {text('paymentNetDays', 'Pay within (days)', { numeric: 'numeric', fallback: '30' })}
        {select('paymentClockStart', 'Clock starts', 'post_verified', PAYMENT_CLOCK_STARTS.map((p) => ({ value: p, label: PAYMENT_CLOCK_LABEL[p] })))}
        {text('revisionRounds', 'Revision rounds', { numeric: 'numeric', fallback: '2' })}
      </div>
      <div className="form-row">
        {select('usageRights', 'Usage rights', 'none', USAGE_RIGHTS.map((u) => ({ value: u, label: USAGE_LABEL[u] })))}
        {text('usageMonths', 'Usage months', { numeric: 'numeric', fallback: '0' })}
        {text('usageTerritory', 'Usage territory', { hint: 'e.g. US, or Worldwide' })}
      </div>
      <div className="form-row">
        {text('exclusivityCategory', 'Exclusivity category', { hint: 'e.g. running shoes. Empty: none.' })}
        {text('exclusivityMonths', 'Exclusivity months', { numeric: 'numeric', fallback: '0' })}
        {text('expiresOn', 'Offer expires', { type: 'date', required: true, fallback: tomorrowPlus(7) })}
      </div>
      <TextareaField label="Message to the creator" name="message" rows={2} defaultValue={val('message')} error={err('message')} />
    </fieldset>
  )
}
