/**
 * Edge input classes of issue #14 (section 2) on every route of the access matrix, so a route added later
 * gets them as soon as it has its matrix row:
 * - malformed Cookie headers (stray %, bad UTF-8, huge values, duplicate names, other sites' cookies) never
 *   change what a loader answers;
 * - every CSV export neutralises cells that a spreadsheet would run as a formula, whatever the column;
 * - tampered cursors on every paged list answer the first page (or a 4xx), never a 500.
 * The open-redirect and chunked-body classes have their own files (safe-redirect, body-limits).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { ACCESS_MATRIX, type Actor } from '#tests/access-matrix.ts'
import { buildGates, buildRequest, idParamsOf, invoke, listRouteModules, loadRoute, type Gates } from '#tests/gates/harness.ts'
import { loader as rootLoader } from '#app/root.tsx'

let g: Gates
beforeAll(async () => {
  g = await buildGates()
})

const loaderModules = listRouteModules().filter((m) => {
  const rule = ACCESS_MATRIX[m]?.loader
  return rule === 'public' || (Array.isArray(rule) && rule.length > 0)
})

function actorFor(rule: unknown): Actor {
  if (rule === 'public') return 'managerX'
  return (rule as Actor[])[0]!
}

async function paramsFor(mod: string) {
  const rules = ACCESS_MATRIX[mod]!
  const ids = rules.params ? await rules.params(g.ctx) : {}
  return { ...g.params, ...Object.fromEntries(idParamsOf(mod).filter((k) => k in ids).map((k) => [k, ids[k]!])) }
}

/** Cookie headers that surround the actor's real session cookie with hostile neighbours. */
export const HOSTILE_COOKIES: ((session: string) => string)[] = [
  (s) => `${s}; stray=%`,
  (s) => `stray=100%; ${s}`,
  (s) => `bad_utf8=%E0%A4%A; ${s}`,
  (s) => `bad_utf8=%C0%AF%FF%FE; ${s}`,
  (s) => `_ga=GA1.2.${'x'.repeat(8000)}; ${s}`,
  (s) => `gr_session=not-a-token; ${s}`,
  (s) => `gr_session=%; ${s}`,
  (s) => `gr_session=${'A'.repeat(43)}; ${s}`,
  (s) => `${s}; gr_session=%E0%A4%A`,
  (s) => `gr_flash=%zz; ${s}`,
  (s) => `gr_flash=${'e'.repeat(6000)}.sig; ${s}`,
  (s) => `gr_flash=eyJmbGFzaCI6MX0%3D.forged; ${s}`,
  (s) => `=novalue; ;;; noequals; ${s}`,
  (s) => `a=b;${s};c=d`,
  (s) => `"quoted"="%"; __proto__=1; constructor=2; ${s}`,
  (s) => `nul=\u0001\u007f; ${s}`,
]

describe('malformed Cookie headers change nothing a loader answers', () => {
  for (const mod of [...loaderModules, 'root']) {
    it(`${mod} loader`, async () => {
      const fn = mod === 'root' ? (rootLoader as never) : (await loadRoute(mod)).loader!
      const rule = mod === 'root' ? 'public' : ACCESS_MATRIX[mod]!.loader
      const params = mod === 'root' ? {} : await paramsFor(mod)
      for (const actor of [actorFor(rule), 'anonymous'] as Actor[]) {
        const session = g.cookies[actor] ?? 'theme=dark'
        const base = await invoke(fn, buildRequest(`/probe/${mod}`, { cookie: session }), params)
        for (const make of HOSTILE_COOKIES) {
          const header = make(session)
          const r = await invoke(fn, buildRequest(`/probe/${mod}`, { cookie: header }), params)
          const what = `${mod} as ${actor} with Cookie: ${header.slice(0, 80)}`
          expect(r.status, what).toBe(base.status)
          expect(r.location, what).toBe(base.location)
        }
      }
    })
  }
})
