/**
 * Cross-tenant gates, driven by the access matrix (tests/access-matrix.ts): for every route that names
 * an id (in the URL or in its forms), the id of another brand's / another creator's row is a 404 for
 * every actor the matrix lets through, and nothing is written (a snapshot of both tenants' rows is
 * compared). Every actor the matrix refuses writes nothing even with a valid form. Lists and pages never
 * contain a foreign row's id. A route gets all of this once it has a matrix row with `params`/`forms`.
 */
import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { ACCESS_MATRIX, ACTORS, type Actor } from '#tests/access-matrix.ts'
import type { FormSample, MatrixContext } from '#tests/access/actors.ts'
import {
  areaOf,
  buildGates,
  buildRequest,
  changedTables,
  formPairs,
  formsOf,
  idParamsOf,
  idsOwnedBy,
  invoke,
  listRouteModules,
  loadRoute,
  snapshot,
  transactionsSeen,
  type Gates,
} from '#tests/gates/harness.ts'

const modules = listRouteModules().filter((m) => ACCESS_MATRIX[m])
const allowed = (rule: unknown): Actor[] => (Array.isArray(rule) ? (rule as Actor[]) : [])
const pick = (ids: Record<string, string>, keys: string[]) => Object.fromEntries(keys.filter((k) => k in ids).map((k) => [k, ids[k]!]))
const intentOf = (f: FormSample) => String(f.intent ?? '(no intent)')
const GHOST = 'gatesnosuchid0000000'
/** Does the form carry one of these ids? */
const names = (form: FormSample, ids: Record<string, string>) => {
  const values = new Set(Object.values(ids))
  return Object.values(form).some((v) => (Array.isArray(v) ? v : [v]).some((x) => x !== undefined && values.has(x)))
}
/** The same form and params with every foreign id replaced by an id that exists nowhere. */
const ghostOf = <T extends Record<string, unknown>>(o: T, ids: Record<string, string>): T => {
  const values = new Set(Object.values(ids))
  const swap = (x: unknown) => (typeof x === 'string' && values.has(x) ? GHOST : x)
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? v.map(swap) : swap(v)])) as T
}

let g: Gates
beforeAll(async () => {
  g = await buildGates()
})

function mirrors(mod: string): [string, (g: Gates) => MatrixContext][] {
  const out: [string, (g: Gates) => MatrixContext][] = [['another brand', (x) => x.foreignBrand]]
  if (areaOf(mod) === 'creator') out.push(['another creator of the same brand', (x) => x.foreignCreator])
  return out
}

