import { describe, expect, it } from 'vitest'
import {
  CAMPAIGN_EVENTS,
  CAMPAIGN_STATUSES,
  COLLABORATION_EVENTS,
  COLLABORATION_STATUSES,
  DELIVERABLE_EVENTS,
  DELIVERABLE_STATUSES,
  INVOICE_EVENTS,
  INVOICE_STATUSES,
  IllegalTransitionError,
  OFFER_EVENTS,
  OFFER_RECORD_STATUSES,
  OFFER_STATUSES,
  campaignMachine,
  collaborationMachine,
  defineMachine,
  deliverableMachine,
  invoiceMachine,
  offerMachine,
  offerRecordMachine,
  type Machine,
} from '#app/domain/state-machines.ts'

/**
 * Check a machine against a hand-written list of legal transitions "from --event--> to": every listed
 * transition is allowed and lands where listed, and EVERY other (state, event) pair is refused.
 */
function exhaustive<S extends string, E extends string>(machine: Machine<S, E>, states: readonly S[], events: readonly E[], legal: string[]) {
  const table = new Map<string, string>()
  for (const line of legal) {
    const m = /^(\w+) --(\w+)--> (\w+)$/.exec(line)
    if (!m) throw new Error(`bad line ${line}`)
    table.set(`${m[1]}|${m[2]}`, m[3]!)
  }
  const cases: [S, E, string | undefined][] = []
  for (const s of states) for (const e of events) cases.push([s, e, table.get(`${s}|${e}`)])
  return cases
}

