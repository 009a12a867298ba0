import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import type { BrandRole } from '#db/schema.ts'
import { preparedQuery } from '#app/db.server.ts'

export interface UserAreas {
  brands: { slug: string; name: string; role: BrandRole }[]
  creator: { id: string; name: string } | null
  /** Creators this user can act for through an agency. */
  represented: { id: string; name: string; agencyName: string }[]
}

const userId = sql.placeholder('userId')
const brandsOf = preparedQuery((d, name) =>
  d
    .select({ slug: schema.brands.slug, name: schema.brands.name, role: schema.brandMembers.role })
    .from(schema.brandMembers)
    .innerJoin(schema.brands, eq(schema.brands.id, schema.brandMembers.brandId))
    .where(eq(schema.brandMembers.userId, userId))
    .orderBy(asc(schema.brands.name))
    .prepare(`${name}b`),
)
const ownCreator = preparedQuery((d, name) =>
  d
    .select({ id: schema.creators.id, name: schema.creators.name })
    .from(schema.creators)
    .where(eq(schema.creators.userId, userId))
    .limit(1)
    .prepare(`${name}c`),
)
const representedBy = preparedQuery((d, name) =>
  d
    .select({ id: schema.creators.id, name: schema.creators.name, agencyName: schema.agencies.name })
    .from(schema.agencyMembers)
    .innerJoin(schema.agentGrants, and(eq(schema.agentGrants.agencyId, schema.agencyMembers.agencyId), isNull(schema.agentGrants.revokedAt)))
    .innerJoin(schema.creators, eq(schema.creators.id, schema.agentGrants.creatorId))
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.agencyMembers.agencyId))
    .where(eq(schema.agencyMembers.userId, userId))
    .orderBy(asc(schema.creators.name))
    .prepare(`${name}r`),
)

/** Which areas a signed-in person can enter: brands (by role), their own creator profile, agencies. */
export async function getUserAreas(id: string): Promise<UserAreas> {
  const [brands, creator, represented] = await Promise.all([brandsOf().execute({ userId: id }), ownCreator().execute({ userId: id }), representedBy().execute({ userId: id })])
  return { brands, creator: creator[0] ?? null, represented }
}

/** Where to land after sign-in: the first area the person has. */
export function homePathFor(areas: UserAreas): string {
  if (areas.brands.length === 1) {
    const b = areas.brands[0]!
    return b.role === 'finance' ? `/pay/${b.slug}` : `/b/${b.slug}`
  }
  if (areas.brands.length > 1) return '/b'
  if (areas.creator) return `/c/${areas.creator.id}`
  if (areas.represented.length > 0) return '/c'
  return '/account'
}
