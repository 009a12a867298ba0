import { beforeAll, describe, expect, it } from 'vitest'
import { ACCESS_MATRIX, ACTORS, type Actor, type Rule } from '#tests/access-matrix.ts'
import { buildGates, buildRequest, invoke, listRouteModules, loadRoute, SCOPES, type Gates } from '#tests/gates/harness.ts'

const modules = listRouteModules()

type Outcome = 'login' | 'denied' | 'through' | `error ${number}`
/** A 5xx is never "through": it is a bug, whoever asked (an error page must not pass for access). */
function classify(r: { status: number; location: string | null }): Outcome {
  if (r.status >= 500) return `error ${r.status}`
  if (r.status >= 300 && r.status < 400 && r.location?.startsWith('/login')) return 'login'
  if (r.status === 403 || r.status === 404) return 'denied'
  return 'through'
}
function expected(rule: Rule, actor: Actor): Outcome | 'any' {
  if (rule === 'public') return 'any'
  if ((rule as readonly Actor[]).includes(actor)) return 'through'
  return actor === 'anonymous' ? 'login' : 'denied'
}

describe('access matrix', () => {
  it('has an entry for every route module (add one when you add a route)', () => {
    const missing = modules.filter((m) => !(m in ACCESS_MATRIX))
    expect(missing, `route modules without an access-matrix entry: ${missing.join(', ')}`).toEqual([])
  })

  it('lists no route module that does not exist', () => {
    const stale = Object.keys(ACCESS_MATRIX).filter((m) => !modules.includes(m))
    expect(stale).toEqual([])
  })

  let g: Gates
  beforeAll(async () => {
    g = await buildGates()
  })

  for (const mod of modules) {
    const rules = ACCESS_MATRIX[mod]
    if (!rules) continue
    for (const kind of ['loader', 'action'] as const) {
      it(`${mod} ${kind}: each actor gets the outcome the matrix says`, async () => {
        const fn = (await loadRoute(mod))[kind]
        const rule = rules[kind]
        if (!fn) {
          expect(rule, `${mod} has no ${kind} but the matrix gives it a rule`).toBeUndefined()
          return
        }
        expect(rule, `${mod} has a ${kind}: give it a rule in tests/access-matrix.ts`).toBeDefined()
        const routeParams = { ...g.params, ...(rules.params ? await rules.params(g.ctx) : {}) }
        const results: Record<string, string> = {}
        const wanted: Record<string, string> = {}
        for (const actor of ACTORS) {
          const want = expected(rule!, actor)
          if (want === 'any') continue
          const request = buildRequest(`/probe/${mod}`, {
            method: kind === 'action' ? 'POST' : 'GET',
            body: kind === 'action' ? { kind: 'urlencoded', pairs: [] } : undefined,
            cookie: g.cookies[actor],
          })
          results[actor] = classify(await invoke(fn, request, routeParams))
          wanted[actor] = want
        }
        expect(results).toEqual(wanted)
      })

      // Agents: one agent per grant scope. Only the declared scope gets through ('view': any grant).
      const scope = rules.scopes?.[kind]
      if (!scope) continue
      it(`${mod} ${kind}: only an agent with the "${scope}" scope gets through`, async () => {
        const fn = (await loadRoute(mod))[kind]!
        const routeParams = { ...g.params, ...(rules.params ? await rules.params(g.ctx) : {}) }
        const results: Record<string, number | string> = {}
        const wanted: Record<string, number | string> = {}
        for (const s of SCOPES) {
          const request = buildRequest(`/probe/${mod}`, {
            method: kind === 'action' ? 'POST' : 'GET',
            body: kind === 'action' ? { kind: 'urlencoded', pairs: [] } : undefined,
            cookie: g.scopeCookies[s],
          })
          const r = await invoke(fn, request, routeParams)
          results[s] = classify(r) === 'through' ? 'through' : r.status
          wanted[s] = scope === 'view' || scope === s ? 'through' : 403
        }
        expect(results).toEqual(wanted)
      })
    }
  }
})
