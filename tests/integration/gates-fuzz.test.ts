/**
 * Hostile input on every action of every route in the access matrix, as an actor the matrix lets in:
 * random and nasty payloads built around the row's valid forms (fields dropped, repeated, swapped for
 * hostile values, unknown fields added) and broken bodies (multipart with files, malformed multipart,
 * JSON, no content type). Always a 4xx with a message, or a success for valid input — never a 500 —
 * and a 4xx writes nothing (snapshot of both tenants' rows). A route added later is fuzzed as soon as it
 * has a matrix row; `forms` in the row make the fuzzing reach deeper than validation.
 *
 * Loaders get hostile query strings as well (never a 500).
 *
 * Reproduce a failure with GATES_SEED=<seed printed by fast-check>; GATES_RUNS raises the runs per action.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { ACCESS_MATRIX, type Actor } from '#tests/access-matrix.ts'
import type { FormSample } from '#tests/access/actors.ts'
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
  type Body,
  type Snapshot,
  type Gates,
} from '#tests/gates/harness.ts'

const RUNS = Number(process.env.GATES_RUNS ?? 10)
const SEED = Number(process.env.GATES_SEED ?? 20261201)

const HOSTILE = [
  '',
  ' ',
  "' or 1=1 --",
  "'; drop table invoices; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\u0000',
  '%00',
  '\u202e\u200b',
  '😀'.repeat(40),
  'a'.repeat(70_000),
  '-1',
  '-100000',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '99999999999999999999999',
  '9007199254740993',
  '1,000,000,000,000.999',
  '12.345',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  'true',
  'null',
  '[]',
  '{"$ne":null}',
  '../../etc/passwd',
  'javascript:alert(1)',
  'https://evil.example/x',
]
const GENERIC_FIELDS = ['intent', 'id', 'name', 'email', 'amount', 'fee', 'status', 'note', 'reason', 'brandId', 'creatorId', 'userId', '__proto__', 'constructor']

const modules = listRouteModules().filter((m) => {
  const rule = ACCESS_MATRIX[m]?.action
  return Array.isArray(rule) && rule.length > 0
})

let g: Gates
beforeAll(async () => {
  g = await buildGates()
})

function payloadArb(forms: FormSample[], foreignIds: string[]) {
  const fields = [...new Set([...forms.flatMap((f) => Object.keys(f)), ...GENERIC_FIELDS])]
  const intents = [...new Set(forms.map((f) => f.intent).filter((x): x is string => typeof x === 'string'))]
  const value = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: foreignIds.length ? fc.constantFrom(...foreignIds) : fc.constant('x') },
    { weight: 1, arbitrary: intents.length ? fc.constantFrom(...intents) : fc.constant('x') },
  )
  const mutation = fc.oneof(
    fc.record({ op: fc.constant('set' as const), field: fc.constantFrom(...fields), value }),
    fc.record({ op: fc.constant('drop' as const), field: fc.constantFrom(...fields) }),
    fc.record({ op: fc.constant('repeat' as const), field: fc.constantFrom(...fields), value }),
    fc.record({ op: fc.constant('unknown' as const), field: fc.string({ minLength: 1, maxLength: 12 }), value }),
  )
  const pairs = fc
    .tuple(forms.length ? fc.option(fc.constantFrom(...forms), { freq: 4 }) : fc.constant(null), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([base, muts]) => {
      let out: [string, string][] = base ? formPairs(base) : []
      for (const m of muts) {
        if (m.op === 'drop') out = out.filter(([k]) => k !== m.field)
        else if (m.op === 'set') out = [...out.filter(([k]) => k !== m.field), [m.field, m.value]]
        else out = [...out, [m.field, m.value]]
      }
      return out
    })
  const body: fc.Arbitrary<Body> = fc.oneof(
    { weight: 8, arbitrary: pairs.map((p) => ({ kind: 'urlencoded' as const, pairs: p })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(pairs, fc.option(fc.constantFrom('%PDF-1.4 fake', '<html><script>x</script></html>', 'a,b\n1,2'), { freq: 2 }))
        .map(([p, file]) => ({ kind: 'multipart' as const, pairs: file ? [...p, ['file', { name: 'x.pdf', bytes: file }] as [string, { name: string; bytes: string }]] : p })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        { kind: 'raw', contentType: 'multipart/form-data; boundary=gates', body: '--gates\r\nContent-Disposition: form-data; name="intent"\r\n\r\nx' },
        { kind: 'raw', contentType: 'multipart/form-data', body: 'not multipart at all' },
        { kind: 'raw', contentType: 'application/json', body: '{"intent":"approve","status":"paid"}' },
        { kind: 'raw', contentType: null, body: 'intent=approve' },
        { kind: 'raw', contentType: 'application/x-www-form-urlencoded', body: '%%%=%%%&intent=%E0%A4%A' },
        { kind: 'raw', contentType: 'text/plain', body: '\u0000\u0001' },
      ),
    },
  )
  return body
}

describe('hostile input on every action is a 4xx with a message (never a 500) and writes nothing', () => {
  for (const mod of modules) {
    const rules = ACCESS_MATRIX[mod]!
    it(`${mod} action`, async () => {
      const fn = (await loadRoute(mod)).action!
      const ids = rules.params ? await rules.params(g.ctx) : {}
      const foreign = rules.params ? await rules.params(g.foreignBrand) : {}
      const params = { ...g.params, ...Object.fromEntries(idParamsOf(mod).filter((k) => k in ids).map((k) => [k, ids[k]!])) }
      const forms = formsOf(rules, ids, g.ctx)
      const actors = rules.action as readonly Actor[]
      let refused = 0
      // After a refusal (which wrote nothing) the rows are as before it: that snapshot is the next run's "before".
      let unchangedSince: Snapshot | undefined
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...actors), payloadArb(forms, Object.values(foreign)), async (actor, body) => {
          const before = unchangedSince ?? (await snapshot(g.scope))
          unchangedSince = undefined
          const r = await invoke(fn, buildRequest(`/probe/${mod}`, { body, cookie: g.cookies[actor] }), params)
          const what = `${mod} as ${actor}: ${JSON.stringify(body).slice(0, 300)}`
          expect(r.status, what).toBeLessThan(500)
          if (r.status >= 400) {
            refused++
            expect(messageOf(r).length, `${what}: a refusal says why`).toBeGreaterThan(5)
            const after = await snapshot(g.scope)
            expect(changedTables(before, after), `${what}: a refusal writes nothing`).toEqual([])
            unchangedSince = after
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      )
      // The fuzzer must actually hit refusals (a generator that only makes valid input proves nothing).
      expect(refused).toBeGreaterThan(RUNS / 3)
    })
  }
})

const QUERY_KEYS = ['status', 'page', 'q', 'period', 'from', 'to', 'campaign', 'platform', 'tier', 'sort', 'dir', 'run', 'creator', 'offer', 'redirectTo', 'tab', 'v']
const loaderModules = listRouteModules().filter((m) => {
  const rule = ACCESS_MATRIX[m]?.loader
  return Array.isArray(rule) && rule.length > 0
})

describe('hostile query strings on every loader never make a 500', () => {
  for (const mod of loaderModules) {
    const rules = ACCESS_MATRIX[mod]!
    it(`${mod} loader`, async () => {
      const fn = (await loadRoute(mod)).loader!
      const ids = rules.params ? await rules.params(g.ctx) : {}
      const params = { ...g.params, ...Object.fromEntries(idParamsOf(mod).filter((k) => k in ids).map((k) => [k, ids[k]!])) }
      const query = fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), fc.oneof(fc.constantFrom(...HOSTILE.map((h) => h.slice(0, 2000))), fc.string({ maxLength: 20 }))), { minLength: 1, maxLength: 4 })
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...(rules.loader as readonly Actor[])), query, async (actor, pairs) => {
          const qs = new URLSearchParams(pairs).toString()
          const r = await invoke(fn, buildRequest(`/probe/${mod}?${qs}`, { cookie: g.cookies[actor] }), params)
          expect(r.status, `${mod}?${qs.slice(0, 200)} as ${actor}`).toBeLessThan(500)
        }),
        { numRuns: Math.max(4, Math.round(RUNS / 2)), seed: SEED, endOnFailure: true },
      )
    })
  }
})
