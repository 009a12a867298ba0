/**
 * Creator privacy across brands (issue #14, part 1; app/domain/creator-privacy.ts): a brand sees a
 * creator's private fields only through a relationship, never what another brand recorded, and no brand
 * write changes what another brand or the creator reads. Runs on PGlite and PostgreSQL.
 */
import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import * as rosterRoute from '#app/routes/b+/$brand+/roster.tsx'
import * as inviteRoute from '#app/routes/_auth+/invite.$token.tsx'
import { creatorAccess, RELATIONSHIP_OFFER_STATUSES } from '#app/domain/creator-privacy.ts'
import { COLLABORATION_STATUSES, OFFER_STATUSES } from '#app/domain/state-machines.ts'
import { addSocialAccount } from '#app/services/roster/add-social-account.server.ts'
import { addCreatorNote } from '#app/services/roster/add-creator-note.server.ts'
import { importRosterCsv } from '#app/services/roster/import-roster-csv.server.ts'
import { getRosterProfile } from '#app/services/roster/get-roster-profile.server.ts'
import { getRosterCreatorAccounts } from '#app/services/roster/get-roster-creator-accounts.server.ts'
import { listRoster } from '#app/services/roster/list-roster.server.ts'
import { getFeeGuidance } from '#app/services/roster/get-fee-guidance.server.ts'
import { getCreatorProfile } from '#app/services/creators/get-creator-profile.server.ts'
import { updateRosterEntry } from '#app/services/roster/update-roster-entry.server.ts'
import { relationshipSql } from '#app/services/roster/creator-access-sql.server.ts'
import { addMember, call, cookieFor, createBrand, createCreator, createUser, makeRequest, uid } from '#tests/factories.ts'
import { brandActor } from '#tests/factories-money.ts'
import { createCampaign } from '#tests/factories-posts.ts'

const PRIVATE = { phone: '+1 555 867 5309', shippingAddress: { line1: '12 Secret Lane', city: 'Hidden Falls', postalCode: '99999', country: 'US' } }

async function creatorWithPrivateDetails(brandIds: string[] = []) {
  const c = await createCreator({ brandIds })
  await db().update(schema.creators).set({ phone: PRIVATE.phone, shippingAddress: PRIVATE.shippingAddress, country: 'US' }).where(eq(schema.creators.id, c.creator.id))
  const handle = `own${uid()}`.toLowerCase()
  await db().insert(schema.socialAccounts).values({ creatorId: c.creator.id, platform: 'instagram', handle, followers: 42_000, followersAt: new Date() })
  return { ...c, handle }
}

async function tokenFromOutbox(email: string) {
  const rows = await db().select().from(schema.outboxMessages)
  const mail = rows.filter((m) => m.toAddresses.includes(email)).at(-1)
  return /invite\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!
}

function invite(brand: { slug: string }, cookie: string | undefined, email: string, name: string) {
  return call(() => rosterRoute.action({ request: makeRequest(`/b/${brand.slug}/roster`, { cookie, form: { intent: 'invite-creator', email, name } }), params: { brand: brand.slug }, context: {} } as never))
}

/** The flash message (a signed cookie: base64 JSON, a dot, the signature). */
function flashOf(r: { response: Response | null }): string {
  const value = r.response?.headers.get('set-cookie')?.split(';')[0]?.split('=').slice(1).join('=') ?? ''
  const json = JSON.parse(Buffer.from(decodeURIComponent(value).split('.')[0]!, 'base64').toString('utf8')) as Record<string, { message: string }>
  return Object.values(json)[0]!.message
}

