import { and, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { rowsOf } from '#app/services/brands/get-at-risk.server.ts'
import { DEFAULT_TIER_THRESHOLDS, TIERS, tierFor, type Tier } from '#app/domain/tiers.ts'
import { isKeysetValue } from '#app/domain/keyset-cursor.ts'
import {
  decodeCursor,
  encodeCursor,
  followerSanityFlags,
  isRising,
  RISING_MAX_AGE_DAYS,
  RISING_MIN_GROWTH_BP,
  ROSTER_PAGE_SIZE,
  ROSTER_SORT_DEFAULT_DIR,
  type RosterSort,
} from '#app/domain/roster.ts'
import type { RosterStatus } from '#app/domain/roles.ts'
import { loadCreatorPerformance } from './load-creator-performance.server.ts'
import { accountCountsVisibleSql, accountVisibleSql, relationshipSql } from './creator-access-sql.server.ts'
import { followersVisibleTo, type CreatorAccess } from '#app/domain/creator-privacy.ts'

export interface RosterQuery {
  q?: string | null
  status?: RosterStatus | null
  platform?: string | null
  tier?: Tier | null
  tag?: string | null
  /** Only creators with a rising account (on `platform` and in `tier` when those are set). */
  rising?: boolean
  sort?: RosterSort
  dir?: 'asc' | 'desc'
  cursor?: string | null
  pageSize?: number
}

type SortType = 'text' | 'int' | 'bigint' | 'timestamptz'
/** Each sort column: its expression (served by an index on (brand_id, expression, creator_id)) and type. */
const SORTS: Record<RosterSort, { expr: SQL; type: SortType }> = {
  name: { expr: sql`c.name`, type: 'text' },
  status: { expr: sql`r.status`, type: 'text' },
  followers: { expr: sql`r.top_followers`, type: 'int' },
  last_collab: { expr: sql`coalesce(r.last_collaboration_at, 'epoch'::timestamptz)`, type: 'timestamptz' },
  total_paid: { expr: sql`r.total_paid_minor`, type: 'bigint' },
  on_time: { expr: sql`coalesce(r.on_time_rate_bp, -1)`, type: 'int' },
  added: { expr: sql`r.created_at`, type: 'timestamptz' },
}
const CAST: Record<SortType, SQL> = { text: sql`text`, int: sql`integer`, bigint: sql`bigint`, timestamptz: sql`timestamptz` }

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

/** The follower range [lo, hi) of a tier with the default thresholds. */
function tierBounds(tier: Tier): [number, number | null] {
  const t = DEFAULT_TIER_THRESHOLDS
  const lows: Record<Tier, number> = { emerging: 0, nano: t.nano, micro: t.micro, mid: t.mid, macro: t.macro, mega: t.mega }
  const i = TIERS.indexOf(tier)
  const next = TIERS[i + 1]
  return [lows[tier], next ? lows[next] : null]
}

/** SQL: the account `s` is rising (growth over its threshold for its size, measured recently). */
export function risingSql(now: Date): SQL {
  const t = DEFAULT_TIER_THRESHOLDS
  const b = RISING_MIN_GROWTH_BP
  const since = new Date(now.getTime() - RISING_MAX_AGE_DAYS * 86_400_000).toISOString()
  // Our own integer constants, written into the statement (a CASE of parameters has no type to infer).
  const n = (v: number) => sql.raw(String(Math.trunc(v)))
  return sql`(s.growth90d_bp is not null and s.followers_at >= ${since}::timestamptz and s.growth90d_bp >= case
    when s.followers < ${n(t.nano)} then ${n(b.emerging)} when s.followers < ${n(t.micro)} then ${n(b.nano)}
    when s.followers < ${n(t.mid)} then ${n(b.micro)} when s.followers < ${n(t.macro)} then ${n(b.mid)}
    when s.followers < ${n(t.mega)} then ${n(b.macro)} else ${n(b.mega)} end)`
}

/**
 * One page of the brand's roster, keyset-paginated over (sort value, creator id) so page 500 costs what
 * page 1 costs, with a fixed number of statements whatever the roster size: the page, the match count,
 * the brand's tags, the page's social accounts, and the page's performance and follower history.
 */
export async function listRoster(brand: { id: string; currency: string; settings: Record<string, unknown> }, query: RosterQuery = {}, now = new Date()) {
  const sort = query.sort ?? 'name'
  const dir = query.dir ?? ROSTER_SORT_DEFAULT_DIR[sort]
  const size = Math.min(Math.max(query.pageSize ?? ROSTER_PAGE_SIZE, 1), 100)
  const { expr, type } = SORTS[sort]
  // A cursor whose value is not of the sort's type (tampered, or made under another sort) starts at page 1.
  const decoded = decodeCursor(query.cursor)
  const cursor = decoded && isKeysetValue(type, decoded.v) ? decoded : null
  // Name sorts walk creators(name, id); every other sort walks roster_entries(brand_id, key, creator_id).
  const tie = sort === 'name' ? sql`c.id` : sql`r.creator_id`

  const where: SQL[] = [sql`r.brand_id = ${brand.id}`]
  if (query.status) where.push(sql`r.status = ${query.status}`)
  if (query.tag) where.push(sql`${query.tag} = any(r.tags)`)
  const q = query.q?.trim().replace(/^@/, '')
  if (q) {
    const p = likePattern(q)
    // Email only where the brand may see it; handles of the creator's own accounts and of the brand's (app/domain/creator-privacy.ts).
    where.push(sql`(c.name ilike ${p} or (c.email ilike ${p} and ${relationshipSql(brand.id, sql`r.creator_id`)})
      or exists (select 1 from ${schema.socialAccounts} s where s.creator_id = r.creator_id and ${accountVisibleSql(brand.id, 's')} and s.handle ilike ${p})
      or exists (select 1 from unnest(r.tags) tg where tg ilike ${p}))`)
  }
  if (query.platform || query.tier || query.rising) {
    const acc: SQL[] = [sql`s.creator_id = r.creator_id`, accountVisibleSql(brand.id, 's')]
    if (query.tier || query.rising) acc.push(accountCountsVisibleSql(brand.id, 's'))
    if (query.platform) acc.push(sql`s.platform = ${query.platform}`)
    if (query.tier) {
      const [lo, hi] = tierBounds(query.tier)
      acc.push(sql`s.followers >= ${lo}`)
      if (hi !== null) acc.push(sql`s.followers < ${hi}`)
    }
    if (query.rising) acc.push(risingSql(now))
    where.push(sql`exists (select 1 from ${schema.socialAccounts} s where ${sql.join(acc, sql` and `)})`)
  }
  const filtered = sql.join(where, sql` and `)

  // Going back, read the rows before the boundary in reverse order and flip them afterwards.
  const back = cursor?.d === 'prev'
  const ascending = (dir === 'asc') !== back
  const keyset = cursor
    ? ascending
      ? sql`and (${expr}, ${tie}) > (cast(${cursor.v} as ${CAST[type]}), ${cursor.id})`
      : sql`and (${expr}, ${tie}) < (cast(${cursor.v} as ${CAST[type]}), ${cursor.id})`
    : sql``
  const order = ascending ? sql`${expr} asc, ${tie} asc` : sql`${expr} desc, ${tie} desc`

  // No filter, the status filter alone or the tag filter alone is counted from the brand's summary rows
  // (roster_counts, roster_tag_counts: kept by triggers, migration 0036); other filters count the rows they match.
  const countFromSummary = !q && !query.tag && !query.platform && !query.tier && !query.rising
  const countFromTags = !q && !query.status && query.tag && !query.platform && !query.tier && !query.rising
  const pageOrder = ascending ? sql`p.sort_key asc, p.tie_key asc` : sql`p.sort_key desc, p.tie_key desc`
  const [pageResult, countResult, tagResult] = await Promise.all([
    // The relationship (privacy rule) is decided for the page's rows only: in the page's own select list the
    // planner hashed every roster entry and committed offer of the brand to answer it for 21 rows. The limit
    // is written into the statement (our own integer): as a parameter, the prepared statement's generic plan
    // expects a tenth of the roster from the subquery and hashes them again.
    db().execute(sql`
      select p.*, ${relationshipSql(brand.id, sql`p.creator_id`)} as related from (
        select r.id as entry_id, r.creator_id, r.status, r.tags, r.represented_by, r.top_followers, r.last_collaboration_at,
               r.total_paid_minor, r.on_time_rate_bp, r.created_at, c.name, c.email, c.user_id, (${expr})::text as sort_value,
               r.consented_at, ${expr} as sort_key, ${tie} as tie_key
        from ${schema.rosterEntries} r join ${schema.creators} c on c.id = r.creator_id
        where ${filtered} ${keyset}
        order by ${order}
        limit ${sql.raw(String(Math.trunc(size) + 1))}
      ) p
      order by ${pageOrder}`),
    countFromSummary
      ? db().execute(
          sql`select coalesce(sum(entries), 0)::int as n from ${schema.rosterCounts} where brand_id = ${brand.id}${query.status ? sql` and status = ${query.status}` : sql``}`,
        )
      : countFromTags
        ? db().execute(sql`select coalesce(sum(entries), 0)::int as n from ${schema.rosterTagCounts} where brand_id = ${brand.id} and tag = ${query.tag}`)
        : q
        ? // Only a search needs the creators table to count.
          db().execute(sql`select count(*)::int as n from ${schema.rosterEntries} r join ${schema.creators} c on c.id = r.creator_id where ${filtered}`)
        : db().execute(sql`select count(*)::int as n from ${schema.rosterEntries} r where ${filtered}`),
    // The brand's tags, from the summary (roster_tag_counts: tags some entry carries).
    db().execute(sql`select tag from ${schema.rosterTagCounts} where brand_id = ${brand.id} and entries > 0 order by tag limit 200`),
  ])
  type Row = {
    entry_id: string
    creator_id: string
    status: RosterStatus
    tags: string[] | string
    represented_by: string | null
    top_followers: number
    last_collaboration_at: string | Date | null
    total_paid_minor: string | number
    on_time_rate_bp: number | null
    created_at: string | Date
    name: string
    email: string
    user_id: string | null
    sort_value: string
    related: boolean | string
    consented_at: string | Date | null
  }
  let rows = rowsOf<Row>(pageResult)
  const more = rows.length > size
  if (more) rows = rows.slice(0, size)
  if (back) rows = rows.reverse()
  const first = rows[0]
  const last = rows[rows.length - 1]
  const hasNext = back ? true : more
  const hasPrev = back ? more : Boolean(cursor)
  const nextCursor = hasNext && last ? encodeCursor({ v: last.sort_value, id: last.creator_id, d: 'next' }) : null
  const prevCursor = hasPrev && first ? encodeCursor({ v: first.sort_value, id: first.creator_id, d: 'prev' }) : null

  const ids = rows.map((r) => r.creator_id)
  const accounts = ids.length
    ? await db()
        .select({
          id: schema.socialAccounts.id,
          creatorId: schema.socialAccounts.creatorId,
          platform: schema.socialAccounts.platform,
          handle: schema.socialAccounts.handle,
          followers: schema.socialAccounts.followers,
          followersAt: schema.socialAccounts.followersAt,
          growth90dBp: schema.socialAccounts.growth90dBp,
          brandId: schema.socialAccounts.brandId,
        })
        .from(schema.socialAccounts)
        .where(
          and(
            sql`${schema.socialAccounts.creatorId} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`,
            or(isNull(schema.socialAccounts.brandId), eq(schema.socialAccounts.brandId, brand.id)),
          ),
        )
        .orderBy(schema.socialAccounts.platform)
    : []
  const related = new Set(rows.filter((r) => r.related === true || r.related === 't').map((r) => r.creator_id))
  const access = (creatorId: string): CreatorAccess => (related.has(creatorId) ? 'relationship' : 'public')
  const countable = accounts.filter((a) => followersVisibleTo(a, brand.id, access(a.creatorId)))
  const followers = new Map(countable.map((a) => [`${a.creatorId}:${a.platform}`, a.followers]))
  const accountIds = countable.map((a) => a.id)
  const since = new Date(now.getTime() - 180 * 86_400_000)
  const [performance, snapshots] = await Promise.all([
    loadCreatorPerformance(brand, ids, followers),
    // The page's last six months of follower counts, for the vetting flag (sudden jumps and drops).
    accountIds.length
      ? db()
          .select({ socialAccountId: schema.followerSnapshots.socialAccountId, followers: schema.followerSnapshots.followers, capturedAt: schema.followerSnapshots.capturedAt })
          .from(schema.followerSnapshots)
          .where(and(inArray(schema.followerSnapshots.socialAccountId, accountIds), gte(schema.followerSnapshots.capturedAt, since)))
      : Promise.resolve([]),
  ])
  const recent = now.getTime() - RISING_MAX_AGE_DAYS * 86_400_000

  return {
    total: rowsOf<{ n: number }>(countResult)[0]?.n ?? 0,
    tags: rowsOf<{ tag: string }>(tagResult).map((t) => t.tag),
    sort,
    dir,
    nextCursor,
    prevCursor,
    rows: rows.map((r) => {
      const perf = performance.get(r.creator_id)
      return {
        entryId: r.entry_id,
        creatorId: r.creator_id,
        name: r.name,
        /** Only with a relationship (app/domain/creator-privacy.ts). */
        email: access(r.creator_id) === 'relationship' ? r.email : null,
        status: r.status,
        tags: pgArray(r.tags),
        representedBy: r.represented_by,
        lastCollaborationAt: r.last_collaboration_at ? new Date(r.last_collaboration_at).toISOString() : null,
        totalPaidMinor: Number(r.total_paid_minor),
        onTimeRateBp: r.on_time_rate_bp === null ? null : Number(r.on_time_rate_bp),
        costPerEngagement: perf?.costPerEngagement ?? null,
        accounts: accounts
          .filter((a) => a.creatorId === r.creator_id)
          .map((a) => {
            const visible = followersVisibleTo(a, brand.id, access(r.creator_id))
            return {
              platform: a.platform,
              handle: a.handle,
              enteredBy: a.brandId === null ? ('creator' as const) : ('brand' as const),
              followers: visible ? a.followers : null,
              tier: visible ? tierFor(a.followers) : null,
              growth90dBp: visible ? a.growth90dBp : null,
              rising: visible && Boolean(a.followersAt && a.followersAt.getTime() >= recent) && isRising(a.followers, a.growth90dBp),
              engagementRate: perf?.byPlatform[a.platform]?.engagementRate ?? null,
              check: visible ? (followerSanityFlags(snapshots.filter((x) => x.socialAccountId === a.id), [])[0]?.message ?? null) : null,
            }
          }),
      }
    }),
  }
}

/** A text[] from either driver (postgres.js parses it; raw PGlite rows may give '{a,b}'). */
function pgArray(v: string[] | string | null): string[] {
  if (Array.isArray(v)) return v
  if (!v || v === '{}') return []
  return v
    .slice(1, -1)
    .split(',')
    .map((x) => x.replace(/^"(.*)"$/, '$1'))
}
