/**
 * Input classes of issue #14 on every route of the access matrix (a route gets them as soon as it has its
 * matrix row): NUL bytes in every text field of every valid form, in every query parameter and every path
 * segment (the HTTP server refuses those with a 400 before any route runs; a
 * loader called directly must still never answer 500). A refusal is a 4xx with a message and writes nothing; a loader never answers 500.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { ACCESS_MATRIX, type Actor } from '#tests/access-matrix.ts'
import {
  buildGates,
  buildRequest,
  changedTables,
  formPairs,
  formsOf,
  idParamsOf,
  invoke,
  listRouteModules,
  loadRoute,
  messageOf,
  snapshot,
  type Gates,
} from '#tests/gates/harness.ts'

let g: Gates
beforeAll(async () => {
  g = await buildGates()
})

const actionModules = listRouteModules().filter((m) => {
  const rule = ACCESS_MATRIX[m]?.action
  return Array.isArray(rule) && rule.length > 0 && ACCESS_MATRIX[m]!.forms
})
const loaderModules = listRouteModules().filter((m) => {
  const rule = ACCESS_MATRIX[m]?.loader
  return rule === 'public' || (Array.isArray(rule) && rule.length > 0)
})
const QUERY_KEYS = ['status', 'page', 'q', 'period', 'from', 'to', 'campaign', 'platform', 'tier', 'sort', 'dir', 'run', 'creator', 'offer', 'redirectTo', 'tab', 'v', 'cursor', 'after']

function actorFor(rule: unknown): Actor {
  if (rule === 'public') return 'managerX'
  const list = rule as readonly Actor[]
  return list.find((a) => a !== 'anonymous') ?? list[0]!
}

async function paramsFor(mod: string) {
  const rules = ACCESS_MATRIX[mod]!
  const ids = rules.params ? await rules.params(g.ctx) : {}
  return { ids, params: { ...g.params, ...Object.fromEntries(idParamsOf(mod).filter((k) => k in ids).map((k) => [k, ids[k]!])) } }
}

describe('NUL bytes (U+0000) in any text field are a 4xx with a message and write nothing', () => {
  for (const mod of actionModules) {
    it(`${mod} action`, async () => {
      const rules = ACCESS_MATRIX[mod]!
      const fn = (await loadRoute(mod)).action!
      const { ids, params } = await paramsFor(mod)
      const actor = actorFor(rules.action)
      let probed = 0
      for (const form of formsOf(rules, ids, g.ctx)) {
        const pairs = formPairs(form)
        for (let i = 0; i < pairs.length; i++) {
          if (pairs[i]![0] === 'intent') continue
          const sent = pairs.map(([k, v], j): [string, string] => [k, j === i ? `${v}\u0000x` : v])
          const before = await snapshot(g.scope)
          const r = await invoke(fn, buildRequest(`/probe/${mod}`, { body: { kind: 'urlencoded', pairs: sent }, cookie: g.cookies[actor] }), params)
          const what = `${mod} as ${actor}, NUL in ${pairs[i]![0]} (${String(form.intent)})`
          expect(r.status, what).toBeGreaterThanOrEqual(400)
          expect(r.status, what).toBeLessThan(500)
          expect(messageOf(r).length, `${what}: says why`).toBeGreaterThan(5)
          expect(changedTables(before, await snapshot(g.scope)), `${what}: writes nothing`).toEqual([])
          probed++
        }
      }
      expect(probed).toBeGreaterThanOrEqual(0)
    })
  }
})

describe('NUL bytes in any query parameter or path segment never make a 500', () => {
  for (const mod of loaderModules) {
    it(`${mod} loader`, async () => {
      const rules = ACCESS_MATRIX[mod]!
      const fn = (await loadRoute(mod)).loader!
      const { params } = await paramsFor(mod)
      const actor = actorFor(rules.loader)
      for (const key of QUERY_KEYS) {
        const qs = new URLSearchParams([[key, 'a\u0000b']]).toString()
        const r = await invoke(fn, buildRequest(`/probe/${mod}?${qs}`, { cookie: g.cookies[actor] }), params)
        expect(r.status, `${mod}?${qs} as ${actor}`).toBeLessThan(500)
      }
      for (const key of [...mod.matchAll(/\$([A-Za-z0-9]+)/g)].map((m) => m[1]!)) {
        const r = await invoke(fn, buildRequest(`/probe/${mod}`, { cookie: g.cookies[actor] }), { ...params, [key]: `${params[key]}\u0000` })
        expect(r.status, `${mod} with NUL in :${key} as ${actor}`).toBeLessThan(500)
      }
    })
  }
})
