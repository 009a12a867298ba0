/**
 * Shared machinery of the route gates (access matrix, cross-tenant IDOR, scope checks, fuzzing):
 * the route modules on disk, one matrix context (brands X and Y, creators A and B, every actor with a
 * session), request building for any body kind, and a snapshot of the tenant's rows to prove that a
 * refused request wrote nothing. Driven only by app/routes and tests/access-matrix.ts, so a route added
 * later is covered as soon as it has its matrix row.
 */
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { db } from '#app/db.server.ts'
import type { GrantScope } from '#db/schema.ts'
import { ACCESS_MATRIX, ACTORS, type Actor, type RouteAccess } from '#tests/access-matrix.ts'
import type { FormSample, MatrixContext } from '#tests/access/actors.ts'
import { addMember, call, cookieFor, createAgency, createBrand, createCreator } from '#tests/factories.ts'

export const ROUTES_DIR = path.resolve('app/routes')

export function listRouteModules(dir = ROUTES_DIR): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) out.push(...listRouteModules(full))
    else if (/\.(tsx?|jsx?)$/.test(name) && !name.includes('.test.')) out.push(path.relative(ROUTES_DIR, full))
  }
  return out.sort()
}

type RouteFn = (args: { request: Request; params: Record<string, string>; context: unknown }) => Promise<unknown>
export async function loadRoute(mod: string): Promise<{ loader?: RouteFn; action?: RouteFn }> {
  return (await import(path.join(ROUTES_DIR, mod))) as { loader?: RouteFn; action?: RouteFn }
}

/** The area a route belongs to, from its folder: brand side, creator portal, or neither. */
export function areaOf(mod: string): 'brand' | 'creator' | 'other' {
  if (mod.startsWith('b+/') || mod.startsWith('pay+/')) return 'brand'
  if (mod.startsWith('c+/')) return 'creator'
  return 'other'
}

/** Params in the file name (not the area folder): the ids a request names, e.g. ['invoice']. */
export function idParamsOf(mod: string): string[] {
  const file = path.basename(mod)
  return [...file.matchAll(/\$([A-Za-z0-9]+)/g)].map((m) => m[1]!)
}

/** One agent per grant scope (plus the matrix's all-scopes and no-scope agents) to prove scope checks. */
export const SCOPES: GrantScope[] = ['answer_offers', 'submit_content', 'invoice', 'see_payments']

export interface Gates {
  ctx: MatrixContext
  cookies: Record<Actor, string | undefined>
  scopeCookies: Record<GrantScope, string>
  /** Base params: brand X, creator A, and placeholders for token/id routes. */
  params: Record<string, string>
  /** Everything of the two tenants, for snapshots. */
  scope: SnapshotScope
  /** Brand Y + creator B as if they were X + A: a params factory called with it makes foreign rows. */
  foreignBrand: MatrixContext
  /** Brand X, but creator C (also on X's roster) instead of A: rows of another creator / payee of the same brand. */
  foreignCreator: MatrixContext
}

