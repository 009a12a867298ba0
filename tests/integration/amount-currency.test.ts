/**
 * Issue #14: amounts are parsed in the currency of the campaign or offer they belong to. "$100" on a GBP
 * campaign is refused next to the field and nothing is written; every currency the app offers is tried on
 * each money-bearing form (budget cost, campaign budget, offer fee, counter-offer).
 */
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { CURRENCIES } from '#app/domain/catalog.ts'
import { campaignSchema, creatorOfferActionSchema, offerSchema } from '#app/validation/campaigns.ts'
import { moneyWorld } from '#tests/factories-money.ts'
import { call, cookieFor, makeRequest } from '#tests/factories.ts'
import * as budgetRoute from '#app/routes/b+/$brand+/budget.tsx'

/** A symbol that belongs to another currency than `c` (written by hand, not taken from the app's table). */
const foreignSymbol = (c: string) => (c === 'GBP' ? '€' : '£')
/** The currency's own symbol, as a person would type it. */
const ownSymbol: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', CAD: '$', AUD: '$' }

const offerTerms = { paymentNetDays: '30', paymentClockStart: 'post_verified', usageRights: 'organic', revisionRounds: '2', expiresOn: '2031-01-15' }
const campaignForm = (currency: string, budget: string) => ({
  intent: 'create',
  name: 'Spring',
  objective: '',
  budget,
  currency,
})

describe('amounts are read in their own currency', () => {
  for (const currency of CURRENCIES) {
    it(`${currency}: a cost on a ${currency} campaign is booked in ${currency}; another currency's symbol is refused at the field`, async () => {
      const w = await moneyWorld()
      await db().update(schema.campaigns).set({ currency }).where(eq(schema.campaigns.id, w.campaign.id))
      const cookie = await cookieFor(w.manager)
      const post = (amount: string) =>
        call(() =>
          budgetRoute.action({
            request: makeRequest(`/b/${w.brand.slug}/budget`, { cookie, form: { intent: 'add-cost', campaignId: w.campaign.id, kind: 'production', amount } }),
            params: { brand: w.brand.slug },
            context: {},
          }),
        )
      const before = await db().select().from(schema.costEntries).where(eq(schema.costEntries.campaignId, w.campaign.id))
      const refused = await post(`${foreignSymbol(currency)}100`)
      expect(refused.status).toBe(400)
      expect(JSON.stringify(refused.data)).toContain(`This amount is in ${currency}`)
      expect(await db().select().from(schema.costEntries).where(eq(schema.costEntries.campaignId, w.campaign.id))).toHaveLength(before.length)

      expect((await post(`${ownSymbol[currency]}1,250.50`)).status).toBe(302)
      const after = await db().select().from(schema.costEntries).where(eq(schema.costEntries.campaignId, w.campaign.id))
      const added = after.filter((e) => !before.some((b) => b.id === e.id))
      // 1,250.50 in a two-decimal currency = 125,050 minor units.
      expect(added.map((e) => e.amountMinor)).toEqual([125_050])
    })

    it(`${currency}: campaign budget, offer fee and counter-offer are parsed in ${currency}`, () => {
      const ok = campaignSchema.safeParse(campaignForm(currency, `${ownSymbol[currency]}15,000`))
      expect(ok.success && ok.data.budget).toBe(1_500_000)
      const bad = campaignSchema.safeParse(campaignForm(currency, `${foreignSymbol(currency)}15,000`))
      expect(bad.success).toBe(false)
      if (!bad.success) expect(bad.error.issues.find((i) => i.path[0] === 'budget')?.message).toContain(`This amount is in ${currency}`)

      const counterOk = creatorOfferActionSchema(currency).safeParse({ intent: 'counter', fee: `1,800 ${currency}` })
      expect(counterOk.success && counterOk.data.intent === 'counter' && counterOk.data.fee).toBe(180_000)
      const counterBad = creatorOfferActionSchema(currency).safeParse({ intent: 'counter', fee: `${foreignSymbol(currency)}1,800` })
      expect(counterBad.success).toBe(false)

      const offerBad = offerSchema(currency).safeParse({ intent: 'send', creatorIds: ['c1'], connectionType: 'paid', fee: `${foreignSymbol(currency)}500`, ...offerTerms })
      expect(offerBad.success).toBe(false)
      if (!offerBad.success) expect(offerBad.error.issues.find((i) => i.path[0] === 'fee')?.message).toContain(`This amount is in ${currency}`)
    })
  }

  it('a code that is not the campaign’s is refused too ("100 USD" on a GBP campaign)', () => {
    const bad = campaignSchema.safeParse(campaignForm('GBP', '100 USD'))
    expect(bad.success).toBe(false)
  })
})