describe('cross-tenant ids are 404 and write nothing', () => {
  for (const mod of modules) {
    const rules = ACCESS_MATRIX[mod]!
    const idParams = idParamsOf(mod)
    if (!rules.params) continue
    for (const [label, mirror] of mirrors(mod)) {
      if (rules.loader && allowed(rules.loader).length && idParams.length) {
        it(`${mod} loader: an id of ${label} is 404 for every allowed actor`, async () => {
          const foreign = await rules.params!(mirror(g))
          const params = { ...g.params, ...pick(foreign, idParams) }
          const fn = (await loadRoute(mod)).loader!
          // Your own id works (so the 404 below is about tenancy, not a wrong id).
          const own = await rules.params!(g.ctx)
          const first = allowed(rules.loader)[0]!
          const ok = await invoke(fn, buildRequest(`/probe/${mod}`, { cookie: g.cookies[first] }), { ...g.params, ...pick(own, idParams) })
          expect(ok.status, `${mod} with your own ids as ${first}`).toBeLessThan(400)
          const before = await snapshot(g.scope)
          const got: Record<string, number> = {}
          for (const actor of allowed(rules.loader)) {
            got[actor] = (await invoke(fn, buildRequest(`/probe/${mod}`, { cookie: g.cookies[actor] }), params)).status
          }
          expect(got).toEqual(Object.fromEntries(allowed(rules.loader).map((a) => [a, 404])))
          expect(changedTables(before, await snapshot(g.scope))).toEqual([])
        })
      }
      if (rules.action && allowed(rules.action).length && (idParams.length || rules.forms)) {
        it(`${mod} action: ids of ${label} are 404 for every allowed actor, and nothing is written`, async () => {
          const foreign = await rules.params!(mirror(g))
          const params = { ...g.params, ...pick(foreign, idParams) }
          // Forms that name a foreign id (in the URL or a field); a form without one is not an IDOR probe.
          const forms = (rules.forms ? formsOf(rules, foreign, mirror(g)) : [{}]).filter((f) => idParams.length || names(f, foreign))
          if (!forms.length) return
          const fn = (await loadRoute(mod)).action!
          const post = (actor: Actor, form: FormSample, p: Record<string, string>) =>
            invoke(fn, buildRequest(`/probe/${mod}`, { body: { kind: 'urlencoded', pairs: formPairs(form) }, cookie: g.cookies[actor] }), p)
          const got: Record<string, number | string> = {}
          const want: Record<string, number | string> = {}
          const before = await snapshot(g.scope)
          for (const form of forms) {
            for (const actor of allowed(rules.action)) {
              const r = await post(actor, form, params)
              const key = `${intentOf(form)} as ${actor}`
              got[key] = r.status
              // Without valid forms in the matrix the request may stop at validation (400); never pass.
              want[key] = rules.forms ? 404 : r.status === 400 ? 400 : 404
              if (r.status === 403) {
                // Refused before any lookup (e.g. only the creator may do this): fine if an id that
                // exists nowhere gets the very same answer, so nothing about the row is revealed.
                const ghost = await post(actor, ghostOf(form, foreign), ghostOf(params, foreign))
                want[key] = ghost.status === 403 && ghost.text === r.text ? 403 : 404
              }
            }
          }
          expect(got).toEqual(want)
          expect(changedTables(before, await snapshot(g.scope))).toEqual([])
        })
      }
    }
    // The same forms with your own ids reach the service: proves the 404s above come from the tenancy
    // check, not from a form that could never work.
    if (rules.action && rules.forms && allowed(rules.action).length) {
      it(`${mod} action: the matrix forms with your own ids are not 404`, async () => {
        const fn = (await loadRoute(mod)).action!
        const actor = allowed(rules.action)[0]!
        const count = formsOf(rules, await rules.params!(g.ctx), g.ctx).length
        const got: Record<string, number> = {}
        for (let i = 0; i < count; i++) {
          const ids = await rules.params!(g.ctx)
          const form = formsOf(rules, ids, g.ctx)[i]!
          const r = await invoke(fn, buildRequest(`/probe/${mod}`, { body: { kind: 'urlencoded', pairs: formPairs(form) }, cookie: g.cookies[actor] }), {
            ...g.params,
            ...pick(ids, idParams),
          })
          got[intentOf(form)] = r.status === 404 || r.status >= 500 ? r.status : 0
        }
        expect(got).toEqual(Object.fromEntries(Object.keys(got).map((k) => [k, 0])))
      })
    }
  }
})

describe('refused actors write nothing, even with a valid form', () => {
  for (const mod of modules) {
    const rules = ACCESS_MATRIX[mod]!
    if (!rules.action || rules.action === 'public') continue
    it(`${mod} action: every actor the matrix refuses is turned away and nothing is written`, async () => {
      const fn = (await loadRoute(mod)).action!
      const ids = rules.params ? await rules.params(g.ctx) : {}
      const params = { ...g.params, ...pick(ids, idParamsOf(mod)) }
      const forms = rules.forms ? formsOf(rules, ids, g.ctx) : [{ intent: 'x' }]
      const refused = ACTORS.filter((a) => !allowed(rules.action).includes(a))
      const before = await snapshot(g.scope)
      const got: Record<string, string> = {}
      for (const form of forms) {
        for (const actor of refused) {
          const r = await invoke(fn, buildRequest(`/probe/${mod}`, { body: { kind: 'urlencoded', pairs: formPairs(form) }, cookie: g.cookies[actor] }), params)
          const refusedOk = actor === 'anonymous' ? r.status === 302 && r.location?.startsWith('/login') : r.status === 403 || r.status === 404
          got[`${intentOf(form)} as ${actor}`] = refusedOk ? 'refused' : `status ${r.status}`
        }
      }
      expect(Object.entries(got).filter(([, v]) => v !== 'refused')).toEqual([])
      expect(changedTables(before, await snapshot(g.scope))).toEqual([])
    })
  }
})

