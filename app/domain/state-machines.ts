/**
 * The life cycles of campaigns, offers/collaborations, deliverables and invoices as explicit state
 * machines (shared/DESIGN.md "Core objects and their life"). Pure: services ask `can`/`next` before a
 * compare-and-set update (`... where status = from`), the UI asks `events` to decide which buttons to show.
 *
 * Offer negotiation ('countered'): a creator may counter an invited offer once. 'countered' is its own
 * state (a sub-state of "invited": the offer is still open and can still expire, be withdrawn by the
 * brand or be declined by the creator). From 'countered' the brand either
 *   accept_counter -> accepted   (the creator's counter terms become the contract), or
 *   reject_counter -> invited    (the original offer is back in front of the creator, who may accept or
 *                                 decline it, but not counter again without a new 'counter' event).
 * The creator's plain 'accept' is NOT allowed from 'countered' (they proposed other terms; the brand
 * answers first). To end the negotiation instead, the brand uses 'withdraw', the creator 'decline'.
 *
 * After acceptance the same record is the collaboration: accepted -> active -> completed | cancelled.
 * The offers.status column holds both (OFFER_RECORD_STATUSES / offerRecordMachine).
 */

import { ConflictError } from '#app/utils/errors.ts'
import type { ContractStatus } from './contracts.ts'

/**
 * The one refusal for a status change the life cycle does not allow, everywhere in the app: a
 * ConflictError, so an action answers 409 with this sentence (app/utils/responses.server.ts).
 */
export class IllegalTransitionError extends ConflictError {
  override readonly name = 'IllegalTransitionError'
  constructor(
    readonly machine: string,
    readonly from: string,
    readonly event: string,
    message?: string,
  ) {
    super(message ?? `Can’t ${event.replace(/_/g, ' ')}: this ${machine} is ${from.replace(/_/g, ' ')}.`)
  }
}

export interface Machine<S extends string, E extends string> {
  readonly name: string
  readonly states: readonly S[]
  readonly transitions: Readonly<Record<S, Readonly<Partial<Record<E, S>>>>>
  /** Is `value` one of this machine's states? (For status strings read from the database.) */
  isState(value: unknown): value is S
  /** May `event` happen in state `from`? Unknown states/events are simply false. */
  can(from: S, event: E): boolean
  /**
   * The state after `event`; throws IllegalTransitionError when the transition is not allowed (with
   * `message` when given, so a service keeps its own sentence). `from` may be any string read from the database.
   */
  next(from: S | (string & {}), event: E, message?: string): S
  /** The states `event` may happen in: the `where status in (...)` of a compare-and-set update. */
  sources(event: E): S[]
  /** The states reachable in one event from `from` (for buttons that name the target state). */
  targets(from: S | (string & {})): S[]
  /** Events allowed in `from`, in declaration order ([] for terminal or unknown states). */
  events(from: S): E[]
  /** No event leaves this state. */
  isTerminal(from: S): boolean
}

/**
 * Build a machine from its transition table: state -> { event: next state }. Every state must be a key
 * (terminal states map to {}); a target that is not a key throws when the machine is defined.
 * Each call below is marked `@__PURE__` so the browser build drops the machines a page does not use: a
 * component importing one status list otherwise shipped all nine tables (issue #18). The unit tests and
 * the server still define (and so check) every machine.
 */
export function defineMachine<S extends string, E extends string>(
  transitions: Record<S, Partial<Record<E, S>>>,
  name = 'record',
): Machine<S, E> {
  const states = Object.keys(transitions) as S[]
  const isState = (value: unknown): value is S => typeof value === 'string' && Object.hasOwn(transitions, value)
  for (const s of states) {
    for (const [event, target] of Object.entries(transitions[s]) as [string, unknown][]) {
      if (!isState(target)) throw new Error(`${name}: "${s}" --${event}--> "${String(target)}" goes to an unknown state`)
    }
  }
  const lookup = (from: S, event: E): S | undefined => {
    if (!isState(from)) return undefined
    const row = transitions[from]
    return typeof event === 'string' && Object.hasOwn(row, event) ? row[event] : undefined
  }
  return {
    name,
    states,
    transitions,
    isState,
    can: (from, event) => lookup(from, event) !== undefined,
    next: (from, event, message) => {
      const to = lookup(from as S, event)
      if (to === undefined) throw new IllegalTransitionError(name, String(from), String(event), message)
      return to
    },
    sources: (event) => states.filter((s) => lookup(s, event) !== undefined),
    targets: (from) => (isState(from) ? [...new Set(Object.values(transitions[from]) as S[])] : []),
    events: (from) => (isState(from) ? (Object.keys(transitions[from]) as E[]) : []),
    isTerminal: (from) => isState(from) && Object.keys(transitions[from]).length === 0,
  }
}

// ---------------------------------------------------------------------------------------------------
// Campaign: draft -> active -> completed -> archived; a draft can be archived straight away.
// ---------------------------------------------------------------------------------------------------
export const CAMPAIGN_STATUSES = ['draft', 'active', 'completed', 'archived'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]
export const CAMPAIGN_EVENTS = ['activate', 'complete', 'archive'] as const
export type CampaignEvent = (typeof CAMPAIGN_EVENTS)[number]

