/**
 * Echo gate: every action that refuses a form it read sends back what was typed, so the page shows
 * the form as it was sent even without JavaScript (handleAction + parseForm, app/utils/form-echo.server.ts).
 * For every route in the access matrix with sample forms, each text field in turn is made too long;
 * where that is refused with a message next to a field, the answer carries every other field exactly as
 * posted — and never a password or token. (The HTML side: tests/e2e/no-js-forms.e2e.ts.)
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { ACCESS_MATRIX } from '#tests/access-matrix.ts'
import { buildGates, formsOf, listRouteModules, postAs, type Gates } from '#tests/gates/harness.ts'
import { SECRET_FIELD } from '#app/utils/form-echo.server.ts'

const TOO_LONG = 'x'.repeat(20_001)

const modules = listRouteModules().filter((m) => {
  const row = ACCESS_MATRIX[m]
  return Array.isArray(row?.action) && row.action.length > 0 && row.forms && row.action.some((a) => a !== 'anonymous')
})

let g: Gates
let checked = 0
beforeAll(async () => {
  g = await buildGates()
})

describe('refused forms come back as typed', () => {
  it('covers the routes with sample forms', () => {
    expect(modules.length).toBeGreaterThan(10)
  })

  for (const mod of modules) {
    it(mod, async () => {
      const row = ACCESS_MATRIX[mod]!
      const actor = (row.action as readonly string[]).find((a) => a !== 'anonymous')! as Parameters<typeof postAs>[2]
      const ids = row.params ? await row.params(g.ctx) : {}
      let refusedWithFieldErrors = 0
      for (const form of formsOf(row, ids, g.ctx)) {
        const textFields = Object.entries(form).filter(([k, v]) => typeof v === 'string' && k !== 'intent' && !/id$|Id$|Key$/.test(k))
        for (const [field] of textFields) {
          const sent = { ...form, [field]: TOO_LONG }
          const r = await postAs(g, mod, actor, sent, ids)
          const data = r.data as { ok?: boolean; fieldErrors?: Record<string, unknown>; values?: Record<string, unknown> } | null
          if (r.status < 400 || r.status >= 500 || !data || data.ok !== false || !Object.keys(data.fieldErrors ?? {}).length) continue
          refusedWithFieldErrors++
          expect(data.values, `${mod} ${String(form.intent ?? '')} ${field}: values sent back`).toBeDefined()
          for (const [k, v] of Object.entries(sent)) {
            if (v === undefined) continue
            if (SECRET_FIELD.test(k)) expect(data.values, `${mod}: ${k} is a secret`).not.toHaveProperty(k)
            // A field sent once comes back as a string, a repeated one as an array.
            else expect([data.values![k]].flat(), `${mod} ${String(form.intent ?? '')}: ${k}`).toEqual([v].flat().map((x) => x.slice(0, 20_000)))
          }
        }
      }
      // Not every route refuses a long value next to a field (free text without a limit is accepted).
      checked += refusedWithFieldErrors
    })
  }

  it('checked a refusal on many routes (the gate is not vacuous)', () => {
    expect(checked).toBeGreaterThan(20)
  })
})