function checkCase<S extends string, E extends string>(machine: Machine<S, E>, from: S, event: E, to: string | undefined) {
  if (to) {
    expect(machine.can(from, event)).toBe(true)
    expect(machine.next(from, event)).toBe(to)
    expect(machine.events(from)).toContain(event)
  } else {
    expect(machine.can(from, event)).toBe(false)
    expect(machine.events(from)).not.toContain(event)
    let err: unknown
    try {
      machine.next(from, event)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(IllegalTransitionError)
    expect(err).toMatchObject({ from, event, machine: machine.name })
  }
}

describe('campaign', () => {
  const legal = ['draft --activate--> active', 'draft --archive--> archived', 'active --complete--> completed', 'completed --archive--> archived']
  it.each(exhaustive(campaignMachine, CAMPAIGN_STATUSES, CAMPAIGN_EVENTS, legal))('%s + %s -> %s', (from, event, to) => checkCase(campaignMachine, from, event, to))
  it('has archived as its only terminal state', () => {
    expect(CAMPAIGN_STATUSES.filter((s) => campaignMachine.isTerminal(s))).toEqual(['archived'])
  })
})

describe('offer (including the countered sub-state)', () => {
  const legal = [
    'invited --accept--> accepted',
    'invited --decline--> declined',
    'invited --expire--> expired',
    'invited --withdraw--> withdrawn',
    'invited --counter--> countered',
    'countered --accept_counter--> accepted',
    'countered --reject_counter--> invited',
    'countered --decline--> declined',
    'countered --expire--> expired',
    'countered --withdraw--> withdrawn',
  ]
  it.each(exhaustive(offerMachine, OFFER_STATUSES, OFFER_EVENTS, legal))('%s + %s -> %s', (from, event, to) => checkCase(offerMachine, from, event, to))

  it('a creator cannot plainly accept while their own counter is pending, nor counter twice', () => {
    expect(offerMachine.can('countered', 'accept')).toBe(false)
    expect(offerMachine.can('countered', 'counter')).toBe(false)
  })
  it('after the brand rejects a counter the creator may accept the original or counter again', () => {
    const back = offerMachine.next('countered', 'reject_counter')
    expect(back).toBe('invited')
    expect(offerMachine.events(back)).toEqual(['accept', 'decline', 'expire', 'withdraw', 'counter'])
  })
  it('accepted, declined, expired and withdrawn are terminal for the offer', () => {
    expect(OFFER_STATUSES.filter((s) => offerMachine.isTerminal(s))).toEqual(['accepted', 'declined', 'expired', 'withdrawn'])
  })
})

describe('collaboration (after acceptance)', () => {
  const legal = ['accepted --start--> active', 'accepted --cancel--> cancelled', 'active --complete--> completed', 'active --cancel--> cancelled']
  it.each(exhaustive(collaborationMachine, COLLABORATION_STATUSES, COLLABORATION_EVENTS, legal))('%s + %s -> %s', (from, event, to) =>
    checkCase(collaborationMachine, from, event, to),
  )
})

describe('offer record (offers.status: offer then collaboration)', () => {
  it('lists all nine statuses', () => {
    expect([...offerRecordMachine.states].sort()).toEqual([...OFFER_RECORD_STATUSES].sort())
  })
  it('runs a whole life: invited -> countered -> accepted -> active -> completed', () => {
    let s = offerRecordMachine.next('invited', 'counter')
    s = offerRecordMachine.next(s, 'accept_counter')
    s = offerRecordMachine.next(s, 'start')
    s = offerRecordMachine.next(s, 'complete')
    expect(s).toBe('completed')
  })
  it('from accepted offers only the collaboration events', () => {
    expect(offerRecordMachine.events('accepted')).toEqual(['start', 'cancel'])
    expect(offerRecordMachine.can('active', 'withdraw')).toBe(false)
    expect(offerRecordMachine.can('invited', 'start')).toBe(false)
  })
})

describe('deliverable', () => {
  const legal = [
    'pending --submit_draft--> draft_submitted',
    'draft_submitted --request_changes--> changes_requested',
    'draft_submitted --approve--> approved',
    'changes_requested --submit_draft--> draft_submitted',
    'approved --submit_post--> posted',
    'posted --verify--> verified',
    'posted --request_post_changes--> post_changes_requested',
    'post_changes_requested --submit_post--> posted',
  ]
  it.each(exhaustive(deliverableMachine, DELIVERABLE_STATUSES, DELIVERABLE_EVENTS, legal))('%s + %s -> %s', (from, event, to) =>
    checkCase(deliverableMachine, from, event, to),
  )
  it('loops through several revision rounds before approval', () => {
    let s = deliverableMachine.next('pending', 'submit_draft')
    for (let round = 0; round < 3; round++) s = deliverableMachine.next(deliverableMachine.next(s, 'request_changes'), 'submit_draft')
    expect(deliverableMachine.next(s, 'approve')).toBe('approved')
  })
})

describe('invoice', () => {
  const legal = [
    'submitted --approve--> approved',
    'submitted --reject--> rejected',
    'submitted --void--> void',
    'approved --pay--> paid',
    'approved --void--> void',
    'approved --send_back--> rejected',
    'rejected --void--> void',
  ]
  it.each(exhaustive(invoiceMachine, INVOICE_STATUSES, INVOICE_EVENTS, legal))('%s + %s -> %s', (from, event, to) => checkCase(invoiceMachine, from, event, to))
  it('pays once: paid is terminal', () => {
    const paid = invoiceMachine.next('approved', 'pay')
    expect(invoiceMachine.isTerminal(paid)).toBe(true)
    expect(() => invoiceMachine.next(paid, 'pay')).toThrow(IllegalTransitionError)
  })
  it('explains the refusal in words', () => {
    expect(() => invoiceMachine.next('submitted', 'pay')).toThrow('Can’t pay: this invoice is submitted.')
    expect(() => deliverableMachine.next('pending', 'request_post_changes')).toThrow('Can’t request post changes: this deliverable is pending.')
  })
})

describe('defineMachine', () => {
  const m = defineMachine<'a' | 'b', 'go' | 'back'>({ a: { go: 'b' }, b: { back: 'a' } }, 'toy')
  it('lists events in declaration order and [] for unknown states', () => {
    expect(m.events('a')).toEqual(['go'])
    expect(m.events('zzz' as 'a')).toEqual([])
  })
  it('treats unknown states, unknown events and prototype keys as illegal', () => {
    expect(m.can('zzz' as 'a', 'go')).toBe(false)
    expect(m.can('a', 'fly' as 'go')).toBe(false)
    expect(m.can('a', 'toString' as 'go')).toBe(false)
    expect(m.can('constructor' as 'a', 'go')).toBe(false)
    expect(m.isState('__proto__')).toBe(false)
    expect(m.isState('b')).toBe(true)
    expect(m.isState(42)).toBe(false)
    expect(() => m.next('a', 'toString' as 'go')).toThrow(IllegalTransitionError)
  })
  it('carries from, event and machine on the error', () => {
    try {
      m.next('b', 'go')
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(IllegalTransitionError)
      expect(e).toBeInstanceOf(Error)
      const err = e as IllegalTransitionError
      expect([err.name, err.machine, err.from, err.event, err.message]).toEqual(['IllegalTransitionError', 'toy', 'b', 'go', 'Can’t go: this toy is b.'])
    }
  })
  it('refuses a table whose target is not a state', () => {
    expect(() => defineMachine<'a', 'go'>({ a: { go: 'nowhere' as 'a' } }, 'broken')).toThrow(/unknown state/)
  })
})

describe('one refusal everywhere', () => {
  it('an illegal transition is a 409 ConflictError carrying the service sentence when given', async () => {
    const { ConflictError } = await import('#app/utils/errors.ts')
    const { offerMachine } = await import('#app/domain/state-machines.ts')
    let err: unknown
    try {
      offerMachine.next('accepted', 'decline', 'This offer is accepted: there is nothing to decline.')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ConflictError)
    expect((err as InstanceType<typeof ConflictError>).status).toBe(409)
    expect((err as Error).message).toBe('This offer is accepted: there is nothing to decline.')
  })

  it('sources lists the states an event may happen in (the compare-and-set set)', async () => {
    const { offerMachine, invoiceMachine, deliverableMachine } = await import('#app/domain/state-machines.ts')
    expect(offerMachine.sources('withdraw')).toEqual(['invited', 'countered'])
    expect(offerMachine.sources('accept')).toEqual(['invited'])
    expect(invoiceMachine.sources('void')).toEqual(['submitted', 'approved', 'rejected'])
    expect(deliverableMachine.sources('submit_draft')).toEqual(['pending', 'changes_requested'])
    expect(deliverableMachine.sources('submit_post')).toEqual(['approved', 'post_changes_requested'])
  })
})

describe('contract version', () => {
  it('goes creator → brand → signed, and any live version can be superseded', async () => {
    const { contractMachine } = await import('#app/domain/state-machines.ts')
    const { CONTRACT_STATUSES } = await import('#app/domain/contracts.ts')
    expect([...contractMachine.states].sort()).toEqual([...CONTRACT_STATUSES].sort())
    expect(contractMachine.next('awaiting_creator', 'creator_sign')).toBe('awaiting_brand')
    expect(contractMachine.next('awaiting_brand', 'countersign')).toBe('signed')
    expect(contractMachine.sources('supersede')).toEqual(['awaiting_creator', 'awaiting_brand', 'signed'])
    expect(contractMachine.sources('creator_sign')).toEqual(['awaiting_creator'])
    expect(contractMachine.sources('countersign')).toEqual(['awaiting_brand'])
    expect(contractMachine.isTerminal('superseded')).toBe(true)
  })
  it('refuses the brand countersigning first, signing twice and anything on a superseded version', async () => {
    const { contractMachine, IllegalTransitionError } = await import('#app/domain/state-machines.ts')
    expect(() => contractMachine.next('awaiting_creator', 'countersign')).toThrow(IllegalTransitionError)
    expect(() => contractMachine.next('signed', 'creator_sign')).toThrow(IllegalTransitionError)
    expect(() => contractMachine.next('signed', 'countersign')).toThrow(IllegalTransitionError)
    for (const e of ['creator_sign', 'countersign', 'supersede'] as const) expect(() => contractMachine.next('superseded', e)).toThrow('this contract is superseded')
  })
})
