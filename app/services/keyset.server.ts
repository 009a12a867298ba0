import { sql, type SQL } from 'drizzle-orm'
import type { KeysetCursor, KeysetValueType } from '#app/domain/keyset-cursor.ts'

/** A sort key of a keyset list: a never-null SQL expression and the type its text form casts back to. */
export interface KeysetKey {
  expr: SQL
  cast: KeysetValueType
}

/** The value types of a list's keys, for decodeKeysetCursor. */
export const keyTypes = (keys: readonly KeysetKey[]): KeysetValueType[] => keys.map((k) => k.cast)

/**
 * The WHERE part and ORDER BY of a keyset page over (keys..., id), all in one direction (row-value
 * comparison, so an index on the same columns serves it). Going back reads in reverse order;
 * keysetPage (app/domain/keyset-cursor.ts) flips the rows back.
 */
export function keysetSql(keys: readonly KeysetKey[], id: SQL, dir: 'asc' | 'desc', cursor: KeysetCursor | null): { where: SQL | undefined; orderBy: SQL[] } {
  const ascending = (dir === 'asc') !== (cursor?.d === 'prev')
  const cols = sql.join([...keys.map((k) => k.expr), id], sql`, `)
  const where = cursor
    ? sql`(${cols}) ${ascending ? sql`>` : sql`<`} (${sql.join([...keys.map((k, i) => sql`cast(${cursor.v[i]!} as ${sql.raw(k.cast)})`), sql`${cursor.id}`], sql`, `)})`
    : undefined
  const orderBy = [...keys.map((k) => (ascending ? sql`${k.expr} asc` : sql`${k.expr} desc`)), ascending ? sql`${id} asc` : sql`${id} desc`]
  return { where, orderBy }
}
