import { describe, expect, it } from 'vitest'
import { campaignMoney, sumMoneyFigures, type CampaignLedgerFacts, type OfferFact } from '#app/domain/money-figures.ts'

const offer = (id: string, status: string, feeMinor: number, extra: Partial<OfferFact> = {}): OfferFact => ({ id, creatorId: `cr-${id}`, status, feeMinor, usageFeeMinor: 0, currency: 'USD', ...extra })
const facts = (f: Partial<CampaignLedgerFacts>): CampaignLedgerFacts => ({ budgetMinor: 1_000_000, currency: 'USD', offers: [], costEntries: [], invoices: [], ...f })

describe('campaignMoney', () => {
  it('commits the fee of accepted, active and completed offers only; open, declined, expired, withdrawn and cancelled commit none', () => {
    const m = campaignMoney(
      facts({
        offers: [
          offer('a', 'accepted', 100_000),
          offer('b', 'active', 20_000),
          offer('c', 'completed', 3_000),
          offer('d', 'invited', 400_000),
          offer('e', 'countered', 500_000),
          offer('f', 'declined', 600_000),
          offer('g', 'expired', 700_000),
          offer('h', 'withdrawn', 800_000),
          offer('i', 'cancelled', 900_000),
        ],
      }),
    )
    expect(m.committedMinor).toBe(123_000)
    expect(m.remainingMinor).toBe(877_000)
    expect(m.collaborations.map((c) => c.offerId).sort()).toEqual(['a', 'b', 'c'])
  })

  it('the ledger fee entry is the fee when there is one (counter accepted at another amount); fee entries of a cancelled offer do not count', () => {
    const m = campaignMoney(
      facts({
        offers: [offer('a', 'accepted', 100_000), offer('x', 'cancelled', 50_000)],
        costEntries: [
          { offerId: 'a', kind: 'fee', amountMinor: 90_000, currency: 'USD' },
          { offerId: 'x', kind: 'fee', amountMinor: 50_000, currency: 'USD' },
        ],
      }),
    )
    expect(m.committedMinor).toBe(90_000)
    expect(m.byKind).toEqual({ fee: 90_000 })
  })

  it('usage fees of committed offers and accepted usage extensions are committed as usage of the collaboration', () => {
    const m = campaignMoney(
      facts({
        offers: [
          offer('a', 'accepted', 100_000, { usageFeeMinor: 20_000 }),
          offer('ext', 'accepted', 15_000, { kind: 'usage_extension', collaborationId: 'a', creatorId: 'cr-a' }),
          offer('ext2', 'invited', 99_000, { kind: 'usage_extension', collaborationId: 'a', creatorId: 'cr-a' }),
        ],
      }),
    )
    expect(m.byKind).toEqual({ fee: 100_000, usage: 35_000 })
    expect(m.collaborations).toHaveLength(1)
    expect(m.collaborations[0]).toMatchObject({ offerId: 'a', feeMinor: 100_000, usageMinor: 35_000, costMinor: 135_000 })
  })

  it('gifting, shipping and other costs count whatever the offer state, on that creator’s row; campaign-level costs on no row', () => {
    const m = campaignMoney(
      facts({
        budgetMinor: 100_000,
        offers: [offer('a', 'accepted', 60_000), offer('d', 'declined', 70_000)],
        costEntries: [
          { offerId: 'd', kind: 'gifting', amountMinor: 12_000, currency: 'USD' },
          { offerId: 'd', kind: 'shipping', amountMinor: 1_500, currency: 'USD' },
          { offerId: 'a', kind: 'commission', amountMinor: 9_000, currency: 'USD' },
          { offerId: null, kind: 'production', amountMinor: 30_000, currency: 'USD' },
        ],
      }),
    )
    // 60,000 fee + 12,000 + 1,500 + 9,000 + 30,000
    expect(m.committedMinor).toBe(112_500)
    expect(m.remainingMinor).toBe(-12_500)
    expect(m.overCommitted).toBe(true)
    const d = m.collaborations.find((c) => c.offerId === 'd')!
    expect(d).toMatchObject({ committed: false, feeMinor: 0, giftingMinor: 13_500, costMinor: 13_500 })
    const a = m.collaborations.find((c) => c.offerId === 'a')!
    expect(a).toMatchObject({ feeMinor: 60_000, otherMinor: 9_000, costMinor: 69_000 })
    // Every row's cost plus the campaign-level costs is committed.
    expect(m.collaborations.reduce((s, c) => s + c.costMinor, 0) + 30_000).toBe(m.committedMinor)
  })

  it('invoiced counts submitted, approved and paid invoices; paid only paid ones; rejected and void none', () => {
    const m = campaignMoney(
      facts({
        offers: [offer('a', 'accepted', 100_000)],
        invoices: [
          { offerId: 'a', status: 'submitted', totalMinor: 10_000, currency: 'USD' },
          { offerId: 'a', status: 'approved', totalMinor: 20_000, currency: 'USD' },
          { offerId: 'a', status: 'paid', totalMinor: 30_000, currency: 'USD' },
          { offerId: 'a', status: 'rejected', totalMinor: 40_000, currency: 'USD' },
          { offerId: 'a', status: 'void', totalMinor: 50_000, currency: 'USD' },
        ],
      }),
    )
    expect(m).toMatchObject({ invoicedMinor: 60_000, paidMinor: 30_000, committedMinor: 100_000 })
    expect(m.collaborations[0]).toMatchObject({ invoicedMinor: 60_000, paidMinor: 30_000 })
  })

  it('rows in another currency are left out, never converted', () => {
    const m = campaignMoney(
      facts({
        currency: 'GBP',
        offers: [offer('a', 'accepted', 100_000, { currency: 'GBP' }), offer('b', 'accepted', 5_000)],
        costEntries: [{ offerId: 'a', kind: 'gifting', amountMinor: 700, currency: 'USD' }],
      }),
    )
    expect(m.committedMinor).toBe(100_000)
    expect(m.ignoredRows).toBe(2)
  })

  it('program totals add campaigns per currency', () => {
    const a = campaignMoney(facts({ budgetMinor: 100, offers: [offer('a', 'accepted', 150)] }))
    const b = campaignMoney(facts({ budgetMinor: 200, offers: [offer('b', 'accepted', 50)] }))
    const c = campaignMoney(facts({ budgetMinor: 300, currency: 'EUR', offers: [offer('c', 'accepted', 10, { currency: 'EUR' })] }))
    expect(sumMoneyFigures([a, b, c]).map((p) => [p.currency, p.plannedMinor, p.committedMinor, p.remainingMinor, p.overCommitted])).toEqual([
      ['USD', 300, 200, 100, false],
      ['EUR', 300, 10, 290, false],
    ])
  })
})