export async function buildGates(): Promise<Gates> {
  const brandX = await createBrand()
  const brandY = await createBrand()
  const a = await createCreator({ brandIds: [brandX.id] })
  const b = await createCreator({ brandIds: [brandY.id] })
  const c = await createCreator({ brandIds: [brandX.id] })
  const ofA = await createAgency({ representing: [{ creatorId: a.creator.id, scopes: [...SCOPES] }] })
  const ofANoScopes = await createAgency({ representing: [{ creatorId: a.creator.id, scopes: [] }] })
  const notOfA = await createAgency({ representing: [{ creatorId: b.creator.id, scopes: [...SCOPES] }] })
  const users: Record<Actor, { id: string; email?: string } | null> = {
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
  const cookies = {} as Record<Actor, string | undefined>
  for (const actor of ACTORS) cookies[actor] = await cookieFor(users[actor])
  const scopeCookies = {} as Record<GrantScope, string>
  const agencies = [ofA.agency.id, ofANoScopes.agency.id, notOfA.agency.id]
  const extraUsers: string[] = []
  for (const s of SCOPES) {
    const one = await createAgency({ representing: [{ creatorId: a.creator.id, scopes: [s] }] })
    agencies.push(one.agency.id)
    extraUsers.push(one.agent.id)
    scopeCookies[s] = (await cookieFor(one.agent))!
  }
  const ctx: MatrixContext = { brandX, brandY, creatorA: a.creator, creatorB: b.creator, users }
  const userIds = [...Object.values(users).filter((u): u is { id: string } => !!u).map((u) => u.id), ...extraUsers, c.user!.id]
  return {
    ctx,
    cookies,
    scopeCookies,
    params: { brand: brandX.slug, creator: a.creator.id, token: 'x'.repeat(43), id: 'nothing-here' },
    scope: { brandIds: [brandX.id, brandY.id], creatorIds: [a.creator.id, b.creator.id, c.creator.id], userIds, agencyIds: agencies },
    foreignBrand: { ...ctx, brandX: brandY, brandY: brandX, creatorA: b.creator, creatorB: a.creator },
    foreignCreator: { ...ctx, creatorA: c.creator, creatorB: a.creator },
  }
}

/** The matrix row's valid payloads for the action, made for these ids (empty when it has none). */
export function formsOf(rules: RouteAccess, ids: Record<string, string>, ctx: MatrixContext): FormSample[] {
  return rules.forms ? rules.forms(ids, ctx) : []
}

export type Body =
  | { kind: 'urlencoded'; pairs: [string, string][] }
  | { kind: 'multipart'; pairs: [string, string | { name: string; bytes: string }][] }
  | { kind: 'raw'; contentType: string | null; body: string }

export function formPairs(form: FormSample): [string, string][] {
  const out: [string, string][] = []
  for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.push([k, one])
  return out
}

/** The body the route's own page would send these pairs in (multipart where the form takes a file). */
export function bodyOf(rules: RouteAccess, pairs: [string, string][]): Body {
  return rules.multipart ? { kind: 'multipart', pairs } : { kind: 'urlencoded', pairs }
}

export function buildRequest(url: string, opts: { method?: string; body?: Body; cookie?: string }): Request {
  const headers = new Headers({ 'User-Agent': 'gates' })
  if (opts.cookie) headers.set('Cookie', opts.cookie)
  const method = opts.method ?? (opts.body ? 'POST' : 'GET')
  let body: BodyInit | undefined
  const b = opts.body
  if (b?.kind === 'urlencoded') {
    const p = new URLSearchParams()
    for (const [k, v] of b.pairs) p.append(k, v)
    body = p
    headers.set('Content-Type', 'application/x-www-form-urlencoded')
  } else if (b?.kind === 'multipart') {
    const f = new FormData()
    for (const [k, v] of b.pairs) f.append(k, typeof v === 'string' ? v : new File([v.bytes], v.name))
    body = f
  } else if (b?.kind === 'raw') {
    body = b.body
    if (b.contentType) headers.set('Content-Type', b.contentType)
  }
  return new Request(`http://greenroom.test${url}`, { method, headers, body })
}

export type Outcome = Awaited<ReturnType<typeof call>> & { text: string }

/** Run a loader/action like Remix would and describe what came back (thrown Responses included). */
export async function invoke(fn: RouteFn, request: Request, params: Record<string, string>): Promise<Outcome> {
  const r = await call(() => fn({ request, params, context: { requestId: 'gates', ip: '127.0.0.1' } }))
  const text = r.response && r.status >= 400 ? await r.response.clone().text() : ''
  return { ...r, text }
}

/** The sentence a refused request carries: formError of an action failure, or a thrown Response's body. */
export function messageOf(r: Outcome): string {
  const d = r.data as { formError?: unknown } | null
  if (d && typeof d.formError === 'string') return d.formError
  return r.text
}

// ---------------------------------------------------------------------------------------------------
// Snapshots: row count + hash of every row of the two tenants in every table.

export interface SnapshotScope {
  brandIds: string[]
  creatorIds: string[]
  userIds: string[]
  agencyIds: string[]
}

/** Tables whose writes are expected on reads or refusals (sliding session expiry, login throttling). */
const VOLATILE = new Set(['sessions', 'login_attempts', '__drizzle_migrations'])

interface TablePlan {
  table: string
  where: string | null
}
let plans: Promise<TablePlan[]> | undefined

const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? (r as T[]) : (((r as { rows?: T[] }).rows ?? []) as T[]))

/**
 * For each table: the condition that picks the tenants' rows (by brand, creator, user, agency column,
 * the table's own id for brands/creators/users/agencies, or one foreign key up to a table that has one).
 * On PostgreSQL other test files write at the same time, so only scoped rows are compared there; on
 * PGlite (a database per file) tables without any scope are compared whole.
 */
