/**
 * Typed guards: the first line of every loader and action. A parent layout's loader does not
 * protect its children (loaders run in parallel), so every route calls one of these itself.
 *   anonymous            -> redirect to /login?redirectTo=...
 *   not yours / no such  -> 404 (never reveal that another tenant's thing exists)
 *   yours, role lacks it -> 403 with a sentence
 */
import { redirect } from '@remix-run/node'
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import type { BrandRole, GrantScope } from '#db/schema.ts'
import { db, perRequest, preparedQuery } from '#app/db.server.ts'
import type { AuditActor } from '#app/services/audit/record-audit.server.ts'
import { roleCan, type Capability, GRANT_SCOPE_LABEL } from './capabilities.ts'
import { refuseNulRequest } from '#app/utils/request-guard.ts'
import { getSessionUser, type SessionUser } from './session.server.ts'
import { getUserAreas } from '#app/services/areas/get-user-areas.server.ts'

export interface GuardArgs {
  request: Request
  params?: Record<string, string | undefined>
  context?: unknown
}

export interface RequestMeta {
  requestId: string | null
  ip: string | null
  userAgent: string | null
}

export function requestMeta(args: GuardArgs): RequestMeta {
  const ctx = (args.context ?? {}) as { requestId?: string; ip?: string }
  return {
    requestId: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
    userAgent: args.request.headers.get('user-agent'),
  }
}

export function notFound(what = 'That page'): never {
  throw new Response(`${what} was not found, or you do not have access to it.`, { status: 404, statusText: 'Not Found' })
}

export function forbidden(message = 'You do not have permission to do that.'): never {
  throw new Response(message, { status: 403, statusText: 'Forbidden' })
}

export async function getOptionalUser(args: GuardArgs): Promise<SessionUser | null> {
  refuseNulRequest(args.request, args.params) // a NUL in the path or query names nothing (and PostgreSQL refuses it)
  return (await getSessionUser(args.request)).user
}

export interface UserActor {
  user: SessionUser
  audit: AuditActor
  meta: RequestMeta
}

export async function requireUser(args: GuardArgs): Promise<UserActor> {
  const user = await getOptionalUser(args)
  if (!user) {
    const url = new URL(args.request.url)
    const back = url.pathname + url.search
    const to = back === '/' ? '/login' : `/login?${new URLSearchParams({ redirectTo: back })}`
    throw redirect(to)
  }
  const meta = requestMeta(args)
  return { user, meta, audit: { userId: user.id, ip: meta.ip, userAgent: meta.userAgent } }
}

export interface BrandActor extends UserActor {
  brand: { id: string; slug: string; name: string; currency: string; jurisdiction: string; settings: Record<string, unknown> }
  role: BrandRole
}

const brandMembershipQuery = preparedQuery((d, name) =>
  d
    .select({ brand: schema.brands, role: schema.brandMembers.role })
    .from(schema.brands)
    .innerJoin(schema.brandMembers, eq(schema.brandMembers.brandId, schema.brands.id))
    .where(and(eq(schema.brands.slug, sql.placeholder('slug')), eq(schema.brandMembers.userId, sql.placeholder('userId'))))
    .limit(1)
    .prepare(name),
)
const brandMembership = perRequest(
  (_request: Request, slug: string, userId: string) => brandMembershipQuery().execute({ slug, userId }),
  (slug, userId) => `${slug}\u0000${userId}`,
)

/** The signed-in user must be a member of the brand in the URL, with a role that has `capability`. */
export async function requireBrandRole(args: GuardArgs, capability: Capability): Promise<BrandActor> {
  const actor = await requireUser(args)
  const slug = args.params?.brand
  if (!slug) notFound()
  const [row] = await brandMembership(args.request, slug, actor.user.id)
  if (!row) notFound()
  if (!roleCan(row.role, capability)) {
    forbidden(`Your role (${row.role}) in ${row.brand.name} cannot do this. Ask a brand admin if you need it.`)
  }
  const b = row.brand
  return {
    ...actor,
    brand: { id: b.id, slug: b.slug, name: b.name, currency: b.currency, jurisdiction: b.jurisdiction, settings: b.settings },
    role: row.role,
  }
}

export type CreatorScope = GrantScope | 'view'

export interface CreatorActor extends UserActor {
  creator: { id: string; name: string; email: string }
  /** 'self' when the creator acts; otherwise the agency acting for them. */
  via: { kind: 'self' } | { kind: 'agent'; agencyId: string; agencyName: string; scopes: GrantScope[]; agencyInvoices: boolean }
}

