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
  redemptions: number
  revenueMinor: number
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
  revenueMinor: 0,
}

/** null + null = null; null + 5 = 5. */
export function addNullable(a: number | null, b: number | null): number | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0)
}

export function addTotals(a: RawTotals, b: RawTotals): RawTotals {
  const out: RawTotals = {
    ...a,
    costMinor: a.costMinor + b.costMinor,
    posts: a.posts + b.posts,
    linkClicks: a.linkClicks + b.linkClicks,
    redemptions: a.redemptions + b.redemptions,
    revenueMinor: a.revenueMinor + b.revenueMinor,
  }
  for (const f of COUNT_FIELDS) out[f] = addNullable(a[f], b[f])
  return out
}

export function pickTotals(r: RawTotals): RawTotals {
  const out = { ...EMPTY_TOTALS }
  for (const k of Object.keys(EMPTY_TOTALS) as (keyof RawTotals)[]) (out as Record<string, unknown>)[k] = r[k]
  return out
}

/** Group rows by key, summing their totals; `label` takes the first row's fields that describe the group. */
export function rollup<R extends RawTotals, G>(rows: readonly R[], key: (r: R) => string, label: (r: R) => G): (G & RawTotals & { key: string; collaborations: number })[] {
  const groups = new Map<string, G & RawTotals & { key: string; collaborations: number }>()
  for (const r of rows) {
    const k = key(r)
    const g = groups.get(k)
    if (!g) groups.set(k, { ...label(r), ...pickTotals(r), key: k, collaborations: 1 })
    else {
      // In place: a report rolls up thousands of rows, and a copy per row is most of its time.
      g.costMinor += r.costMinor
      g.posts += r.posts
      g.linkClicks += r.linkClicks
      g.redemptions += r.redemptions
      g.revenueMinor += r.revenueMinor
      for (const f of COUNT_FIELDS) g[f] = addNullable(g[f], r[f])
      g.collaborations += 1
    }
  }
  return [...groups.values()]
}

export function sumAll(rows: readonly RawTotals[]): RawTotals {
  return rows.reduce<RawTotals>((acc, r) => addTotals(acc, r), { ...EMPTY_TOTALS })
}
