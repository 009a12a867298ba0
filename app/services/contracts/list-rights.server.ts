import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { RIGHTS_LEDGER_ORDER, RIGHTS_STATUSES, type RightsStatus } from '#app/domain/rights.ts'
import { decodeKeysetCursor, keysetPage, LIST_PAGE_SIZE, type KeysetCursor } from '#app/domain/keyset-cursor.ts'
import { rowsOf } from '#app/services/brands/get-at-risk.server.ts'
import { adsPermissionView } from './ads-permissions.server.ts'
import { ledgerParams, ledgerRank, ledgerRankSql, ledgerToday, rightsCols, rightsDaysLeftSql, rightsStatusSql, statusRangeSql, WINDOW, WINDOW_MINUS_1, type LedgerToday } from './rights-sql.server.ts'

/** The brand's whole usage-rights ledger, page after page, in its order (tests, exports). */
export async function listRights(brandId: string, now = new Date()) {
  const all: Awaited<ReturnType<typeof listRightsPage>>['items'] = []
  let cursor: string | null = null
  do {
    const page: Awaited<ReturnType<typeof listRightsPage>> = await listRightsPage(brandId, { cursor, size: 500 }, now)
    all.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return all
}

const LIST = 'rights'

/**
 * One screen of the brand's usage-rights ledger (issue #18), in its order: ending soon, active, not started,
 * perpetual, expired (RIGHTS_LEDGER_ORDER); by end day, then id, within each. Paged in SQL from a keyset
 * cursor on the boundary row's (status, end day, id); a tampered cursor is the first page. The counts per
 * status are of the whole ledger (ledgerCounts); the ads access is read for the page's rows only.
 * Each row says whether it is the one its offer's extension form goes on (the first of the offer's items
 * with an end day, in the whole ledger).
 *
 * What it costs does not grow with the brand's history: each status's rows come from an index range
 * (statusRangeSql) with a limit, and the counts read kept totals and the current licences only. Five statements: the zones;
 * then the counts and the page's keys at once; then the page's details and its ads access at once.
 */
export async function listRightsPage(brandId: string, opts: { cursor?: string | null; size?: number } = {}, now = new Date()) {
  const size = opts.size ?? LIST_PAGE_SIZE
  const t = ledgerToday(await brandZones(brandId), now)
  const raw = decodeKeysetCursor(opts.cursor, LIST, ['text', 'date'])
  const cursor = raw && ledgerRank(raw.v[0] as RightsStatus) >= 0 ? raw : null
  const [counts, fetched] = await Promise.all([ledgerCounts(brandId, t), pageOfLedger(brandId, t, cursor, size)])
  const total = RIGHTS_STATUSES.reduce((n, s) => n + counts[s], 0)
  const page = keysetPage(fetched, size, cursor, LIST, (row) => ({
    v: [row.status, row.endKey],
    id: row.id,
  }))
  return {
    items: await withDetails(brandId, page.rows),
    counts,
    total,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  }
}

/**
 * The ledger's counts per status, without reading its history: ending and active licences are counted per
 * zone from the end-day range of that zone's today (started ones: the start day is in the index), licences not
 * started yet from the start-day index; the rest of the kept dated total (rights_counts, migration 0044) is
 * expired, the rest of the perpetual total perpetual. A licence in a zone added since the zones were read
 * counts as expired until the next view.
 */
async function ledgerCounts(brandId: string, t: LedgerToday): Promise<Record<RightsStatus, number>> {
  const r = rightsCols('r')
  const notStarted = (perpetual: boolean) =>
    sql`(select count(*) from rights_items r where r.brand_id = ${brandId} and ${statusRangeSql('upcoming', r)} and r.ends_on is ${sql.raw(perpetual ? 'null' : 'not null')} and ${rightsStatusSql(r)} = 'upcoming')`
  const kept = (perpetual: boolean) => sql`coalesce((select items from rights_counts where brand_id = ${brandId} and perpetual = ${perpetual}), 0)`
  const [row] = rowsOf<{ dated: number; perpetual: number; ending: number; active: number; up_dated: number; up_perpetual: number }>(
    await db().execute(sql`with ${ledgerParams(t)},
      live as (select coalesce(sum(c.ending), 0) as ending, coalesce(sum(c.active), 0) as active
        from unnest((select z from lp), (select d from lp)) as zt(tz, today)
        cross join lateral (select count(*) filter (where i.ends_on <= zt.today + ${WINDOW_MINUS_1}) as ending, count(*) filter (where i.ends_on >= zt.today + ${WINDOW}) as active
          from rights_items i where i.brand_id = ${brandId} and i.time_zone = zt.tz and i.ends_on >= zt.today and i.starts_on <= zt.today) c)
      select ${kept(false)}::int as dated, ${kept(true)}::int as perpetual, live.ending::int as ending, live.active::int as active,
        ${notStarted(false)}::int as up_dated, ${notStarted(true)}::int as up_perpetual
      from live`),
  )
  const n = (k: keyof NonNullable<typeof row>) => Number(row?.[k] ?? 0)
  return {
    ending: n('ending'),
    active: n('active'),
    upcoming: n('up_dated') + n('up_perpetual'),
    perpetual: n('perpetual') - n('up_perpetual'),
    expired: n('dated') - n('ending') - n('active') - n('up_dated'),
  }
}

/** The brand's distinct time zones, by skipping along (brand_id, time_zone): one index probe per zone. */
async function brandZones(brandId: string): Promise<string[]> {
  const rows = rowsOf<{ z: string }>(
    await db().execute(sql`with recursive z(tz) as (
      (select time_zone from rights_items where brand_id = ${brandId} order by time_zone limit 1)
      union all
      select (select time_zone from rights_items where brand_id = ${brandId} and time_zone > z.tz order by time_zone limit 1) from z where z.tz is not null
    ) select tz as z from z where tz is not null`),
  )
  return rows.map((x) => x.z)
}

interface LedgerKey {
  id: string
  deliverableId: string
  status: RightsStatus
  endKey: string
  daysLeft: number | null
  extendHere: boolean
}

/**
 * size + 1 rows past the cursor (before it, in reverse, going back): one limited index read per status that
 * can follow the cursor, merged in the ledger's order.
 */
async function pageOfLedger(brandId: string, t: LedgerToday, cursor: KeysetCursor | null, size: number): Promise<LedgerKey[]> {
  const back = cursor?.d === 'prev'
  const dir = sql.raw(back ? 'desc' : 'asc')
  const cmp = sql.raw(back ? '<' : '>')
  const at = cursor ? ledgerRank(cursor.v[0] as RightsStatus) : -1
  const r = rightsCols('r')
  const status = rightsStatusSql(r)
  const limit = size + 1
  const branches: SQL[] = []
  for (const [rank, s] of RIGHTS_LEDGER_ORDER.entries()) {
    if (cursor && (back ? rank > at : rank < at)) continue
    // Within a status the order is end day then id. Ending, active and expired rows all have an end day, so
    // the (brand_id, ends_on, id) index gives that order; perpetual rows have none (all null: by id, same index);
    // licences not started yet are few and sorted after their start-day range is read.
    const endKey = s === 'upcoming' ? sql`coalesce(r.ends_on, 'infinity'::date)` : s === 'perpetual' ? sql`'infinity'::date` : sql`r.ends_on`
    const after = cursor && rank === at ? (s === 'perpetual' ? sql`and r.id ${cmp} ${cursor.id}` : sql`and (${endKey}, r.id) ${cmp} (${cursor.v[1]!}::date, ${cursor.id})`) : sql``
    const order = s === 'perpetual' ? sql`r.ends_on ${dir}, r.id ${dir}` : sql`${endKey} ${dir}, r.id ${dir}`
    branches.push(sql`(select r.id, ${sql.raw(String(rank))} as rank, ${endKey} as end_key from rights_items r
      where r.brand_id = ${brandId} and ${statusRangeSql(s, r)} and ${status} = ${s} ${after}
      order by ${order} limit ${limit})`)
  }
  if (!branches.length) return []
  // The first of an offer's licences with an end day, in the whole ledger, carries its extension form.
  const o = rightsCols('o')
  const oRank = ledgerRankSql(rightsStatusSql(o))
  const rows = rowsOf<{
    id: string
    deliverable_id: string
    rank: number
    end_key: string
    days_left: number | null
    extend_here: boolean
  }>(
    await db().execute(sql`with ${ledgerParams(t)}
      select p.id, r.deliverable_id, p.rank, p.end_key::text as end_key, ${rightsDaysLeftSql(r)} as days_left,
        (r.ends_on is not null and not exists (
          select 1 from rights_items o where o.offer_id = r.offer_id and o.brand_id = r.brand_id and o.ends_on is not null and o.id <> r.id
            and (${oRank}, o.ends_on, o.id) < (p.rank, r.ends_on, r.id))) as extend_here
      from (select * from (${sql.join(branches, sql` union all `)}) u order by u.rank ${dir}, u.end_key ${dir}, u.id ${dir} limit ${limit}) p
      join rights_items r on r.id = p.id
      order by p.rank ${dir}, p.end_key ${dir}, p.id ${dir}`),
  )
  return rows.map((x) => ({
    id: x.id,
    deliverableId: x.deliverable_id,
    status: RIGHTS_LEDGER_ORDER[Number(x.rank)]!,
    endKey: x.end_key,
    daysLeft: x.days_left === null ? null : Number(x.days_left),
    extendHere: x.extend_here === true,
  }))
}

/** The page's rows with their creator, campaign, deliverable, live post and the ads access granted (two reads at once). */
async function withDetails(brandId: string, keys: LedgerKey[]) {
  if (!keys.length) return []
  const [rows, perms] = await Promise.all([
    db()
      .select({
        item: schema.rightsItems,
        deliverable: schema.deliverables,
        creatorName: schema.creators.name,
        campaignName: schema.campaigns.name,
        postUrl: schema.posts.url,
        currency: schema.campaigns.currency,
      })
      .from(schema.rightsItems)
      .innerJoin(schema.deliverables, eq(schema.deliverables.id, schema.rightsItems.deliverableId))
      .innerJoin(schema.creators, eq(schema.creators.id, schema.rightsItems.creatorId))
      .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.deliverables.campaignId))
      .leftJoin(schema.posts, eq(schema.posts.deliverableId, schema.rightsItems.deliverableId))
      .where(
        and(
          eq(schema.rightsItems.brandId, brandId),
          inArray(
            schema.rightsItems.id,
            keys.map((k) => k.id),
          ),
        ),
      ),
    db()
      .select()
      .from(schema.adsPermissions)
      .where(
        and(
          eq(schema.adsPermissions.brandId, brandId),
          inArray(
            schema.adsPermissions.deliverableId,
            keys.map((k) => k.deliverableId),
          ),
          isNull(schema.adsPermissions.revokedAt),
        ),
      ),
  ])
  const byId = new Map(rows.map((x) => [x.item.id, x]))
  // A row deleted between the two reads is left out rather than shown half.
  return keys.flatMap((k) => {
    const x = byId.get(k.id)
    if (!x) return []
    const item = x.item
    return [
      {
        id: item.id,
        contractId: item.contractId,
        offerId: item.offerId,
        currency: x.currency,
        creatorName: x.creatorName,
        campaignName: x.campaignName,
        deliverable: `${deliverableLabel(x.deliverable)}${x.deliverable.position > 1 ? ` #${x.deliverable.position}` : ''}`,
        postUrl: x.postUrl,
        organic: item.organic,
        paidAds: item.paidAds,
        channels: item.channels,
        territory: item.territory,
        startsOn: item.startsOn,
        endsOn: item.endsOn,
        timeZone: item.timeZone,
        status: k.status,
        daysLeft: k.daysLeft,
        extendHere: k.extendHere,
        ads: perms.filter((p) => p.deliverableId === item.deliverableId).map((p) => adsPermissionView(p, item)),
      },
    ]
  })
}