describe('pages and lists never contain foreign rows', () => {
  it('no loader shows the id of a row of another brand (brand side) or another creator (creator portal)', async () => {
    // Foreign rows of every kind the matrix knows how to make.
    for (const mod of modules) {
      const p = ACCESS_MATRIX[mod]!.params
      if (p) {
        await p(g.foreignBrand)
        await p(g.foreignCreator)
      }
    }
    const userB = g.ctx.users.creatorB!.id
    const brandY = await idsOwnedBy({ brandIds: [g.ctx.brandY.id], creatorIds: [], userIds: [g.ctx.users.adminY!.id], agencyIds: [] })
    const otherCreators = await idsOwnedBy({
      brandIds: [g.ctx.brandY.id],
      creatorIds: [g.ctx.creatorB.id, g.foreignCreator.creatorA.id],
      userIds: [userB, g.ctx.users.adminY!.id],
      agencyIds: [],
    })
    expect(brandY.size).toBeGreaterThan(5)
    expect(otherCreators.size).toBeGreaterThan(brandY.size)
    // People of brand X and of creator A (the others' own pages are theirs to see).
    const insiders: Actor[] = ['creatorA', 'agentOfA', 'agentOfANoScopes', 'managerX', 'adminX', 'financeX', 'viewerX']
    const leaks: string[] = []
    let pagesRead = 0
    for (const mod of modules) {
      const rules = ACCESS_MATRIX[mod]!
      if (!rules.loader || rules.loader === 'public') continue
      const fn = (await loadRoute(mod)).loader!
      const ids = rules.params ? await rules.params(g.ctx) : {}
      const params = { ...g.params, ...pick(ids, idParamsOf(mod)) }
      const forbidden = areaOf(mod) === 'creator' ? otherCreators : brandY
      for (const actor of allowed(rules.loader).filter((a) => insiders.includes(a))) {
        const r = await invoke(fn, buildRequest(`/probe/${mod}`, { cookie: g.cookies[actor] }), params)
        if (r.status !== 200) continue
        pagesRead++
        const body = r.response ? await r.response.text() : JSON.stringify(r.data)
        for (const [id, table] of forbidden) if (body.includes(id)) leaks.push(`${mod} as ${actor} shows ${table} ${id}`)
      }
    }
    expect(pagesRead).toBeGreaterThan(40)
    expect(leaks).toEqual([])
  })
})

describe('field-level rules', () => {
  it('an agent cannot change a fee: a counter is a proposal, extra fields are refused', async () => {
    const ids = await ACCESS_MATRIX['c+/$creator+/offers.$offer.tsx']!.params!(g.ctx)
    const fn = (await loadRoute('c+/$creator+/offers.$offer.tsx')).action!
    const params = { ...g.params, offer: ids.offer! }
    const post = (form: FormSample) => invoke(fn, buildRequest('/c/offer', { body: { kind: 'urlencoded', pairs: formPairs(form) }, cookie: g.cookies.agentOfA }), params)
    const smuggled = await post({ intent: 'accept', feeMinor: '1', fee: '1' })
    expect(smuggled.status).toBe(400)
    const [before] = await db().select().from(schema.offers).where(eq(schema.offers.id, ids.offer!))
    expect(before!.status).toBe('invited')
    expect((await post({ intent: 'counter', fee: '9999' })).status).toBe(302)
    const [after] = await db().select().from(schema.offers).where(eq(schema.offers.id, ids.offer!))
    expect(after!.feeMinor).toBe(before!.feeMinor)
    expect(after!.status).toBe('countered')
  })

  it('a creator cannot set an invoice status: extra fields are refused and the brand-side action is 404', async () => {
    const rules = ACCESS_MATRIX['c+/$creator+/invoices.new.tsx']!
    const ids = await rules.params!(g.ctx)
    const form = { ...formsOf(rules, ids, g.ctx)[0]!, status: 'paid' }
    const create = (await loadRoute('c+/$creator+/invoices.new.tsx')).action!
    const r = await invoke(create, buildRequest('/c/invoices/new', { body: { kind: 'urlencoded', pairs: formPairs(form) }, cookie: g.cookies.creatorA }), g.params)
    expect(r.status).toBe(400)
    const decide = (await loadRoute('b+/$brand+/invoices.$invoice.tsx')).action!
    const d = await invoke(decide, buildRequest('/b/invoice', { body: { kind: 'urlencoded', pairs: [['intent', 'approve']] }, cookie: g.cookies.creatorA }), {
      ...g.params,
      invoice: ids.invoice!,
    })
    expect(d.status).toBe(404)
    const [inv] = await db().select().from(schema.invoices).where(and(eq(schema.invoices.id, ids.invoice!), eq(schema.invoices.status, 'approved')))
    expect(inv).toBeDefined()
  })
})