export const campaignMachine = /* @__PURE__ */ defineMachine<CampaignStatus, CampaignEvent>(
  {
    draft: { activate: 'active', archive: 'archived' },
    active: { complete: 'completed' },
    completed: { archive: 'archived' },
    archived: {},
  },
  'campaign',
)

/** The button that moves a campaign into each state. */
export const CAMPAIGN_TRANSITION_LABEL: Record<CampaignStatus, string> = {
  draft: 'Back to draft',
  active: 'Start campaign',
  completed: 'Mark completed',
  archived: 'Archive',
}

/** The campaign event that moves `from` to `to`; IllegalTransitionError when there is none. */
export function campaignEventTo(from: string, to: string, message?: string): CampaignEvent {
  const event = campaignMachine.isState(from)
    ? campaignMachine.events(from).find((e) => campaignMachine.transitions[from][e] === to)
    : undefined
  if (!event) throw new IllegalTransitionError('campaign', from, `become ${to}`, message)
  return event
}

// ---------------------------------------------------------------------------------------------------
// Offer (before acceptance). See the header for 'countered'.
// ---------------------------------------------------------------------------------------------------
export const OFFER_STATUSES = ['invited', 'countered', 'accepted', 'declined', 'expired', 'withdrawn'] as const
export type OfferStatus = (typeof OFFER_STATUSES)[number]
export const OFFER_EVENTS = ['accept', 'decline', 'expire', 'withdraw', 'counter', 'accept_counter', 'reject_counter'] as const
export type OfferEvent = (typeof OFFER_EVENTS)[number]
/** The offer is still open (a creator or the brand can act on it). */
export const OPEN_OFFER_STATUSES = ['invited', 'countered'] as const satisfies readonly OfferStatus[]
/** Statuses of offers.status that commit the fee (the collaboration exists). */
export const COMMITTED_OFFER_STATUSES = ['accepted', 'active', 'completed'] as const
// A pure call, not a bare array spread, so a browser chunk that does not use it can drop it.
/** Open or committed: the creator already has a live offer in the campaign. */
export const LIVE_OFFER_STATUSES = /* @__PURE__ */ (() => [...OPEN_OFFER_STATUSES, ...COMMITTED_OFFER_STATUSES] as const)()

const offerTransitions = {
  invited: { accept: 'accepted', decline: 'declined', expire: 'expired', withdraw: 'withdrawn', counter: 'countered' },
  countered: { accept_counter: 'accepted', reject_counter: 'invited', decline: 'declined', expire: 'expired', withdraw: 'withdrawn' },
  accepted: {},
  declined: {},
  expired: {},
  withdrawn: {},
} as const satisfies Record<OfferStatus, Partial<Record<OfferEvent, OfferStatus>>>

export const offerMachine = /* @__PURE__ */ defineMachine<OfferStatus, OfferEvent>(offerTransitions, 'offer')

// ---------------------------------------------------------------------------------------------------
// Collaboration (the accepted offer): accepted -> active -> completed | cancelled.
// ---------------------------------------------------------------------------------------------------
export const COLLABORATION_STATUSES = ['accepted', 'active', 'completed', 'cancelled'] as const
export type CollaborationStatus = (typeof COLLABORATION_STATUSES)[number]
export const COLLABORATION_EVENTS = ['start', 'complete', 'cancel'] as const
export type CollaborationEvent = (typeof COLLABORATION_EVENTS)[number]

const collaborationTransitions = {
  accepted: { start: 'active', cancel: 'cancelled' },
  active: { complete: 'completed', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
} as const satisfies Record<CollaborationStatus, Partial<Record<CollaborationEvent, CollaborationStatus>>>

export const collaborationMachine = /* @__PURE__ */ defineMachine<CollaborationStatus, CollaborationEvent>(collaborationTransitions, 'collaboration')

/** Every value of offers.status: the offer states followed by the collaboration states after 'accepted'. */
export const OFFER_RECORD_STATUSES = ['invited', 'countered', 'accepted', 'declined', 'expired', 'withdrawn', 'active', 'completed', 'cancelled'] as const
export type OfferRecordStatus = (typeof OFFER_RECORD_STATUSES)[number]
export type OfferRecordEvent = OfferEvent | CollaborationEvent

/** Statuses of offers.status in which the creator is still doing the work (drafts may be submitted). */
export const WORKING_OFFER_STATUSES = ['accepted', 'active'] as const satisfies readonly OfferRecordStatus[]

/** The whole life of one offers row: offerMachine, then collaborationMachine from 'accepted'. */
// The table is built by a pure call too: esbuild keeps an object spread at the top level (a getter could
// run), which kept this machine, the error class and the ConflictError import in every browser chunk.
const offerRecordTransitions = /* @__PURE__ */ Object.assign({}, offerTransitions, collaborationTransitions)
export const offerRecordMachine = /* @__PURE__ */ defineMachine<OfferRecordStatus, OfferRecordEvent>(offerRecordTransitions, 'offer')

// ---------------------------------------------------------------------------------------------------
// Deliverable: pending -> draft_submitted -> (changes_requested -> draft_submitted)* -> approved -> posted
// -> verified; a live post can be sent back: posted -> post_changes_requested -> posted.
// ---------------------------------------------------------------------------------------------------
export const DELIVERABLE_STATUSES = [
  'pending',
  'draft_submitted',
  'changes_requested',
  'approved',
  'posted',
  'post_changes_requested',
  'verified',
] as const
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number]
export const DELIVERABLE_EVENTS = ['submit_draft', 'request_changes', 'approve', 'submit_post', 'request_post_changes', 'verify'] as const
export type DeliverableEvent = (typeof DELIVERABLE_EVENTS)[number]

