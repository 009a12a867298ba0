/**
 * Test factories: each test makes its own tenant (brand, people) with unique names, so tests never
 * see each other's rows. Requests are real Request objects handed to the real loaders/actions.
 */
import { schema } from '#db/index.ts'
import { newId } from '#db/ids.ts'
import type { BrandRole, GrantScope } from '#db/schema.ts'
import { db } from '#app/db.server.ts'
import { hashPassword } from '#app/auth/password.server.ts'
import { createUserSession } from '#app/auth/session.server.ts'

export const TEST_PASSWORD = 'correct horse battery'
let cachedHash: Promise<string> | undefined
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD))

export const uid = () => newId(8)

export async function createUser(opts: { name?: string; email?: string } = {}) {
  const id = uid()
  const [u] = await db()
    .insert(schema.users)
    .values({ email: opts.email ?? `user-${id}@example.test`, name: opts.name ?? `User ${id}`, passwordHash: await passwordHash() })
    .returning()
  return u!
}

export async function createBrand(opts: { name?: string } = {}) {
  const id = uid()
  const [b] = await db()
    .insert(schema.brands)
    .values({ slug: `brand-${id}`, name: opts.name ?? `Brand ${id}` })
    .returning()
  return b!
}

export async function addMember(brandId: string, role: BrandRole, user?: { id: string }) {
  const u = user ?? (await createUser({ name: `${role} ${uid()}` }))
  await db().insert(schema.brandMembers).values({ brandId, userId: u.id, role })
  return u as typeof schema.users.$inferSelect
}

/**
 * A creator, on the rosters of `brandIds`. By default they accepted those brands' invitations (a
 * relationship: app/domain/creator-privacy.ts); `consented: false` leaves them prospects the brand only
 * added, who see nothing private.
 */
export async function createCreator(opts: { withUser?: boolean; brandIds?: string[]; name?: string; consented?: boolean } = {}) {
  const user = opts.withUser === false ? null : await createUser({ name: opts.name })
  const id = uid()
  const [c] = await db()
    .insert(schema.creators)
    .values({ userId: user?.id ?? null, name: opts.name ?? user?.name ?? `Creator ${id}`, email: user?.email ?? `creator-${id}@example.test` })
    .returning()
  for (const brandId of opts.brandIds ?? []) {
    await db()
      .insert(schema.rosterEntries)
      .values({ brandId, creatorId: c!.id, status: 'active', consentedAt: opts.consented === false ? null : new Date() })
  }
  return { creator: c!, user }
}

export async function createAgency(opts: { representing?: { creatorId: string; scopes: GrantScope[] }[] } = {}) {
  const [agency] = await db().insert(schema.agencies).values({ name: `Agency ${uid()}` }).returning()
  const agent = await createUser({ name: `Agent ${uid()}` })
  await db().insert(schema.agencyMembers).values({ agencyId: agency!.id, userId: agent.id })
  const grants = []
  for (const r of opts.representing ?? []) {
    const [g] = await db().insert(schema.agentGrants).values({ creatorId: r.creatorId, agencyId: agency!.id, scopes: r.scopes }).returning()
    grants.push(g!)
  }
  return { agency: agency!, agent, grants }
}

/** A signed-in cookie for the user (a real session row). */
export async function cookieFor(user: { id: string } | null): Promise<string | undefined> {
  if (!user) return undefined
  const setCookie = await createUserSession(user.id, { ip: '127.0.0.1', userAgent: 'vitest' })
  return setCookie.split(';')[0]
}

export function makeRequest(
  path: string,
  opts: { method?: string; form?: Record<string, string | string[]>; cookie?: string; headers?: Record<string, string> } = {},
) {
  const headers = new Headers(opts.headers)
  if (opts.cookie) headers.set('Cookie', opts.cookie)
  let body: URLSearchParams | undefined
  if (opts.form) {
    body = new URLSearchParams()
    for (const [k, v] of Object.entries(opts.form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one)
    headers.set('Content-Type', 'application/x-www-form-urlencoded')
  }
  return new Request(`http://greenroom.test${path}`, { method: opts.method ?? (opts.form ? 'POST' : 'GET'), headers, body })
}

/** Run a loader/action and turn a thrown Response into a returned one, so tests can look at it. */
export async function call<T>(fn: () => Promise<T>): Promise<{ status: number; location: string | null; data: unknown; response: Response | null }> {
  try {
    const result = await fn()
    return normalise(result)
  } catch (thrown) {
    if (thrown instanceof Response) return normalise(thrown)
    throw thrown
  }
}

function normalise(result: unknown) {
  if (result instanceof Response) {
    return { status: result.status, location: result.headers.get('Location'), data: null, response: result }
  }
  // single-fetch data() wrapper
  if (result && typeof result === 'object' && (result as { type?: string }).type === 'DataWithResponseInit') {
    const d = result as unknown as { data: unknown; init: { status?: number } | null }
    return { status: d.init?.status ?? 200, location: null, data: d.data, response: null }
  }
  return { status: 200, location: null, data: result, response: null }
}