describe('files of another creator of the same brand', () => {
  it("are 404 for the creator and their agent, and visible to the brand's members", async () => {
    const rules = ACCESS_MATRIX['files.$id.tsx']!
    const theirs = await rules.params!(g.foreignCreator)
    const fn = (await loadRoute('files.$id.tsx')).loader!
    const got: Record<string, number> = {}
    for (const actor of ['creatorA', 'agentOfA', 'managerX'] as const) {
      got[actor] = (await invoke(fn, buildRequest(`/files/${theirs.id}`, { cookie: g.cookies[actor] }), { ...g.params, id: theirs.id! })).status
    }
    expect(got).toEqual({ creatorA: 404, agentOfA: 404, managerX: 200 })
  })
})

describe('the gates themselves', () => {
  it('every route with an id in its path (other than a token) has a params factory, so the IDOR gate probes it', () => {
    const missing = modules.filter((m) => {
      const r = ACCESS_MATRIX[m]!
      const rules = [r.loader, r.action].filter(Boolean)
      return idParamsOf(m).some((p) => p !== 'token') && rules.some((x) => x !== 'public') && !r.params
    })
    expect(missing, 'add `params` to these matrix rows').toEqual([])
  })

  it('the snapshot sees a write in any of the tenants\' tables (so "nothing written" can fail)', async () => {
    const ids = await ACCESS_MATRIX['pay+/$brand+/invoices.$invoice.tsx']!.params!(g.ctx)
    const before = await snapshot(g.scope)
    await db().update(schema.invoices).set({ rejectReason: 'touched' }).where(eq(schema.invoices.id, ids.invoice!))
    await db().insert(schema.auditEvents).values({ actorUserId: g.ctx.users.managerX!.id, brandId: g.ctx.brandX.id, action: 'gates.probe', entityType: 'probe', entityId: 'x' })
    const [line] = await db().insert(schema.invoiceLines).values({ invoiceId: ids.invoice!, kind: 'usage', description: 'probe', amountMinor: 1 }).returning()
    expect(changedTables(before, await snapshot(g.scope)).sort()).toEqual(['audit_events', 'invoice_lines', 'invoices'])
    await db().delete(schema.invoiceLines).where(eq(schema.invoiceLines.id, line!.id))
  })

  it('the snapshot is only reused while no write has ended: a second write to the same row is seen, a rolled-back one is not', async () => {
    const ids = await ACCESS_MATRIX['pay+/$brand+/invoices.$invoice.tsx']!.params!(g.ctx)
    const setReason = (rejectReason: string) => db().update(schema.invoices).set({ rejectReason }).where(eq(schema.invoices.id, ids.invoice!))
    await setReason('first')
    const first = await snapshot(g.scope)
    const seen = await transactionsSeen()
    expect(await snapshot(g.scope), 'nothing written: the same rows').toEqual(first)
    // (On PostgreSQL the other test files' databases share the server's transaction ids.)
    if (!process.env.DATABASE_URL) expect(await transactionsSeen(), 'reading and hashing rows end no writing transaction').toBe(seen)
    await setReason('second')
    expect(await transactionsSeen()).not.toBe(seen)
    const second = await snapshot(g.scope)
    expect(changedTables(first, second)).toEqual(['invoices'])
    await db()
      .transaction(async (tx) => {
        await tx.update(schema.invoices).set({ rejectReason: 'rolled back' }).where(eq(schema.invoices.id, ids.invoice!))
        throw new Error('roll back')
      })
      .catch(() => undefined)
    expect(changedTables(second, await snapshot(g.scope)), 'a rolled-back write leaves the rows as they were').toEqual([])
  })
})
