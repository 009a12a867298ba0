import { sql } from 'drizzle-orm'
import type { BrandRole } from '#db/schema.ts'
import { preparedQuery } from '#app/db.server.ts'
import { waitingDraftsSql } from '#app/services/content/count-waiting-drafts.server.ts'

export interface UserAreas {
  brands: { slug: string; name: string; role: BrandRole }[]
  creator: { id: string; name: string } | null
  /** Creators this user can act for through an agency. */
  represented: { id: string; name: string; agencyName: string }[]
}

const userId = sql.placeholder('userId')
/**
 * All three in one statement (every signed-in page's layout asks, so each statement saved is one round
 * trip less per page, issue #18): the brands by role, the person's own creator profile, and the creators
 * their agencies hold a live grant for. Each list comes as JSON text in the order the page shows it.
 */
const areaColumns = {
  brands: sql<string>`(select coalesce(json_agg(json_build_object('slug', b.slug, 'name', b.name, 'role', m.role) order by b.name), '[]')::text
    from brand_members m join brands b on b.id = m.brand_id where m.user_id = ${userId})`,
  creator: sql<string | null>`(select json_build_object('id', c.id, 'name', c.name)::text from creators c where c.user_id = ${userId} limit 1)`,
  represented: sql<string>`(select coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'agencyName', a.name) order by c.name), '[]')::text
    from agency_members am
    join agent_grants g on g.agency_id = am.agency_id and g.revoked_at is null
    join creators c on c.id = g.creator_id
    join agencies a on a.id = am.agency_id
    where am.user_id = ${userId})`,
}
// One row whatever the ids (a person or brand without rows gets empty lists and a count of 0).
const oneRow = sql`(select 1) as one`
const areasOf = preparedQuery((d, name) => d.select(areaColumns).from(oneRow).prepare(name))
/**
 * The same, with the brand's drafts waiting for review (the brand navigation's badge, countWaitingDrafts's
 * column), so the brand layout sends one statement, not two.
 */
const areasWithWaitingOf = preparedQuery((d, name) =>
  d
    .select({
      ...areaColumns,
      waiting: waitingDraftsSql(sql.placeholder('brandId')),
    })
    .from(oneRow)
    .prepare(name),
)

type AreaRow = { brands: string; creator: string | null; represented: string }
const toAreas = (row: AreaRow | undefined): UserAreas =>
  row
    ? {
        brands: JSON.parse(row.brands) as UserAreas['brands'],
        creator: row.creator ? (JSON.parse(row.creator) as NonNullable<UserAreas['creator']>) : null,
        represented: JSON.parse(row.represented) as UserAreas['represented'],
      }
    : { brands: [], creator: null, represented: [] }

/** Which areas a signed-in person can enter: brands (by role), their own creator profile, agencies. */
export async function getUserAreas(id: string): Promise<UserAreas> {
  const [row] = await areasOf().execute({ userId: id })
  return toAreas(row)
}

/** getUserAreas, and how many drafts wait for review at `brandId` (what countWaitingDrafts answers). */
export async function getUserAreasAndWaitingDrafts(id: string, brandId: string): Promise<{ areas: UserAreas; waitingDrafts: number }> {
  const [row] = await areasWithWaitingOf().execute({ userId: id, brandId })
  return { areas: toAreas(row), waitingDrafts: row?.waiting ?? 0 }
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
