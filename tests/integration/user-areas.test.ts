/**
 * Which areas a signed-in person can enter (every signed-in layout reads it): their brands with their role,
 * sorted by name; their own creator profile; the creators their agencies hold a live grant for, sorted by
 * name, never through a revoked grant. Names survive whatever characters they hold.
 */
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { getUserAreas, getUserAreasAndWaitingDrafts, homePathFor } from '#app/services/areas/get-user-areas.server.ts'
import { addMember, createAgency, createBrand, createCreator, createUser, uid } from '#tests/factories.ts'

describe('getUserAreas', () => {
  it('a person with nothing has no areas and lands on their account', async () => {
    const u = await createUser()
    const areas = await getUserAreas(u.id)
    expect(areas).toEqual({ brands: [], creator: null, represented: [] })
    expect(homePathFor(areas)).toBe('/account')
    expect(await getUserAreas(`no-such-${uid()}`)).toEqual({ brands: [], creator: null, represented: [] })
  })

  it('brands come sorted by name with the role held in each; names with quotes, backslashes and accents come back as typed', async () => {
    const tag = uid()
    const zulu = await createBrand({ name: `Zulu ${tag}` })
    const odd = await createBrand({ name: `Mango "Quoted" \\ Zoë ${tag}` })
    const alpha = await createBrand({ name: `Alpha ${tag}` })
    const other = await createBrand({ name: `Beta ${tag}` })
    const u = await addMember(zulu.id, 'finance')
    await addMember(alpha.id, 'viewer', u)
    await addMember(odd.id, 'admin', u)
    await addMember(other.id, 'manager') // someone else's membership
    const areas = await getUserAreas(u.id)
    expect(areas.brands).toEqual([
      { slug: alpha.slug, name: alpha.name, role: 'viewer' },
      { slug: odd.slug, name: odd.name, role: 'admin' },
      { slug: zulu.slug, name: zulu.name, role: 'finance' },
    ])
    expect(areas.creator).toBeNull()
    expect(homePathFor(areas)).toBe('/b')
    // The brand layout's variant: the same areas, and the brand's waiting drafts (none here; the count's own
    // arithmetic is checked against the drafts in review-roster-counts-drift.test.ts).
    expect(await getUserAreasAndWaitingDrafts(u.id, zulu.id)).toEqual({ areas, waitingDrafts: 0 })
    expect(await getUserAreasAndWaitingDrafts(`no-such-${tag}`, zulu.id)).toEqual({ areas: { brands: [], creator: null, represented: [] }, waitingDrafts: 0 })
    const single = await addMember(zulu.id, 'finance')
    expect(homePathFor(await getUserAreas(single.id))).toBe(`/pay/${zulu.slug}`)
  })

  it('a creator sees their own profile; an agent sees the creators of live grants only, sorted by name', async () => {
    const tag = uid()
    const own = await createCreator({ name: `Émile 🎬 ${tag}` })
    const areas = await getUserAreas(own.user!.id)
    expect(areas.creator).toEqual({ id: own.creator.id, name: own.creator.name })
    expect(areas.represented).toEqual([])
    expect(homePathFor(areas)).toBe(`/c/${own.creator.id}`)

    const yara = await createCreator({ name: `Yara ${tag}` })
    const bo = await createCreator({ name: `Bo ${tag}` })
    const gone = await createCreator({ name: `Ana ${tag}` })
    const { agent, agency, grants } = await createAgency({
      representing: [
        { creatorId: yara.creator.id, scopes: [] },
        { creatorId: bo.creator.id, scopes: [] },
        { creatorId: gone.creator.id, scopes: [] },
      ],
    })
    await db().update(schema.agentGrants).set({ revokedAt: new Date() }).where(eq(schema.agentGrants.id, grants[2]!.id))
    await createAgency({ representing: [{ creatorId: own.creator.id, scopes: [] }] }) // another agency's grant
    const agentAreas = await getUserAreas(agent.id)
    expect(agentAreas.represented).toEqual([
      { id: bo.creator.id, name: bo.creator.name, agencyName: agency.name },
      { id: yara.creator.id, name: yara.creator.name, agencyName: agency.name },
    ])
    expect(agentAreas.creator).toBeNull()
    expect(homePathFor(agentAreas)).toBe('/c')
  })
})
