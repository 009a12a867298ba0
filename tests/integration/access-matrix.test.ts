import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ACCESS_MATRIX, ACTORS, type Actor, type Rule } from '#tests/access-matrix.ts'
import type { MatrixContext } from '#tests/access/actors.ts'
import { addMember, call, cookieFor, createAgency, createBrand, createCreator, makeRequest } from '#tests/factories.ts'

const ROUTES_DIR = path.resolve('app/routes')

function listRouteModules(dir = ROUTES_DIR): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) out.push(...listRouteModules(full))
    else if (/\.(tsx?|jsx?)$/.test(name) && !name.includes('.test.')) out.push(path.relative(ROUTES_DIR, full))
  }
  return out.sort()
}

const modules = listRouteModules()

describe('access matrix', () => {
  it('has an entry for every route module (add one when you add a route)', () => {
    const missing = modules.filter((m) => !(m in ACCESS_MATRIX))
    expect(missing, `route modules without an access-matrix entry: ${missing.join(', ')}`).toEqual([])
  })

  it('lists no route module that does not exist', () => {
    const stale = Object.keys(ACCESS_MATRIX).filter((m) => !modules.includes(m))
    expect(stale).toEqual([])
  })

  const cookies = {} as Record<Actor, string | undefined>
  let params: Record<string, string> = {}
  let context: MatrixContext

  beforeAll(async () => {
    const brandX = await createBrand()
    const brandY = await createBrand()
    const a = await createCreator({ brandIds: [brandX.id] })
    const b = await createCreator({ brandIds: [brandY.id] })
    const ofA = await createAgency({ representing: [{ creatorId: a.creator.id, scopes: ['answer_offers', 'submit_content', 'invoice', 'see_payments'] }] })
    const ofANoScopes = await createAgency({ representing: [{ creatorId: a.creator.id, scopes: [] }] })
    const notOfA = await createAgency({ representing: [{ creatorId: b.creator.id, scopes: ['answer_offers'] }] })
    const users: Record<Actor, { id: string } | null> = {
      anonymous: null,
      creatorA: a.user,
      creatorB: b.user,
      agentOfA: ofA.agent,
      agentOfANoScopes: ofANoScopes.agent,
      agentNotOfA: notOfA.agent,
      managerX: await addMember(brandX.id, 'manager'),
      adminX: await addMember(brandX.id, 'admin'),
      financeX: await addMember(brandX.id, 'finance'),
      viewerX: await addMember(brandX.id, 'viewer'),
      adminY: await addMember(brandY.id, 'admin'),
    }
    for (const actor of ACTORS) cookies[actor] = await cookieFor(users[actor])
    params = { brand: brandX.slug, creator: a.creator.id, token: 'x'.repeat(43), id: 'nothing-here' }
    context = { brandX, brandY, creatorA: a.creator, creatorB: b.creator, users }
  })

  type Outcome = 'login' | 'denied' | 'through'
  function classify(r: { status: number; location: string | null }): Outcome {
    if (r.status >= 300 && r.status < 400 && r.location?.startsWith('/login')) return 'login'
    if (r.status === 403 || r.status === 404) return 'denied'
    return 'through'
  }
  function expected(rule: Rule, actor: Actor): Outcome | 'any' {
    if (rule === 'public') return 'any'
    if ((rule as readonly Actor[]).includes(actor)) return 'through'
    return actor === 'anonymous' ? 'login' : 'denied'
  }

  for (const mod of modules) {
    const rules = ACCESS_MATRIX[mod]
    if (!rules) continue
    for (const kind of ['loader', 'action'] as const) {
      it(`${mod} ${kind}: each actor gets the outcome the matrix says`, async () => {
        const route = (await import(path.join(ROUTES_DIR, mod))) as Record<string, ((args: unknown) => Promise<unknown>) | undefined>
        const fn = route[kind]
        const rule = rules[kind]
        if (!fn) {
          expect(rule, `${mod} has no ${kind} but the matrix gives it a rule`).toBeUndefined()
          return
        }
        expect(rule, `${mod} has a ${kind}: give it a rule in tests/access-matrix.ts`).toBeDefined()
        const routeParams = { ...params, ...(rules.params ? await rules.params(context) : {}) }
        const results: Record<string, string> = {}
        const wanted: Record<string, string> = {}
        for (const actor of ACTORS) {
          const want = expected(rule!, actor)
          if (want === 'any') continue
          const request = makeRequest(`/probe/${mod}`, {
            method: kind === 'action' ? 'POST' : 'GET',
            form: kind === 'action' ? {} : undefined,
            cookie: cookies[actor],
          })
          const r = await call(() => fn({ request, params: routeParams, context: {} }))
          results[actor] = classify(r)
          wanted[actor] = want
        }
        expect(results).toEqual(wanted)
      })
    }
  }
})
