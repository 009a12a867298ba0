import { describe, expect, it } from 'vitest'
import { diffBriefs, emptyBrief, linesToList, toBriefContent } from '#app/domain/brief.ts'
import { campaignEventTo, campaignMachine, IllegalTransitionError } from '#app/domain/state-machines.ts'
import { deliverableLabel, effectiveOfferStatus, termsSentences, type OfferTermsInput } from '#app/domain/offer-terms.ts'

const base: OfferTermsInput = {
  connectionType: 'paid',
  feeMinor: 180_000,
  currency: 'USD',
  paymentNetDays: 30,
  paymentClockStart: 'post_verified',
  usageRights: 'none',
  usageMonths: 0,
  usageTerritory: null,
  exclusivityCategory: null,
  exclusivityMonths: 0,
  revisionRounds: 2,
}

describe('offer terms in plain words', () => {
  it('says what is paid, when, and what the brand may do', () => {
    expect(termsSentences(base)).toEqual([
      "You'll be paid $1,800 within 30 days after your post is verified.",
      'The brand may not reuse your content.',
      'No exclusivity: you are free to work with other brands.',
      '2 rounds of revisions are included.',
      'Connection: Paid.',
    ])
    const rich = termsSentences({
      ...base,
      feeMinor: 95_050,
      currency: 'GBP',
      paymentNetDays: 15,
      paymentClockStart: 'invoice_received',
      usageRights: 'paid',
      usageMonths: 1,
      usageTerritory: 'the UK',
      exclusivityCategory: 'skincare',
      exclusivityMonths: 3,
      revisionRounds: 1,
      connectionType: 'mixed',
      giftDescription: 'two bottles of serum',
    })
    expect(rich).toEqual([
      "You'll be paid £950.50 within 15 days after the brand receives your invoice.",
      "You'll receive product: two bottles of serum.",
      'The brand may run your content as paid ads in the UK for 1 month.',
      'You agree not to work with other skincare brands for 3 months.',
      '1 round of revisions is included.',
      'Connection: Paid + gifted / affiliate.',
    ])
    expect(termsSentences({ ...base, feeMinor: 0, connectionType: 'gifted' }).slice(0, 2)).toEqual([
      'There is no cash fee for this collaboration.',
      "You'll receive free product from the brand.",
    ])
  })

  it('labels deliverables without repeating the platform', () => {
    expect(deliverableLabel({ platform: 'instagram', format: 'reel', quantity: 2 })).toBe('2 × Instagram reel')
    expect(deliverableLabel({ platform: 'tiktok', format: 'tiktok_video', quantity: 1 })).toBe('TikTok video')
    expect(deliverableLabel({ platform: 'youtube', format: 'short' })).toBe('YouTube short')
  })

  it('treats an open offer past its expiry as expired, but not an accepted one', () => {
    const now = new Date('2026-11-25T12:00:00Z')
    const past = new Date('2026-11-25T11:59:59Z')
    expect(effectiveOfferStatus({ status: 'invited', expiresAt: past }, now)).toBe('expired')
    expect(effectiveOfferStatus({ status: 'countered', expiresAt: past }, now)).toBe('expired')
    expect(effectiveOfferStatus({ status: 'accepted', expiresAt: past }, now)).toBe('accepted')
    expect(effectiveOfferStatus({ status: 'invited', expiresAt: null }, now)).toBe('invited')
  })

  it('moves campaigns only forward', () => {
    expect(campaignEventTo('draft', 'active')).toBe('activate')
    expect(campaignEventTo('completed', 'archived')).toBe('archive')
    expect(campaignMachine.targets('draft')).toEqual(['active', 'archived'])
    expect(campaignMachine.targets('archived')).toEqual([])
    expect(() => campaignEventTo('draft', 'completed')).toThrow(IllegalTransitionError)
    expect(() => campaignEventTo('completed', 'active')).toThrow(IllegalTransitionError)
    expect(() => campaignEventTo('archived', 'draft', 'A archived campaign cannot become draft.')).toThrow('A archived campaign cannot become draft.')
  })
})

describe('brief diff', () => {
  it('lists added and removed items per field and text changes, in brief order', () => {
    const a = { ...emptyBrief(), overview: 'Run.', hashtags: ['#A', '#B'], bannedWords: ['cure'] }
    const b = { ...a, overview: 'Run far.', hashtags: ['#B', '#C'], bannedWords: ['cure'], jurisdiction: 'UK' as const }
    expect(diffBriefs(a, b)).toEqual([
      { field: 'overview', label: 'Overview', kind: 'text', before: 'Run.', after: 'Run far.' },
      { field: 'hashtags', label: 'Mandatory hashtags', kind: 'list', added: ['#C'], removed: ['#A'] },
      { field: 'jurisdiction', label: 'Disclosure rules', kind: 'text', before: 'United States (FTC)', after: 'United Kingdom (CMA / ASA)' },
    ])
    expect(diffBriefs(a, { ...a })).toEqual([])
  })

  it('reads partial stored JSON and splits lines', () => {
    expect(toBriefContent({ overview: 'x', hashtags: ['#a', 3], jurisdiction: 'ES' }, 'IE')).toEqual({ ...emptyBrief('IE'), overview: 'x', hashtags: ['#a'] })
    expect(linesToList(' a \n\nb\r\na\n')).toEqual(['a', 'b'])
  })
})

describe('France and Germany are selectable jurisdictions', () => {
  it('a brief stored with FR or DE keeps it', () => {
    expect(toBriefContent({ jurisdiction: 'FR' }, 'US').jurisdiction).toBe('FR')
    expect(toBriefContent({ jurisdiction: 'DE' }, 'US').jurisdiction).toBe('DE')
  })
})
