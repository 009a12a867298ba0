import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { getSessionUser } from '#app/auth/session.server.ts'
import * as membersRoute from '#app/routes/b+/$brand+/members.tsx'
import * as rosterRoute from '#app/routes/b+/$brand+/roster.tsx'
import * as inviteRoute from '#app/routes/_auth+/invite.$token.tsx'
import { addMember, call, cookieFor, createBrand, createUser, makeRequest, uid } from '#tests/factories.ts'

async function tokenFromOutbox(email: string) {
  const rows = await db().select().from(schema.outboxMessages)
  const mail = rows.filter((m) => m.toAddresses.includes(email)).at(-1)
  return /invite\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!
}

describe('invitations', () => {
  it('an admin invites a manager; the link creates the account, signs in and grants the role', async () => {
    const brand = await createBrand()
    const admin = await addMember(brand.id, 'admin')
    const email = `new-${uid()}@example.test`
    const r = await call(async () =>
      membersRoute.action({
        request: makeRequest(`/b/${brand.slug}/members`, { cookie: await cookieFor(admin), form: { intent: 'invite-member', email, role: 'manager' } }),
        params: { brand: brand.slug },
        context: {},
      }),
    )
    expect(r.status).toBe(302)
    const token = await tokenFromOutbox(email)
    const accept = await call(() =>
      inviteRoute.action({
        request: makeRequest(`/invite/${token}`, { form: { intent: 'create', name: 'New Manager', password: 'long enough pw', confirm: 'long enough pw' } }),
        params: { token },
        context: {},
      }),
    )
    expect(accept.status).toBe(302)
    expect(accept.location).toBe(`/b/${brand.slug}`)
    const cookie = accept.response!.headers.get('Set-Cookie')!.split(/,(?=\s*gr_)/).find((c) => c.trim().startsWith('gr_session'))!.split(';')[0]!
    const who = await getSessionUser(makeRequest('/', { cookie: cookie.trim() }))
    expect(who.user?.email).toBe(email)
    const [m] = await db().select().from(schema.brandMembers).where(eq(schema.brandMembers.userId, who.user!.id))
    expect(m?.role).toBe('manager')
    // The link works once.
    const again = await call(() =>
      inviteRoute.action({
        request: makeRequest(`/invite/${token}`, { form: { intent: 'create', name: 'X', password: 'long enough pw', confirm: 'long enough pw' } }),
        params: { token },
        context: {},
      }),
    )
    expect(again.status).toBe(410)
  })

  it('attaches an invitation to an existing signed-in account', async () => {
    const brand = await createBrand()
    const admin = await addMember(brand.id, 'admin')
    const existing = await createUser()
    await call(async () =>
      membersRoute.action({
        request: makeRequest(`/b/${brand.slug}/members`, { cookie: await cookieFor(admin), form: { intent: 'invite-member', email: existing.email, role: 'finance' } }),
        params: { brand: brand.slug },
        context: {},
      }),
    )
    const token = await tokenFromOutbox(existing.email)
    const r = await call(async () =>
      inviteRoute.action({ request: makeRequest(`/invite/${token}`, { cookie: await cookieFor(existing), form: { intent: 'attach' } }), params: { token }, context: {} }),
    )
    expect(r.status).toBe(302)
    const [m] = await db().select().from(schema.brandMembers).where(eq(schema.brandMembers.userId, existing.id))
    expect(m?.role).toBe('finance')
  })

  it('a manager cannot invite members (403) and nothing is written', async () => {
    const brand = await createBrand()
    const manager = await addMember(brand.id, 'manager')
    const email = `blocked-${uid()}@example.test`
    const r = await call(async () =>
      membersRoute.action({
        request: makeRequest(`/b/${brand.slug}/members`, { cookie: await cookieFor(manager), form: { intent: 'invite-member', email, role: 'admin' } }),
        params: { brand: brand.slug },
        context: {},
      }),
    )
    expect(r.status).toBe(403)
    expect(await db().select().from(schema.invitations).where(eq(schema.invitations.email, email))).toEqual([])
  })

  it('inviting a creator adds them to the roster, invites them once, and writes audit events', async () => {
    const brand = await createBrand()
    const manager = await addMember(brand.id, 'manager')
    const email = `creator-${uid()}@example.test`
    const form = { intent: 'invite-creator', email, name: 'Casey Creator' }
    for (let i = 0; i < 2; i++) {
      const r = await call(async () =>
        rosterRoute.action({ request: makeRequest(`/b/${brand.slug}/roster`, { cookie: await cookieFor(manager), form }), params: { brand: brand.slug }, context: {} }),
      )
      expect(r.status).toBe(302)
    }
    const [creator] = await db().select().from(schema.creators).where(eq(schema.creators.email, email))
    const roster = await db().select().from(schema.rosterEntries).where(eq(schema.rosterEntries.creatorId, creator!.id))
    expect(roster.length).toBe(1)
    const token = await tokenFromOutbox(email)
    const accept = await call(() =>
      inviteRoute.action({
        request: makeRequest(`/invite/${token}`, { form: { intent: 'create', name: 'Casey Creator', password: 'long enough pw', confirm: 'long enough pw' } }),
        params: { token },
        context: {},
      }),
    )
    expect(accept.location).toBe(`/c/${creator!.id}`)
    const audit = await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.brandId, brand.id))
    // Inviting again while the first invitation is open sends nothing new.
    expect(audit.map((a) => a.action).sort()).toEqual(['creator.created', 'invitation.accepted', 'invitation.created', 'roster.added'])
    // Accepting is the creator's consent: the relationship that shares their private details with this brand.
    const [entry] = await db().select().from(schema.rosterEntries).where(eq(schema.rosterEntries.creatorId, creator!.id))
    expect(entry!.consentedAt).toBeInstanceOf(Date)
  })

  it('refuses a weak password with a message next to the field', async () => {
    const brand = await createBrand()
    const admin = await addMember(brand.id, 'admin')
    const email = `weak-${uid()}@example.test`
    await call(async () =>
      membersRoute.action({
        request: makeRequest(`/b/${brand.slug}/members`, { cookie: await cookieFor(admin), form: { intent: 'invite-member', email, role: 'viewer' } }),
        params: { brand: brand.slug },
        context: {},
      }),
    )
    const token = await tokenFromOutbox(email)
    const r = await call(() =>
      inviteRoute.action({ request: makeRequest(`/invite/${token}`, { form: { intent: 'create', name: 'W', password: 'short', confirm: 'short' } }), params: { token }, context: {} }),
    )
    expect(r.status).toBe(400)
    expect((r.data as { fieldErrors: Record<string, string[]> }).fieldErrors.password?.[0]).toMatch(/10 characters/)
  })
})
