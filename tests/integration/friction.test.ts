import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import * as newCampaignRoute from '#app/routes/b+/$brand+/campaigns.new.tsx'
import * as briefRoute from '#app/routes/b+/$brand+/campaigns.$campaign.brief.tsx'
import { addMember, call, cookieFor, createBrand, makeRequest } from '#tests/factories.ts'

/** Issue #21's friction items that a route call proves (the rest are in tests/e2e/ux-friction.e2e.ts). */
type Route = { action?: (args: never) => Promise<unknown>; loader?: (args: never) => Promise<unknown> }
const IP = '198.51.100.9'
const post = (route: Route, path: string, params: Record<string, string>, cookie: string | undefined, form: Record<string, string | string[]>) =>
  call(() => (route.action as (a: unknown) => Promise<unknown>)({ request: makeRequest(path, { cookie, form }), params, context: { ip: IP } }))
const get = (route: Route, path: string, params: Record<string, string>, cookie: string | undefined) =>
  call(() => (route.loader as (a: unknown) => Promise<unknown>)({ request: makeRequest(path, { cookie }), params, context: { ip: IP } }))

const BRIEF = {
  overview: 'Show the Trail 3 on a real trail run.', keyMessages: '', hashtags: 'AcmeTrail3', handles: 'acmerunning', links: '', dos: '', donts: '',
  approvedClaims: '', bannedWords: '', productNotes: '', shippingNotes: '', deadlines: '', jurisdiction: 'US',
}

async function draftCampaignWithBrief() {
  const brand = await createBrand({ name: 'Friction Brand' })
  const manager = await addMember(brand.id, 'manager')
  const mCookie = await cookieFor(manager)
  const created = await post(newCampaignRoute, `/b/${brand.slug}/campaigns/new`, { brand: brand.slug }, mCookie, {
    intent: 'create', name: 'Trail Week', objective: '', startsOn: '', endsOn: '', budget: '5000', currency: 'USD', platforms: ['instagram'],
  })
  const campaignId = /campaigns\/([^/]+)\/brief/.exec(created.location!)![1]!
  const cp = { brand: brand.slug, campaign: campaignId }
  const path = `/b/${brand.slug}/campaigns/${campaignId}/brief`
  return { brand, mCookie, campaignId, cp, path }
}

describe('publishing a brief says what comes next and starts the campaign from there', () => {
  it('a published brief of a draft campaign offers "Start campaign"; starting it lands on the send-offer form', async () => {
    const w = await draftCampaignWithBrief()
    expect((await post(briefRoute, w.path, w.cp, w.mCookie, { ...BRIEF, intent: 'publish', baseVersion: '0' })).status).toBe(302)
    const page = await get(briefRoute, w.path, w.cp, w.mCookie)
    expect(page.data).toMatchObject({ currentVersion: 1, canEdit: true, campaign: { status: 'draft' } })

    const started = await post(briefRoute, w.path, w.cp, w.mCookie, { intent: 'start-campaign' })
    expect(started.status).toBe(302)
    expect(started.location).toBe(`/b/${w.brand.slug}/campaigns/${w.campaignId}/offers#send`)
    const [c] = await db().select().from(schema.campaigns).where(eq(schema.campaigns.id, w.campaignId))
    expect(c!.status).toBe('active')
    const audit = await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, w.campaignId))
    expect(audit.map((a) => a.action)).toContain('campaign.status_changed')

    // Twice is refused with a sentence (active -> active is not a move), never a 500.
    const again = await post(briefRoute, w.path, w.cp, w.mCookie, { intent: 'start-campaign' })
    expect(again.status).toBeGreaterThanOrEqual(400)
    expect(again.status).toBeLessThan(500)
  })

  it('a viewer cannot start it from the brief page', async () => {
    const w = await draftCampaignWithBrief()
    const viewer = await addMember(w.brand.id, 'viewer')
    const r = await post(briefRoute, w.path, w.cp, await cookieFor(viewer), { intent: 'start-campaign' })
    expect(r.status).toBe(403)
    const [c] = await db().select().from(schema.campaigns).where(eq(schema.campaigns.id, w.campaignId))
    expect(c!.status).toBe('draft')
  })
})
