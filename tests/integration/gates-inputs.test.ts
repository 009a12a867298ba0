/**
 * Input classes of issue #14 on every route of the access matrix (a route gets them as soon as it has its
 * matrix row; the fields are discovered from the row's valid forms):
 * - NUL bytes in every text field of every valid form, in every query parameter and every path segment
 *   (the HTTP server refuses those with a 400 before any route runs; a loader called directly must still
 *   never answer 500).
 * - Days that do not exist (2026-02-30, 0000-01-01, 2026-13-01, trailing text) in every date field: a
 *   field whose valid value is a day. The date query filters of every loader too.
 * - Amounts in another currency than the document's ("€500", "EUR 500", "¥500"...) in every field whose
 *   valid value is a number; and too many decimals in every field the app answers as an amount in the
 *   document's currency. The gates' documents are in GATES_CURRENCY.
 * A refusal is a 4xx with a message next to the field and writes nothing; a loader never answers 500.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { ACCESS_MATRIX } from '#tests/access-matrix.ts'
import {
  QUERY_KEYS,
  actionRoutes,
  actorFor,
  bodyOf,
  buildGates,
  buildRequest,
  fieldErrorsOf,
  formPairs,
  formsOf,
  invoke,
  loadRoute,
  loaderRoutes,
  messageOf,
  paramsFor as paramsOf,
  GATES_CURRENCY,
  unchanged,
  type Gates,
} from '#tests/gates/harness.ts'

let g: Gates
beforeAll(async () => {
  g = await buildGates()
})

const actionModules = actionRoutes({ withForms: true })
const loaderModules = loaderRoutes()
const paramsFor = (mod: string) => paramsOf(g, mod)

describe('NUL bytes (U+0000) in any text field are a 4xx with a message and write nothing', () => {
  for (const mod of actionModules) {
    it(`${mod} action`, async () => {
      const rules = ACCESS_MATRIX[mod]!
      const fn = (await loadRoute(mod)).action!
      const { ids, params } = await paramsFor(mod)
      const actor = actorFor(rules.action)
      let probed = 0
      const state = await unchanged(g)
      for (const form of formsOf(rules, ids, g.ctx)) {
        const pairs = formPairs(form)
        for (let i = 0; i < pairs.length; i++) {
          if (pairs[i]![0] === 'intent') continue
          const sent = pairs.map(([k, v], j): [string, string] => [k, j === i ? `${v}\u0000x` : v])
          const r = await invoke(fn, buildRequest(`/probe/${mod}`, { body: bodyOf(rules, sent), cookie: g.cookies[actor] }), params)
          const what = `${mod} as ${actor}, NUL in ${pairs[i]![0]} (${String(form.intent)})`
          expect(r.status, what).toBeGreaterThanOrEqual(400)
          expect(r.status, what).toBeLessThan(500)
          expect(messageOf(r).length, `${what}: says why`).toBeGreaterThan(5)
          expect(await state.changed(), `${what}: writes nothing`).toEqual([])
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

// ---------------------------------------------------------------------------------------------------
// Days that do not exist

const DAY = /^\d{4}-\d{2}-\d{2}$/
const IMPOSSIBLE_DAYS = ['2026-02-30', '2026-02-31', '2026-04-31', '2026-02-29', '0000-01-01', '1899-12-31', '2026-13-01', '2026-03-01x', '2026-03-01T00:00']

describe('a day that does not exist, in any date field, is a 4xx next to the field and writes nothing', () => {
  for (const mod of actionModules) {
    it(`${mod} action`, async () => {
      const rules = ACCESS_MATRIX[mod]!
      const fn = (await loadRoute(mod)).action!
      const { ids, params } = await paramsFor(mod)
      const actor = actorFor(rules.action)
      const probes: { field: string; bad: string; sent: [string, string][]; intent: string }[] = []
      for (const form of formsOf(rules, ids, g.ctx)) {
        const pairs = formPairs(form)
        pairs.forEach(([field, valid], i) => {
          if (!DAY.test(valid)) return
          for (const bad of IMPOSSIBLE_DAYS) probes.push({ field, bad, sent: pairs.map(([k, v], j): [string, string] => [k, j === i ? bad : v]), intent: String(form.intent) })
        })
      }
      const state = await unchanged(g)
      for (const p of probes) {
        const r = await invoke(fn, buildRequest(`/probe/${mod}`, { body: bodyOf(rules, p.sent), cookie: g.cookies[actor] }), params)
        const what = `${mod} as ${actor}, ${p.field}=${p.bad} (${p.intent})`
        expect(r.status, what).toBeGreaterThanOrEqual(400)
        expect(r.status, what).toBeLessThan(500)
        expect(fieldErrorsOf(r)[p.field]?.[0] ?? '', `${what}: says why next to ${p.field} (got ${messageOf(r)})`).toMatch(/date|day|year|month/i)
        expect(await state.changed(), `${what}: writes nothing`).toEqual([])
      }
    })
  }
})

describe('a day that does not exist in a date query filter never makes a 500', () => {
  for (const mod of loaderModules) {
    it(`${mod} loader`, async () => {
      const rules = ACCESS_MATRIX[mod]!
      const fn = (await loadRoute(mod)).loader!
      const { params } = await paramsFor(mod)
      const actor = actorFor(rules.loader)
      for (const key of ['from', 'to', 'date', 'day', 'since', 'until']) {
        for (const bad of IMPOSSIBLE_DAYS) {
          const r = await invoke(fn, buildRequest(`/probe/${mod}?${new URLSearchParams([[key, bad]])}`, { cookie: g.cookies[actor] }), params)
          expect(r.status, `${mod}?${key}=${bad} as ${actor}`).toBeLessThan(500)
        }
      }
    })
  }
})

// ---------------------------------------------------------------------------------------------------
// Amounts in another currency than the document's

const NUMBER = /^\d[\d,]*(\.\d+)?$/
/** Every symbol and code of the currencies the app knows that is not GATES_CURRENCY's ("US$"/"$" are). */
const FOREIGN = (v: string) => [`€${v}`, `${v} €`, `£${v}`, `¥${v}`, `￥${v}`, `JP¥${v}`, `CA$${v}`, `A$${v}`, `C$${v}`, `EUR ${v}`, `${v} GBP`, `JPY${v}`, `CAD ${v}`, `AUD ${v}`, `₹${v}`]