describe('inviting a creator by email', () => {
  it('answers the same whether or not the email has an account, and shares nothing private until the creator accepts', async () => {
    const y = await createBrand()
    const managerY = await addMember(y.id, 'manager')
    const cookie = await cookieFor(managerY)
    const existing = await creatorWithPrivateDetails()
    const unknownEmail = `nobody-${uid()}@example.test`

    const a = await invite(y, cookie, existing.creator.email, 'Someone')
    const b = await invite(y, cookie, unknownEmail, 'Someone')
    expect([a.status, a.location]).toEqual([b.status, b.location])
    const [fa, fb] = [flashOf(a), flashOf(b)]
    expect(fa).toContain('We emailed')
    // Same sentence, differing only by the email typed.
    expect(fa.replace(existing.creator.email, 'E')).toBe(fb.replace(unknownEmail, 'E'))

    // On the roster as a prospect, with only what is public to brands.
    const before = await getRosterProfile(y, existing.creator.id)
    expect(before.access).toBe('public')
    expect(before.creator.contact).toBeNull()
    expect(JSON.stringify(before)).not.toContain('867 5309')
    expect(JSON.stringify(before)).not.toContain('Secret Lane')
    expect(JSON.stringify(before)).not.toContain(existing.creator.email)
    expect(before.accounts.map((x) => [x.handle, x.followers])).toEqual([[existing.handle, null]])
    const list = await listRoster(y, {})
    const row = list.rows.find((r) => r.creatorId === existing.creator.id)!
    expect(row.email).toBeNull()
    expect(row.accounts.map((x) => x.followers)).toEqual([null])
    // Searching by the private email finds nothing.
    expect((await listRoster(y, { q: existing.creator.email })).rows).toHaveLength(0)

    // The creator accepts (signed in as themselves): now the brand sees what the creator shares.
    const token = await tokenFromOutbox(existing.creator.email)
    const accepted = await call(async () =>
      inviteRoute.action({ request: makeRequest(`/invite/${token}`, { cookie: await cookieFor(existing.user), form: { intent: 'attach' } }), params: { token }, context: {} } as never),
    )
    expect(accepted.status).toBe(302)
    const after = await getRosterProfile(y, existing.creator.id)
    expect(after.access).toBe('relationship')
    expect(after.creator.contact).toMatchObject({ phone: PRIVATE.phone, email: existing.creator.email })
    expect(after.accounts.map((x) => [x.handle, x.followers])).toEqual([[existing.handle, 42_000]])
    const [entry] = await db().select().from(schema.rosterEntries).where(and(eq(schema.rosterEntries.brandId, y.id), eq(schema.rosterEntries.creatorId, existing.creator.id)))
    expect(entry!.topFollowers).toBe(42_000)
  })

  it('only the invited person can accept; anyone else is told so and the invitation stays usable', async () => {
    const y = await createBrand()
    const managerY = await addMember(y.id, 'manager')
    const existing = await creatorWithPrivateDetails()
    await invite(y, await cookieFor(managerY), existing.creator.email, 'Someone')
    const token = await tokenFromOutbox(existing.creator.email)
    const stranger = await createUser()
    const refused = await call(async () =>
      inviteRoute.action({ request: makeRequest(`/invite/${token}`, { cookie: await cookieFor(stranger), form: { intent: 'attach' } }), params: { token }, context: {} } as never),
    )
    expect(refused.status).toBe(403)
    expect(JSON.stringify(refused.data)).toContain(`This invitation is for ${existing.creator.email}`)
    const [inv] = await db().select().from(schema.invitations).where(eq(schema.invitations.email, existing.creator.email))
    expect(inv!.acceptedAt).toBeNull()
    expect((await getRosterProfile(y, existing.creator.id)).access).toBe('public')
    const ok = await call(async () =>
      inviteRoute.action({ request: makeRequest(`/invite/${token}`, { cookie: await cookieFor(existing.user), form: { intent: 'attach' } }), params: { token }, context: {} } as never),
    )
    expect(ok.status).toBe(302)
    expect((await getRosterProfile(y, existing.creator.id)).access).toBe('relationship')
  })
})

