/**
 * Rolling report rows up (collaboration -> creator, campaign, program). Pure and exact: counts and
 * money are integers; a metric nobody reported stays null (shown as "—"), it never becomes 0.
 */
export const COUNT_FIELDS = ['impressions', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'postClicks'] as const
export type CountField = (typeof COUNT_FIELDS)[number]

export interface RawTotals {
  costMinor: number
  posts: number
  impressions: number | null
  reach: number | null
  views: number | null
  likes: number | null
  comments: number | null
  shares: number | null
  saves: number | null
  postClicks: number | null
  linkClicks: number
  /** Orders that count (app/domain/orders.ts): money taken, not cancelled, not refunded in full, inside the window. */
  redemptions: number
  /** Gross revenue of those orders (and of orders refunded in full), in the row's currency. */
  grossRevenueMinor: number
  refundsMinor: number
  /** Net revenue = gross − refunds: what ROAS is computed on. */
  revenueMinor: number
  /** Orders that count but are in a currency with no rate entered: kept out of the money figures. */
  unconvertedOrders: number
}

export const EMPTY_TOTALS: RawTotals = {
  costMinor: 0,
  posts: 0,
  impressions: null,
  reach: null,
  views: null,
  likes: null,
  comments: null,
  shares: null,
  saves: null,
  postClicks: null,
  linkClicks: 0,
  redemptions: 0,
  grossRevenueMinor: 0,
  refundsMinor: 0,
  revenueMinor: 0,
  unconvertedOrders: 0,
}

/** null + null = null; null + 5 = 5. */
export function addNullable(a: number | null, b: number | null): number | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0)
}

/**
 * Group rows by key, summing their totals; `label` returns a fresh object with the fields that describe
 * the group (taken from its first row), which becomes the group's row. In place and without object
 * spreads: a report rolls up thousands of rows, and a spread of a fresh object per group cost V8 ~14 µs
 * each (tests/bench: 13 ms for 800 rows, now 0.5 ms).
 */
export function rollup<R extends RawTotals, G extends object>(rows: readonly R[], key: (r: R) => string, label: (r: R) => G): (G & RawTotals & { key: string; collaborations: number })[] {
  type Group = G & RawTotals & { key: string; collaborations: number }
  const groups = new Map<string, Group>()
  for (const r of rows) {
    const k = key(r)
    const g = groups.get(k)
    if (!g) {
      const o = withTotals(label(r), r) as Group
      o.key = k
      o.collaborations = 1
      groups.set(k, o)
    } else {
      accumulate(g, r)
      g.collaborations += 1
    }
  }
  return [...groups.values()]
}

/**
 * `r`'s totals assigned onto `o` (a fresh object), which is returned. Assigned one by one rather than
 * spread: V8 spent ~30 µs a row extending a spread copy (tests/bench), this is well under 1 µs.
 */
export function withTotals<T extends object>(o: T, r: RawTotals): T & RawTotals {
  const to = o as T & RawTotals
  to.costMinor = r.costMinor
  to.posts = r.posts
  to.impressions = r.impressions
  to.reach = r.reach
  to.views = r.views
  to.likes = r.likes
  to.comments = r.comments
  to.shares = r.shares
  to.saves = r.saves
  to.postClicks = r.postClicks
  to.linkClicks = r.linkClicks
  to.redemptions = r.redemptions
  to.grossRevenueMinor = r.grossRevenueMinor
  to.refundsMinor = r.refundsMinor
  to.revenueMinor = r.revenueMinor
  to.unconvertedOrders = r.unconvertedOrders
  return to
}

function accumulate(g: RawTotals, r: RawTotals): void {
  g.costMinor += r.costMinor
  g.posts += r.posts
  g.linkClicks += r.linkClicks
  g.redemptions += r.redemptions
  g.grossRevenueMinor += r.grossRevenueMinor
  g.refundsMinor += r.refundsMinor
  g.revenueMinor += r.revenueMinor
  g.unconvertedOrders += r.unconvertedOrders
  for (const f of COUNT_FIELDS) g[f] = addNullable(g[f], r[f])
}

export function sumAll(rows: readonly RawTotals[]): RawTotals {
  const acc: RawTotals = { ...EMPTY_TOTALS }
  for (const r of rows) accumulate(acc, r)
  return acc
}