describe(`an amount in another currency than the document's (${GATES_CURRENCY}) is a 4xx next to the field and writes nothing`, () => {
  for (const mod of actionModules) {
    it(`${mod} action`, async () => {
      const rules = ACCESS_MATRIX[mod]!
      const fn = (await loadRoute(mod)).action!
      const { ids, params } = await paramsFor(mod)
      const actor = actorFor(rules.action)
      const state = await unchanged(g)
      for (const form of formsOf(rules, ids, g.ctx)) {
        const pairs = formPairs(form)
        for (let i = 0; i < pairs.length; i++) {
          const [field, valid] = pairs[i]!
          if (field === 'intent' || !NUMBER.test(valid)) continue
          const send = async (value: string) => {
            const sent = pairs.map(([k, v], j): [string, string] => [k, j === i ? value : v])
            const r = await invoke(fn, buildRequest(`/probe/${mod}`, { body: bodyOf(rules, sent), cookie: g.cookies[actor] }), params)
            const what = `${mod} as ${actor}, ${field}=${value} (${String(form.intent)})`
            expect(r.status, what).toBeGreaterThanOrEqual(400)
            expect(r.status, what).toBeLessThan(500)
            const message = fieldErrorsOf(r)[field]?.[0] ?? ''
            expect(message.length, `${what}: says why next to ${field} (got ${messageOf(r)})`).toBeGreaterThan(5)
            expect(await state.changed(), `${what}: writes nothing`).toEqual([])
            return message
          }
          let isAmount = false
          for (const bad of FOREIGN(valid)) {
            const message = await send(bad)
            // A field that answers as an amount names the document's currency, never another one.
            const codes = message.match(/\b(USD|EUR|GBP|JPY|CAD|AUD)\b/g) ?? []
            if (codes.length) {
              isAmount = true
              expect(codes, `${mod} ${field}=${bad}: "${message}" names ${GATES_CURRENCY}`).toEqual(codes.map(() => GATES_CURRENCY))
            }
          }
          // An amount has the document currency's decimals (2 for USD): a third one is refused. A rate per
          // action (EMV) has its own, declared in the matrix row: one more than those is refused.
          const decimals = rules.rateDecimals?.[field] ?? 2
          if (isAmount) await send(`${valid.split('.')[0]}.${'0'.repeat(decimals)}1`)
        }
      }
    })
  }
})