describe("one brand's writes about a shared creator", () => {
  it('change nothing another brand or the creator reads', async () => {
    const x = await createBrand()
    const y = await createBrand()
    const managerX = await addMember(x.id, 'manager')
    const shared = await creatorWithPrivateDetails([x.id, y.id])
    const reads = async () =>
      JSON.stringify({
        yProfile: await getRosterProfile(y, shared.creator.id, new Date('2026-12-01T00:00:00Z')),
        yAccounts: await getRosterCreatorAccounts(y.id, shared.creator.id),
        yList: (await listRoster(y, {}, new Date('2026-12-01T00:00:00Z'))).rows,
        yRising: (await listRoster(y, { rising: true }, new Date('2026-12-01T00:00:00Z'))).rows.length,
        yMega: (await listRoster(y, { tier: 'mega' }, new Date('2026-12-01T00:00:00Z'))).rows.length,
        yFees: await getFeeGuidance(y, { creatorId: shared.creator.id, platform: 'instagram', format: 'reel', proposedFeeMinor: 100_000, quantity: 1 }),
        creator: await getCreatorProfile(shared.creator.id),
        yEntry: (await db().select().from(schema.rosterEntries).where(and(eq(schema.rosterEntries.brandId, y.id), eq(schema.rosterEntries.creatorId, shared.creator.id))))[0],
      }).replace(/"updatedAt":"[^"]*"/g, '')
    const before = await reads()

    // Brand X records everything a brand can record about the creator.
    const ax = brandActor(x, managerX)
    await addSocialAccount(ax, { creatorId: shared.creator.id, platform: 'instagram', handle: shared.handle, profileUrl: 'https://evil.example/', followers: 1_999_999_999 })
    await addSocialAccount(ax, { creatorId: shared.creator.id, platform: 'tiktok', handle: `fake${uid()}`.toLowerCase(), profileUrl: 'https://evil.example/tt', followers: 1_999_999_999 })
    await addCreatorNote(ax, shared.creator.id, 'Brand X private note: great on camera')
    await updateRosterEntry(ax, shared.creator.id, { tags: ['x-only-tag'] })
    await updateRosterEntry(ax, shared.creator.id, { status: 'paused' })
    await importRosterCsv(ax, ['Name,Email,Platform,Handle,Followers,Tags', `Renamed By X,${shared.creator.email},youtube,xchannel${uid()},1999999999,x-import`].join('\n'))

    expect(await reads()).toBe(before)
    const after = await reads()
    for (const leak of ['evil.example', '1999999999', 'x-only-tag', 'Brand X private note', 'Renamed By X']) expect(after).not.toContain(leak)
    // X itself sees its own records, labelled as its own.
    const xProfile = await getRosterProfile(x, shared.creator.id)
    expect(xProfile.accounts.filter((a) => a.enteredBy === 'brand').map((a) => a.followers)).toEqual([1_999_999_999, 1_999_999_999, 1_999_999_999])
  })
})

describe('one definition: the SQL relationship agrees with app/domain/creator-privacy.ts', () => {
  it('for every offer status, with and without the creator’s consent', async () => {
    const brand = await createBrand()
    const campaign = await createCampaign(brand.id)
    for (const status of [...new Set([...OFFER_STATUSES, ...COLLABORATION_STATUSES])]) {
      for (const consented of [false, true]) {
        const { creator } = await createCreator({ brandIds: [brand.id], consented })
        await db().insert(schema.offers).values({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id, status, connectionType: 'paid', feeMinor: 1, currency: 'USD' })
        const rows = await db().execute(sql`select ${relationshipSql(brand.id, sql`${creator.id}`)} as related`)
        const related = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows)[0] as { related: boolean | string }
        const expected = creatorAccess({ offerStatuses: [status], consentedAt: consented ? new Date() : null }) === 'relationship'
        expect([status, consented, related.related === true || related.related === 't']).toEqual([status, consented, expected])
      }
    }
    expect(RELATIONSHIP_OFFER_STATUSES).toEqual(['accepted', 'active', 'completed'])
  })
})
