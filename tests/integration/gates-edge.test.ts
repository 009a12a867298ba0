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
import { ROUTES_DIR, buildGates, buildRequest, idParamsOf, invoke, listRouteModules, loadRoute, type Gates } from '#tests/gates/harness.ts'
import { loader as rootLoader } from '#app/root.tsx'
import { sql } from 'drizzle-orm'
import { db } from '#app/db.server.ts'
import { parseCsv } from '#app/domain/csv.ts'
import { readFileSync } from 'node:fs'
import path from 'node:path'

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

// ---------------------------------------------------------------------------------------------------
// CSV exports: every loader that answers text/csv, with hostile text in the fields exports show.

/** One per trigger character; "-1+" looks like a number to a naive check but is a formula. */
const TRIGGERS = ['=', '+', '-1+', '@', '\t=', '\r=']
const hostile = (i: number, tag: string) => `${TRIGGERS[i % TRIGGERS.length]}HYPERLINK("http://evil.example","HOSTILE ${tag}")`

/** Put a formula in every text field of brand X's rows that an export can show (names, references, payees). */
async function seedHostileText(brandId: string) {
  const x = db()
  let i = 0
  const h = (tag: string) => hostile(i++, tag)
  await x.execute(sql`update campaigns set name = ${h('campaign')} || ' ' || id where brand_id = ${brandId}`)
  await x.execute(sql`update creators set name = ${h('creator')} || ' ' || id where id in (select creator_id from roster_entries where brand_id = ${brandId})`)
  await x.execute(sql`update agencies set name = ${h('agency')} || ' ' || id`)
  await x.execute(sql`update payment_runs set reference = ${h('reference')} || ' ' || id, method = method where brand_id = ${brandId}`)
  await x.execute(sql`update invoices set number = ${h('number')} || ' ' || id, match = match || jsonb_build_object('payeeName', ${h('legal')}::text) where brand_id = ${brandId}`)
  // The payee snapshot of each run: one entry per invoice in the run, every field hostile.
  await x.execute(sql`update payment_runs r set payees = coalesce((select jsonb_object_agg(i.id, jsonb_build_object('payee', ${h('payee')}::text, 'payeeLegalName', ${h('payeeLegal')}::text, 'creator', ${h('payeeCreator')}::text))
    from invoices i where i.payment_run_id = r.id), '{}'::jsonb) where r.brand_id = ${brandId}`)
}

/** True when a spreadsheet would run this cell: it starts with a trigger and is not a plain negative number. */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell)

describe('every CSV export neutralises formula cells, whatever the column', () => {
  it('walks every loader that answers text/csv', async () => {
    const csvRoutes: string[] = []
    for (const mod of loaderModules) {
      const rule = ACCESS_MATRIX[mod]!.loader
      if (rule === 'public') continue
      const params = await paramsFor(mod)
      // A paid run needs its invoices: attach the brand's approved invoices to the run the params made.
      if (params.run) await db().execute(sql`update invoices set payment_run_id = ${params.run}, status = 'paid' where brand_id = ${g.ctx.brandX.id} and payment_run_id is null`)
      await seedHostileText(g.ctx.brandX.id)
      const fn = (await loadRoute(mod)).loader!
      for (const query of ['', '?view=campaigns', '?view=creators', '?view=collaborations']) {
        const r = await invoke(fn, buildRequest(`/probe/${mod}${query}`, { cookie: g.cookies[actorFor(rule)] }), params)
        const type = r.response?.headers.get('Content-Type') ?? ''
        if (!type.startsWith('text/csv')) break
        if (!csvRoutes.includes(mod)) csvRoutes.push(mod)
        expect(r.status, mod).toBe(200)
        const text = (await r.response!.text()).replace(/^\uFEFF/, '')
        const cells = parseCsv(text).flatMap((row) => row.cells)
        const bad = cells.filter(runsAsFormula)
        expect(bad, `${mod}${query}: cells a spreadsheet would run`).toEqual([])
        expect(cells.some((c) => c.includes('HOSTILE')), `${mod}${query} shows the seeded text`).toBe(true)
      }
    }
    // The gate walks what exists; these two must be among them (reports export, payment runs).
    expect(csvRoutes).toEqual(expect.arrayContaining(['b+/$brand+/reports.export[.]csv.tsx', 'pay+/$brand+/runs.$run[.]csv.tsx']))
  })
})