const creatorByIdQuery = preparedQuery((d, name) =>
  d
    .select({ id: schema.creators.id, name: schema.creators.name, email: schema.creators.email, userId: schema.creators.userId })
    .from(schema.creators)
    .where(eq(schema.creators.id, sql.placeholder('id')))
    .limit(1)
    .prepare(name),
)
const creatorById = perRequest(
  (_request: Request, id: string) => creatorByIdQuery().execute({ id }),
  (id) => id,
)

/**
 * The signed-in user is the creator in the URL, or a member of an agency holding an active grant
 * from that creator with `scope`. 'view' needs any active grant. Audit entries record both.
 */
export async function requireCreatorActor(args: GuardArgs, scope: CreatorScope): Promise<CreatorActor> {
  const actor = await requireUser(args)
  const creatorId = args.params?.creator
  if (!creatorId) notFound()
  const [creator] = await creatorById(args.request, creatorId)
  if (!creator) notFound()
  const base = { id: creator.id, name: creator.name, email: creator.email }
  if (creator.userId === actor.user.id) {
    return { ...actor, creator: base, via: { kind: 'self' }, audit: { ...actor.audit, actingForCreatorId: creator.id } }
  }
  const grants = await db()
    .select({ grant: schema.agentGrants, agencyName: schema.agencies.name })
    .from(schema.agentGrants)
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.agentGrants.agencyId))
    .innerJoin(schema.agencyMembers, eq(schema.agencyMembers.agencyId, schema.agentGrants.agencyId))
    .where(
      and(
        eq(schema.agentGrants.creatorId, creator.id),
        isNull(schema.agentGrants.revokedAt),
        eq(schema.agencyMembers.userId, actor.user.id),
      ),
    )
  const grant = grants[0]
  if (!grant) return await agencyEndedOrNotFound(actor.user.id, creator)
  const scopes = grant.grant.scopes
  if (scope !== 'view' && !scopes.includes(scope)) {
    forbidden(
      `${creator.name} has not given ${grant.agencyName} the "${GRANT_SCOPE_LABEL[scope]}" permission. Ask them to add it from their profile.`,
    )
  }
  return {
    ...actor,
    creator: base,
    via: { kind: 'agent', agencyId: grant.grant.agencyId, agencyName: grant.agencyName, scopes, agencyInvoices: grant.grant.agencyInvoices },
    audit: { ...actor.audit, actingForCreatorId: creator.id },
  }
}

/** What the error page shows an agent whose agency a creator ended (see requireCreatorActor). */
export interface AgencyEndedError {
  kind: 'agency-ended'
  message: string
  remaining: { id: string; name: string }[]
}

/**
 * No active grant: an agent whose agency this creator once granted (and revoked) is told so, with the
 * creators they still act for (403); anyone else gets the plain 404, so a creator's existence stays private.
 */
async function agencyEndedOrNotFound(userId: string, creator: { id: string; name: string }): Promise<never> {
  const [ended] = await db()
    .select({ agencyName: schema.agencies.name, revokedAt: schema.agentGrants.revokedAt })
    .from(schema.agentGrants)
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.agentGrants.agencyId))
    .innerJoin(schema.agencyMembers, eq(schema.agencyMembers.agencyId, schema.agentGrants.agencyId))
    .where(and(eq(schema.agentGrants.creatorId, creator.id), isNotNull(schema.agentGrants.revokedAt), eq(schema.agencyMembers.userId, userId)))
    .orderBy(desc(schema.agentGrants.revokedAt))
    .limit(1)
  if (!ended) notFound()
  const remaining = (await getUserAreas(userId)).represented.map((r) => ({ id: r.id, name: r.name }))
  const on = ended.revokedAt ? ` on ${ended.revokedAt.toISOString().slice(0, 10)}` : ''
  const body: AgencyEndedError = {
    kind: 'agency-ended',
    message: `${creator.name} ended ${ended.agencyName}'s agency${on}. You can no longer see or act for them.`,
    remaining,
  }
  throw Response.json(body, { status: 403, statusText: 'Forbidden' })
}

/**
 * Development-only pages (the mail viewer, which shows sign-in and reset links): 404 in production
 * without demo mode, and 404 for any request that does not come from this machine (loopback), so a
 * demo reachable from a network does not hand out everyone's links.
 */
export function requireDevelopment(args: GuardArgs) {
  if (process.env.NODE_ENV === 'production' && process.env.GREENROOM_DEMO !== '1') notFound()
  if (!isLoopback(requestMeta(args).ip)) notFound()
}

export function isLoopback(ip: string | null): boolean {
  if (!ip) return false
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip
  return v4 === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)
}
