/**
 * THE keyset cursor of the paged lists (review queue, live posts, brand invoices; issue #18): an opaque
 * URL value saying where a page starts — after (or, going back, before) the boundary row with these sort
 * values and this id. Validated with zod at decode: a cursor that is missing, tampered with, too long,
 * of another list or of another shape is null, and the list starts at its first page (a GET never fails
 * on a bad cursor). The database casts the values back (app/services/keyset.server.ts), so every value
 * travels as the text PostgreSQL printed, with no precision lost (timestamps keep their microseconds).
 */
import { z } from 'zod'

/** The longest cursor accepted in a URL. */
export const KEYSET_CURSOR_MAX_LENGTH = 400

/** Rows on one screen of a paged list. */
export const LIST_PAGE_SIZE = 50

export interface KeysetCursor {
  /** Which list it belongs to ('review', 'posts:verified', ...): a cursor of another list is refused. */
  list: string
  /** The boundary row's sort values, as text. */
  v: string[]
  /** The boundary row's id (the tie-breaker). */
  id: string
  /** 'next': rows after the boundary; 'prev': rows before it. */
  d: 'next' | 'prev'
}

const wire = z.tuple([
  z.string().min(1).max(40),
  z.array(z.string().max(80)).min(1).max(4),
  z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  z.union([z.literal(0), z.literal(1)]),
])

/** The cursor's query-string field (a malformed one is dropped, not an error). */
export const cursorParam = z.string().max(KEYSET_CURSOR_MAX_LENGTH).optional().catch(undefined)

export function encodeKeysetCursor(c: KeysetCursor): string {
  return Buffer.from(JSON.stringify([c.list, c.v, c.id, c.d === 'prev' ? 1 : 0]), 'utf8').toString('base64url')
}

/** What a sort value casts back to in the database (app/services/keyset.server.ts). */
export type KeysetValueType = 'date' | 'timestamptz' | 'text' | 'bigint'

// PostgreSQL has no year 0 (nor does an ISO day a person could mean): "0000-01-01" is refused, not cast.
const isDay = (d: string) => {
  if (d.startsWith('0000')) return false
  const t = Date.parse(`${d}T00:00:00Z`)
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d
}
/** Each value as PostgreSQL prints it for its type, so the database's cast can never fail on one. */
const VALUE: Record<KeysetValueType, z.ZodType<string>> = {
  date: z.string().refine((v) => v === 'infinity' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && isDay(v))),
  timestamptz: z.string().refine((v) => {
    const m = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.exec(v)
    return Boolean(m && isDay(m[1]!))
  }),
  text: z.string().max(80),
  bigint: z.string().regex(/^-?\d{1,18}$/),
}

/**
 * True when `v` is a value of `type` as PostgreSQL prints it, so casting it back cannot fail. `int` is
 * PostgreSQL's 4-byte integer (the roster's follower and rate sorts).
 */
export function isKeysetValue(type: KeysetValueType | 'int', v: string): boolean {
  if (type === 'int') return /^-?\d{1,10}$/.test(v) && Math.abs(Number(v)) <= 2_147_483_647
  return VALUE[type].safeParse(v).success
}

/**
 * The cursor of `list` whose sort values are of `types` (one per key), or null when missing or not one
 * of ours (wrong list, wrong number of values, a value that is not of its type).
 */
export function decodeKeysetCursor(raw: string | null | undefined, list: string, types: readonly KeysetValueType[]): KeysetCursor | null {
  if (!raw || raw.length > KEYSET_CURSOR_MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) return null
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  const parsed = wire.safeParse(json)
  if (!parsed.success) return null
  const [l, v, id, d] = parsed.data
  if (l !== list || v.length !== types.length || !v.every((x, i) => VALUE[types[i]!].safeParse(x).success)) return null
  return { list: l, v, id, d: d === 1 ? 'prev' : 'next' }
}

export interface KeysetPage<T> {
  rows: T[]
  nextCursor: string | null
  prevCursor: string | null
}

/**
 * One page from the rows a keyset query returned: the query reads `size + 1` rows past the cursor (in
 * reverse order when going back), so the extra row says whether there is a page beyond.
 */
export function keysetPage<T>(fetched: readonly T[], size: number, cursor: KeysetCursor | null, list: string, keyOf: (row: T) => { v: string[]; id: string }): KeysetPage<T> {
  const back = cursor?.d === 'prev'
  const more = fetched.length > size
  let rows = more ? fetched.slice(0, size) : [...fetched]
  if (back) rows = rows.reverse()
  const first = rows[0]
  const last = rows[rows.length - 1]
  const hasNext = back ? true : more
  const hasPrev = back ? more : Boolean(cursor)
  return {
    rows,
    nextCursor: hasNext && last ? encodeKeysetCursor({ list, ...keyOf(last), d: 'next' }) : null,
    prevCursor: hasPrev && first ? encodeKeysetCursor({ list, ...keyOf(first), d: 'prev' }) : null,
  }
}

/**
 * One page of a list that is already whole and sorted in memory (the report table, sorted by a figure
 * derived in JS): the page after (or before) the cursor's boundary row, found by its id. A boundary row
 * that is no longer in the list (filters or data changed) starts again at the first page. `offset` is the
 * index of the page's first row, for "rows 51–100 of 775".
 */
export function keysetPageOfSorted<T>(sorted: readonly T[], size: number, cursor: KeysetCursor | null, list: string, keyOf: (row: T) => { v: string[]; id: string }): KeysetPage<T> & { offset: number } {
  const at = cursor ? sorted.findIndex((r) => keyOf(r).id === cursor.id) : -1
  let start = 0
  let end = size
  // Going back to fewer than a page's rows before the boundary (the list changed): the first page, full.
  if (at >= 0) [start, end] = cursor!.d === 'next' ? [at + 1, at + 1 + size] : at - size >= 0 ? [at - size, at] : [0, size]
  if (start >= end || start >= sorted.length) [start, end] = [0, size] // nothing beyond the boundary: the first page
  const rows = sorted.slice(start, end)
  const first = rows[0]
  const last = rows[rows.length - 1]
  return {
    rows,
    offset: start,
    nextCursor: end < sorted.length && last ? encodeKeysetCursor({ list, ...keyOf(last), d: 'next' }) : null,
    prevCursor: start > 0 && first ? encodeKeysetCursor({ list, ...keyOf(first), d: 'prev' }) : null,
  }
}