// ---------------------------------------------------------------------------------------------------
// Tampered cursors: every loader, with cursors of every list's shape carrying values of the wrong type,
// out of range, impossible dates, another list's name, garbage and oversize strings. A GET never fails on
// a cursor: the answer is the same status as without one (the first page), never a 5xx.

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url')
const BAD_VALUES = ['not a date', '2026-02-30', '2026-02-30T00:00:00Z', '0000-01-01', '99999-12-31', '1e309', 'NaN', '-Infinity', '99999999999999999999999999', '-1', '', "'; drop table offers; --", '\\', '{}']
const LISTS = ['review', 'posts:verified', 'posts:pending', 'posts:all', 'invoices:all', 'invoices:submitted', 'invoices:approved', 'invoices:paid', 'roster']
/** Roster-shaped cursors: these are sent under every roster sort (each sort casts the value to its own type). */
const ROSTER_SHAPED = BAD_VALUES.map((v) => b64([v, 'abc', 0]))
export const HOSTILE_CURSORS: string[] = [
  // Keyset cursors of every list, one or two sort values of the wrong kind.
  ...LISTS.flatMap((list) => BAD_VALUES.flatMap((v) => [b64([list, [v], 'abc', 0]), b64([list, ['2026-01-01', v], 'abc', 1])])),
  // Roster cursors (value, id, direction) with values that do not cast to the sort's type.
  ...ROSTER_SHAPED,
  // Wrong shapes and types.
  b64([1, 2, 3, 4]),
  b64(['review', 'notarray', 'abc', 0]),
  b64(['review', ['2026-01-01'], '../../etc', 0]),
  b64(['review', ['2026-01-01'], 'abc', 7]),
  b64({ list: 'review' }),
  b64(null),
  b64('x'.repeat(300)),
  'A'.repeat(5000),
  '%%%',
  '!!!!',
  '%E0%A4%A',
  'eyJ',
  '',
]

describe('tampered cursors never fail a page', () => {
  it('knows the paged lists (the full set goes to each)', () => {
    const paged = loaderModules.filter((m) => readFileSync(path.join(ROUTES_DIR, m), 'utf8').includes('cursor'))
    expect(paged).toEqual(expect.arrayContaining(['b+/$brand+/review._index.tsx', 'b+/$brand+/roster.tsx', 'b+/$brand+/invoices._index.tsx', 'b+/$brand+/posts._index.tsx']))
  })
  const sorts = ['', '&sort=followers', '&sort=total_paid', '&sort=last_collab', '&sort=on_time', '&sort=added', '&sort=status&dir=desc']
  for (const mod of loaderModules) {
    const rule = ACCESS_MATRIX[mod]!.loader
    if (rule === 'public') continue
    // A loader whose module reads a cursor gets every hostile cursor; any other loader a sample of each kind
    // (so a list that starts paging through a service it calls is still probed), which keeps the gate fast.
    const pages = readFileSync(path.join(ROUTES_DIR, mod), 'utf8').includes('cursor')
    const cursors = pages ? HOSTILE_CURSORS : HOSTILE_CURSORS.filter((_, i) => i % 37 === 0)
    it(`${mod} loader${pages ? ' (paged)' : ''}`, async () => {
      const fn = (await loadRoute(mod)).loader!
      const params = await paramsFor(mod)
      const cookie = g.cookies[actorFor(rule)]
      const base = await invoke(fn, buildRequest(`/probe/${mod}`, { cookie }), params)
      const isRoster = mod.endsWith('roster.tsx')
      for (const cursor of cursors) {
        for (const sort of isRoster && ROSTER_SHAPED.includes(cursor) ? sorts : ['']) {
          const url = `/probe/${mod}?cursor=${encodeURIComponent(cursor)}${sort}`
          const r = await invoke(fn, buildRequest(url, { cookie }), params)
          expect(r.status, `${mod} ${url.slice(0, 160)}`).toBeLessThan(500)
          if (!sort) expect(r.status, `${mod} ${url.slice(0, 160)}`).toBe(base.status)
        }
      }
    })
  }
})

// ---------------------------------------------------------------------------------------------------
// Chunked bodies on every action: a body with no Content-Length that goes on to 4x the form limit is
// answered (a 4xx, never a 5xx, never a hang) — urlencoded and multipart alike. How far each reader may read
// is the body-limits test's job; here every route must reach the one limited reader or refuse the body.

const actionModules = listRouteModules().filter((m) => {
  const rule = ACCESS_MATRIX[m]?.action
  return rule === 'public' || (Array.isArray(rule) && rule.length > 0)
})

function endlessBody(head: string, total: number) {
  const pad = new Uint8Array(64 * 1024).fill(0x61)
  let sent = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) {
        const first = new TextEncoder().encode(head)
        controller.enqueue(first)
        sent += first.byteLength
      } else if (sent < total) {
        controller.enqueue(pad)
        sent += pad.byteLength
      } else controller.close()
    },
  })
}

describe('chunked bodies far past the limit are refused by every action', () => {
  for (const mod of actionModules) {
    it(`${mod} action`, async () => {
      const rule = ACCESS_MATRIX[mod]!.action
      const fn = (await loadRoute(mod)).action!
      const params = await paramsFor(mod)
      const cookie = g.cookies[actorFor(rule)]
      const bodies: [string, string][] = [
        ['application/x-www-form-urlencoded', 'intent=x&note='],
        ['multipart/form-data; boundary=gatesboundary', '--gatesboundary\r\nContent-Disposition: form-data; name="note"\r\n\r\n'],
      ]
      for (const [type, head] of bodies) {
        const headers = new Headers({ 'User-Agent': 'gates', 'Content-Type': type, 'Transfer-Encoding': 'chunked', Origin: 'http://greenroom.test' })
        if (cookie) headers.set('Cookie', cookie)
        const request = new Request(`http://greenroom.test/probe/${mod}`, { method: 'POST', headers, body: endlessBody(head, 1024 * 1024), duplex: 'half' } as RequestInit)
        const r = await invoke(fn, request, params)
        expect(r.status, `${mod} ${type}`).toBeLessThan(500)
        expect(r.status, `${mod} ${type}`).not.toBe(200)
      }
    }, 60_000)
  }
})