export const deliverableMachine = /* @__PURE__ */ defineMachine<DeliverableStatus, DeliverableEvent>(
  {
    pending: { submit_draft: 'draft_submitted' },
    draft_submitted: { request_changes: 'changes_requested', approve: 'approved' },
    changes_requested: { submit_draft: 'draft_submitted' },
    approved: { submit_post: 'posted' },
    posted: { verify: 'verified', request_post_changes: 'post_changes_requested' },
    post_changes_requested: { submit_post: 'posted' },
    verified: {},
  },
  'deliverable',
)

// ---------------------------------------------------------------------------------------------------
// Live post (posts.status): submitted -> verified, or sent back (changes_requested) and resubmitted.
// ---------------------------------------------------------------------------------------------------
export const POST_STATUSES = ['submitted', 'changes_requested', 'verified'] as const
export type PostStatus = (typeof POST_STATUSES)[number]
export const POST_EVENTS = ['verify', 'send_back', 'resubmit'] as const
export type PostEvent = (typeof POST_EVENTS)[number]

export const postMachine = /* @__PURE__ */ defineMachine<PostStatus, PostEvent>(
  {
    submitted: { verify: 'verified', send_back: 'changes_requested' },
    changes_requested: { resubmit: 'submitted' },
    verified: {},
  },
  'post',
)

// ---------------------------------------------------------------------------------------------------
// Invoice: submitted -> approved | rejected; approved -> paid (once: 'paid' is terminal);
// submitted | approved | rejected -> void. A paid invoice cannot be voided. An approved invoice whose
// match failed can be sent back to the creator (approved --send_back--> rejected) instead of paid.
// ---------------------------------------------------------------------------------------------------
export const INVOICE_STATUSES = ['submitted', 'approved', 'rejected', 'paid', 'void'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]
export const INVOICE_EVENTS = ['approve', 'reject', 'pay', 'void', 'send_back'] as const
export type InvoiceEvent = (typeof INVOICE_EVENTS)[number]

export const invoiceMachine = /* @__PURE__ */ defineMachine<InvoiceStatus, InvoiceEvent>(
  {
    submitted: { approve: 'approved', reject: 'rejected', void: 'void' },
    approved: { pay: 'paid', void: 'void', send_back: 'rejected' },
    rejected: { void: 'void' },
    paid: {},
    void: {},
  },
  'invoice',
)

// ---------------------------------------------------------------------------------------------------
// Tax form: submitted -> verified | rejected, once, by finance. A payee who needs to correct a form files
// a new one (the latest form on file is the one that counts).
// ---------------------------------------------------------------------------------------------------
export const TAX_FORM_STATUSES = ['submitted', 'verified', 'rejected'] as const
export type TaxFormStatus = (typeof TAX_FORM_STATUSES)[number]
export const TAX_FORM_EVENTS = ['verify', 'reject'] as const
export type TaxFormEvent = (typeof TAX_FORM_EVENTS)[number]

export const taxFormMachine = /* @__PURE__ */ defineMachine<TaxFormStatus, TaxFormEvent>(
  {
    submitted: { verify: 'verified', reject: 'rejected' },
    verified: {},
    rejected: {},
  },
  'tax form',
)

// ---------------------------------------------------------------------------------------------------
// Contract version (app/domain/contracts.ts CONTRACT_STATUSES): awaiting_creator -> (creator signs)
// awaiting_brand -> (brand countersigns) signed. Any version not yet superseded is superseded when the
// next version is generated (terms amended, offer re-accepted); a superseded version never changes again.
// ---------------------------------------------------------------------------------------------------
export const CONTRACT_EVENTS = ['creator_sign', 'countersign', 'supersede'] as const
export type ContractEvent = (typeof CONTRACT_EVENTS)[number]

export const contractMachine = /* @__PURE__ */ defineMachine<ContractStatus, ContractEvent>(
  {
    awaiting_creator: { creator_sign: 'awaiting_brand', supersede: 'superseded' },
    awaiting_brand: { countersign: 'signed', supersede: 'superseded' },
    signed: { supersede: 'superseded' },
    superseded: {},
  },
  'contract',
)
