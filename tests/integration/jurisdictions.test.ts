/**
 * France and Germany can be picked as the brand's and the brief's jurisdiction, and the caption checker then
 * applies their rules at submit (loi n° 2023-451 art. 5; § 5a UWG + Medienanstalten).
 */
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import * as settingsRoute from '#app/routes/b+/$brand+/settings.tsx'
import * as deliverableRoute from '#app/routes/c+/$creator+/deliverables.$deliverable.tsx'
import { createCampaign } from '#app/services/campaigns/create-campaign.server.ts'
import { addMember, call, cookieFor, makeRequest } from '#tests/factories.ts'
import { createContentWorld, draftRequest, fakeMp4 } from '#tests/factories-content.ts'
import { moneyWorld } from '#tests/factories-money.ts'

const SETTINGS = { engagementSet: ['likes'], engagementRateBasis: 'views', emv_impressions: '', emv_views: '', emv_likes: '', emv_comments: '', emv_shares: '', emv_saves: '', emv_postClicks: '', invoiceApprovalLimit: '', segregationOfDuties: [] as string[] }

describe('France and Germany as jurisdictions', () => {
  it.each(['FR', 'DE'] as const)('an admin picks %s; a new campaign\'s brief starts in it', async (j) => {
    const w = await moneyWorld()
    const admin = await addMember(w.brand.id, 'admin')
    const r = await call(async () => settingsRoute.action({ request: makeRequest(`/b/${w.brand.slug}/settings`, { cookie: await cookieFor(admin), form: { ...SETTINGS, jurisdiction: j } }), params: { brand: w.brand.slug }, context: {} }))
    expect(r.status).toBe(302)
    const [brand] = await db().select().from(schema.brands).where(eq(schema.brands.id, w.brand.id))
    expect(brand!.jurisdiction).toBe(j)
    const actor = { brand: { id: brand!.id, jurisdiction: brand!.jurisdiction }, user: { id: admin.id }, audit: { userId: admin.id } } as never
    const c = await createCampaign(actor, { name: 'Lancement', objective: '', startsOn: null, endsOn: null, platforms: ['instagram'], budget: 100_000, attributionWindowDays: 7, currency: 'EUR' } as never)
    const [brief] = await db().select().from(schema.briefs).where(eq(schema.briefs.campaignId, c.id))
    expect((brief!.draft as { jurisdiction: string }).jurisdiction).toBe(j)
  })

  it.each([
    ['FR', '#ad Jour de course avec @acme #AcmeRun', ['FR-01', 'LX-01']],
    ['FR', 'Publicité | Jour de course avec @acme #AcmeRun', []],
    ['DE', 'Renntag mit @acme #AcmeRun #werbung', ['DE-02']],
    ['DE', 'Werbung | Renntag mit @acme #AcmeRun', []],
  ] as const)('%s brief, caption "%s": blocking findings %j at submit', async (j, caption, expected) => {
    const w = await createContentWorld({ brief: { jurisdiction: j } })
    const request = draftRequest(`/c/${w.creator.id}/deliverables/${w.deliverable.id}`, { cookie: await cookieFor(w.creatorUser), caption, files: [{ name: 'cut.mp4', bytes: fakeMp4(20_000) }] })
    const r = await call(() => deliverableRoute.action({ request, params: { creator: w.creator.id, deliverable: w.deliverable.id }, context: {} } as never))
    expect(r.status).toBe(302)
    const [v1] = await db().select().from(schema.draftVersions).where(eq(schema.draftVersions.deliverableId, w.deliverable.id))
    const blocking = (v1!.findings as { ruleId: string; severity: string }[]).filter((f) => f.severity === 'blocking').map((f) => f.ruleId)
    expect(blocking.sort()).toEqual([...expected].sort())
  })
})
