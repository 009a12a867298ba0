/**
 * The domain's licence status (rightsStatus, app/domain/rights.ts) as SQL, so the ledger can count and page
 * in the database (issue #18). "Today" depends on each licence's time zone; it is never worked out by the
 * database (PostgreSQL's zone names and Intl's differ at the edges): the service reads the brand's few
 * distinct zones, works out today in each with the domain's dayIn, and the SQL picks its zone's day from
 * the statement's `lp` CTE (ledgerParams).
 *
 * Built on rights_items' CHECK (migration 0043): a licence is perpetual exactly when it has no end day, so
 * "perpetual" is "ends_on is null" and every column the status needs is in the end-day index.
 * tests/integration/rights-ledger-sql.test.ts holds it to rightsStatus for random licences, zones and instants.
 */
import { sql, type SQL } from 'drizzle-orm'
import { dayIn, RIGHTS_ENDING_WINDOW_DAYS, RIGHTS_LEDGER_ORDER, type RightsStatus } from '#app/domain/rights.ts'

/** Today in each of the brand's zones, and the span of those days (every licence's today lies in it). */
export interface LedgerToday {
  byZone: ReadonlyMap<string, string>
  /** Today in UTC: the day of a zone that appeared after the zones were read (a licence added meanwhile). */
  fallback: string
  lo: string
  hi: string
}

export function ledgerToday(zones: readonly string[], now: Date): LedgerToday {
  const byZone = new Map(zones.map((z) => [z, dayIn(z, now)] as const))
  const fallback = dayIn('UTC', now)
  const days = [fallback, ...byZone.values()].sort()
  return { byZone, fallback, lo: days[0]!, hi: days[days.length - 1]! }
}

/** The rights_items columns the rule reads, for a table alias. */
export interface RightsCols {
  startsOn: SQL
  endsOn: SQL
  timeZone: SQL
}
export const rightsCols = (alias: string): RightsCols => ({
  startsOn: sql.raw(`${alias}.starts_on`),
  endsOn: sql.raw(`${alias}.ends_on`),
  timeZone: sql.raw(`${alias}.time_zone`),
})

/** A PostgreSQL array literal of the values (each quoted, quotes and backslashes escaped). */
const arrayLiteral = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`

/**
 * The statement's `lp` CTE: the zones and their days as two arrays, the fallback day and the span. Every
 * statement of the ledger starts `with ${ledgerParams(t)}`; the rule's expressions read lp through scalar
 * subqueries (evaluated once per statement), so a statement's text and parameters are the same whatever
 * the number of zones, and postgres.js can keep it prepared (db/prepared.ts).
 */
export function ledgerParams(t: LedgerToday): SQL {
  return sql`lp as (select cast(${arrayLiteral([...t.byZone.keys()])} as text[]) as z, cast(${arrayLiteral([...t.byZone.values()])} as date[]) as d,
    cast(${t.fallback} as date) as fb, cast(${t.lo} as date) as lo, cast(${t.hi} as date) as hi)`
}

/** The licence's today: its zone's day (the fallback for a zone that is not in lp). */
export function todaySql(c: RightsCols): SQL {
  return sql`coalesce((select d from lp)[array_position((select z from lp), ${c.timeZone})], (select fb from lp))`
}

/** The ending window's days, and one less, as SQL literals. */
export const WINDOW = sql.raw(String(Math.trunc(RIGHTS_ENDING_WINDOW_DAYS)))
export const WINDOW_MINUS_1 = sql.raw(String(Math.trunc(RIGHTS_ENDING_WINDOW_DAYS) - 1))

/** rightsStatus: not started, perpetual (no end day), expired (past its last day), ending within the window, active. */
export function rightsStatusSql(c: RightsCols): SQL<RightsStatus> {
  const today = todaySql(c)
  return sql<RightsStatus>`(case when ${c.startsOn} > ${today} then 'upcoming' when ${c.endsOn} is null then 'perpetual' when ${c.endsOn} < ${today} then 'expired' when ${c.endsOn} - ${today} + 1 <= ${WINDOW} then 'ending' else 'active' end)`
}

/** rightsStatus's daysLeft: counting today (1 on the last day); 0 once expired; null without an end day. */
export function rightsDaysLeftSql(c: RightsCols): SQL<number | null> {
  const today = todaySql(c)
  return sql<number | null>`(case when ${c.endsOn} is null then null when ${c.startsOn} <= ${today} and ${c.endsOn} < ${today} then 0 else ${c.endsOn} - ${today} + 1 end)`
}

/** A status's place in the ledger (RIGHTS_LEDGER_ORDER). */
export const ledgerRank = (s: RightsStatus) => RIGHTS_LEDGER_ORDER.indexOf(s as (typeof RIGHTS_LEDGER_ORDER)[number])

export function ledgerRankSql(status: SQL<RightsStatus>): SQL<number> {
  return sql<number>`(case ${status} ${sql.join(
    RIGHTS_LEDGER_ORDER.map((s, i) => sql.raw(`when '${s}' then ${i}`)),
    sql` `,
  )} end)`
}

/**
 * Conditions on the columns alone that every licence of a status meets, whatever its zone (its today lies
 * in [lo, hi]), so each status's rows are read from an index range rather than from the whole ledger.
 */
export function statusRangeSql(status: RightsStatus, c: RightsCols): SQL {
  switch (status) {
    case 'ending': // today <= end <= today + window - 1
      return sql`${c.endsOn} between (select lo from lp) and (select hi from lp) + ${WINDOW_MINUS_1}`
    case 'active': // end >= today + window
      return sql`${c.endsOn} >= (select lo from lp) + ${WINDOW}`
    case 'upcoming': // start > today
      return sql`${c.startsOn} > (select lo from lp)`
    case 'perpetual':
      return sql`${c.endsOn} is null`
    case 'expired': // end < today
      return sql`${c.endsOn} < (select hi from lp)`
  }
}