async function tablePlans(): Promise<TablePlan[]> {
  plans ??= (async () => {
    const cols = rowsOf<{ table_name: string; column_name: string }>(
      await db().execute(sql`select table_name, column_name from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`),
    )
    const fks = rowsOf<{ child: string; col: string; parent: string }>(
      await db().execute(sql`
        select cl.relname as child, a.attname as col, pl.relname as parent
        from pg_constraint c
        join pg_class cl on cl.oid = c.conrelid
        join pg_class pl on pl.oid = c.confrelid
        join pg_namespace n on n.oid = cl.relnamespace
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f' and n.nspname = 'public'`),
    )
    const byTable = new Map<string, Set<string>>()
    for (const c of cols) (byTable.get(c.table_name) ?? byTable.set(c.table_name, new Set()).get(c.table_name)!).add(c.column_name)
    const direct = (table: string, alias: string): string | null => {
      const have = byTable.get(table)!
      const conds: string[] = []
      const add = (col: string, key: keyof SnapshotScope) => have.has(col) && conds.push(`${alias}.${col} = any(:${key})`)
      if (table === 'brands') conds.push(`${alias}.id = any(:brandIds)`)
      if (table === 'creators') conds.push(`${alias}.id = any(:creatorIds)`)
      if (table === 'users') conds.push(`${alias}.id = any(:userIds)`)
      if (table === 'agencies') conds.push(`${alias}.id = any(:agencyIds)`)
      add('brand_id', 'brandIds')
      add('creator_id', 'creatorIds')
      add('user_id', 'userIds')
      add('actor_user_id', 'userIds')
      add('acting_for_creator_id', 'creatorIds')
      add('agency_id', 'agencyIds')
      add('uploaded_by_user_id', 'userIds')
      return conds.length ? `(${conds.join(' or ')})` : null
    }
    const out: TablePlan[] = []
    for (const table of [...byTable.keys()].sort()) {
      if (VOLATILE.has(table)) continue
      let where = direct(table, 't')
      if (!where) {
        const fk = fks.find((f) => f.child === table && f.parent !== table && direct(f.parent, 'p'))
        if (fk) where = `t.${fk.col} in (select p.id from ${fk.parent} p where ${direct(fk.parent, 'p')})`
      }
      if (!where && byTable.get(table)!.has('to_addresses')) where = 't.to_addresses && :emails'
      out.push({ table, where })
    }
    return out
  })()
  return plans
}

export type Snapshot = Record<string, string>

/** Row count and a hash of the rows, per table, of everything the two tenants own. */
export async function snapshot(scope: SnapshotScope): Promise<Snapshot> {
  // Nothing that writes has ended since the last hash of this scope (the database's transaction snapshot
  // is the same): the rows are the ones hashed then. Hashing every row per request was most of the PGlite
  // gates' time, the slowest files in CI.
  const key = JSON.stringify(scope)
  const seen = await transactionsSeen()
  if (lastHash && lastHash.key === key && lastHash.seen === seen) return { ...lastHash.rows }
  const rows = await hashRows(scope)
  lastHash = { key, seen, rows }
  return { ...rows }
}

let lastHash: { key: string; seen: string; rows: Snapshot } | undefined

/**
 * The database's transaction snapshot (xmin:xmax:ids in progress). A statement that writes gives its
 * transaction an id, and the snapshot moves when that transaction ends, committed or rolled back; reads
 * leave it alone. Taken before the rows are hashed, so a write that ends during the hash moves it again.
 */
export async function transactionsSeen(): Promise<string> {
  return rowsOf<{ s: string }>(await db().execute(sql`select pg_current_snapshot()::text as s`))[0]!.s
}

async function hashRows(scope: SnapshotScope): Promise<Snapshot> {
  const emails = rowsOf<{ email: string }>(await db().execute(sql`select email from users where id = any(${arr(scope.userIds)})`)).map((r) => r.email)
  const parts: ReturnType<typeof sql>[] = []
  const whole = !process.env.DATABASE_URL
  for (const p of await tablePlans()) {
    if (!p.where && !whole) continue
    const where = p.where ? bindScope(p.where, scope, emails) : sql`true`
    parts.push(
      sql`select ${p.table}::text as t, count(*)::text || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as h from ${sql.raw(`${p.table} t`)} where ${where}`,
    )
  }
  const rows = rowsOf<{ t: string; h: string }>(await db().execute(sql.join(parts, sql` union all `)))
  return Object.fromEntries(rows.map((r) => [r.t, r.h]))
}

function arr(values: string[]) {
  return sql`array[${sql.join(values.length ? values.map((v) => sql`${v}`) : [sql`null`], sql`, `)}]::text[]`
}

function bindScope(where: string, scope: SnapshotScope, emails: string[]) {
  const pieces = where.split(/(:brandIds|:creatorIds|:userIds|:agencyIds|:emails)/)
  return sql.join(
    pieces.map((piece) => {
      if (piece === ':emails') return arr(emails)
      if (piece.startsWith(':')) return arr(scope[piece.slice(1) as keyof SnapshotScope])
      return sql.raw(piece)
    }),
    sql``,
  )
}

/** The tables that differ between two snapshots (empty when nothing was written). */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t])
}

/**
 * "Nothing was written" over a series of requests: `changed()` compares the tenants' rows with the state
 * after the previous request (or when this was made) and moves on. Each request is checked against the
 * rows just before it, like a snapshot before and after each one, at one snapshot per request instead of
 * two: the state after a request that wrote nothing is the state before the next (and a write that lands
 * between two requests is caught too).
 */
export async function unchanged(g: Gates): Promise<{ changed: () => Promise<string[]> }> {
  let last = await snapshot(g.scope)
  return {
    changed: async () => {
      const now = await snapshot(g.scope)
      const diff = changedTables(last, now)
      last = now
      return diff
    },
  }
}

/** Every id of every row the scope owns (for "lists never contain foreign rows"). */
export async function idsOwnedBy(scope: SnapshotScope): Promise<Map<string, string>> {
  const emails: string[] = []
  const out = new Map<string, string>()
  for (const p of await tablePlans()) {
    if (!p.where) continue
    const hasId = rowsOf<{ n: number }>(
      await db().execute(sql`select count(*)::int as n from information_schema.columns where table_schema = 'public' and table_name = ${p.table} and column_name = 'id' and data_type = 'text'`),
    )[0]!.n
    if (!hasId) continue
    const rows = rowsOf<{ id: string }>(await db().execute(sql`select t.id from ${sql.raw(`${p.table} t`)} where ${bindScope(p.where, scope, emails)}`))
    for (const r of rows) out.set(r.id, p.table)
  }
  return out
}

export { ACCESS_MATRIX, ACTORS, type Actor }

/** Post a form to a route's action as an actor, with the route's id params taken from `ids`. */
export async function postAs(g: Gates, route: string, actor: Actor, form: FormSample, ids: Record<string, string>) {
  const fn = (await loadRoute(route)).action!
  const params = { ...g.params, ...Object.fromEntries(idParamsOf(route).filter((k) => k in ids).map((k) => [k, ids[k]!])) }
  return invoke(fn, buildRequest(`/gates/${route}`, { body: { kind: 'urlencoded', pairs: formPairs(form) }, cookie: g.cookies[actor] }), params)
}

/** The matrix row's form with this intent (plus overrides). */
export function matrixForm(g: Gates, route: string, intent: string, ids: Record<string, string>, overrides: FormSample = {}): FormSample {
  const f = formsOf(ACCESS_MATRIX[route]!, ids, g.ctx).find((x) => x.intent === intent)
  if (!f) throw new Error(`${route} has no matrix form with intent ${intent}`)
  return { ...f, ...overrides }
}

// ---------------------------------------------------------------------------------------------------
// Shared setup of the input gates (gates-fuzz, gates-inputs): which routes they probe, as whom, with which ids.

/** Query keys every loader is probed with. */
export const QUERY_KEYS = ['status', 'page', 'q', 'period', 'from', 'to', 'campaign', 'platform', 'tier', 'sort', 'dir', 'run', 'creator', 'offer', 'redirectTo', 'tab', 'v', 'cursor', 'after']

/** Routes whose action the matrix lets someone call (with `forms`: only those that have valid payloads). */
export function actionRoutes(opts: { withForms?: boolean } = {}): string[] {
  return listRouteModules().filter((m) => {
    const rule = ACCESS_MATRIX[m]?.action
    return Array.isArray(rule) && rule.length > 0 && (!opts.withForms || Boolean(ACCESS_MATRIX[m]!.forms))
  })
}

/** Routes whose loader the matrix lets someone call (public ones included unless `signedInOnly`). */
export function loaderRoutes(opts: { signedInOnly?: boolean } = {}): string[] {
  return listRouteModules().filter((m) => {
    const rule = ACCESS_MATRIX[m]?.loader
    return (!opts.signedInOnly && rule === 'public') || (Array.isArray(rule) && rule.length > 0)
  })
}

/** One actor the rule lets in (signed in when possible). */
export function actorFor(rule: unknown): Actor {
  if (rule === 'public') return 'managerX'
  const list = rule as readonly Actor[]
  return list.find((a) => a !== 'anonymous') ?? list[0]!
}

/** The route's ids (from its matrix row) and the params a request to it carries. */
export async function paramsFor(g: Gates, mod: string, ctx: MatrixContext = g.ctx) {
  const rules = ACCESS_MATRIX[mod]!
  const ids = rules.params ? await rules.params(ctx) : {}
  return { ids, params: { ...g.params, ...Object.fromEntries(idParamsOf(mod).filter((k) => k in ids).map((k) => [k, ids[k]!])) } }
}

/** The field errors of an action failure (empty when there are none). */
export function fieldErrorsOf(r: Outcome): Record<string, string[]> {
  const d = r.data as { fieldErrors?: Record<string, string[]> } | null
  return d && d.fieldErrors && typeof d.fieldErrors === 'object' ? d.fieldErrors : {}
}

/** The currency of every document (campaign, offer, invoice, brand) the matrix rows make. */
export const GATES_CURRENCY = 'USD'
