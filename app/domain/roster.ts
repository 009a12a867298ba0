/**
 * The roster's pure logic: sort keys and opaque keyset cursors, "rising" thresholds relative to size,
 * fee guidance (medians and the far-outside warning), and follower-count sanity flags for vetting.
 * No I/O; unit-tested in tests/unit/domain/roster.test.ts.
 */
import { tierFor, type Tier } from './tiers.ts'

// ---------------------------------------------------------------- sorting and cursors

export const ROSTER_SORTS = ['name', 'status', 'followers', 'last_collab', 'total_paid', 'on_time', 'added'] as const
export type RosterSort = (typeof ROSTER_SORTS)[number]
/** The direction a column sorts in when first clicked (biggest/most recent first for numbers and dates). */
export const ROSTER_SORT_DEFAULT_DIR: Record<RosterSort, 'asc' | 'desc'> = {
  name: 'asc',
  status: 'asc',
  followers: 'desc',
  last_collab: 'desc',
  total_paid: 'desc',
  on_time: 'desc',
  added: 'desc',
}

export const ROSTER_PAGE_SIZE = 20

/** Where a page starts: after (or, going back, before) the row with this sort value and creator id. */
export interface RosterCursor {
  /** The sort value of the boundary row, as text (the database casts it back). */
  v: string
  /** The boundary row's creator id (the tie-breaker). */
  id: string
  /** 'next': rows after the boundary; 'prev': rows before it. */
  d: 'next' | 'prev'
}

export function encodeCursor(c: RosterCursor): string {
  return Buffer.from(JSON.stringify([c.v, c.id, c.d === 'prev' ? 1 : 0]), 'utf8').toString('base64url')
}

/** The cursor in a URL, or null when it is missing or not one of ours (a tampered cursor starts at page 1). */
export function decodeCursor(raw: string | null | undefined): RosterCursor | null {
  if (!raw || raw.length > 400) return null
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
    if (!Array.isArray(parsed) || parsed.length !== 3) return null
    const [v, id, d] = parsed
    if (typeof v !== 'string' || typeof id !== 'string' || v.length > 300 || id.length === 0 || id.length > 64) return null
    if (d !== 0 && d !== 1) return null
    return { v, id, d: d === 1 ? 'prev' : 'next' }
  } catch {
    return null
  }
}

// ---------------------------------------------------------------- rising creators

/** A growth figure older than this (latest snapshot) is not evidence of rising now. */
export const RISING_MAX_AGE_DAYS = 45

/**
 * The 90-day growth (basis points: 2000 = +20%) an account must reach to count as rising. Relative to
 * size: small accounts swing easily, so they need more; +8% on a 700K account is a lot of people.
 */
export const RISING_MIN_GROWTH_BP: Record<Tier, number> = {
  emerging: 5000,
  nano: 3000,
  micro: 2000,
  mid: 1500,
  macro: 1000,
  mega: 800,
}

/** Whether an account with this follower count and 90-day growth (basis points) is rising. */
export function isRising(followers: number, growthBp: number | null | undefined): boolean {
  if (growthBp === null || growthBp === undefined) return false
  const tier = tierFor(Math.max(0, Math.round(followers)))
  return tier !== null && growthBp >= RISING_MIN_GROWTH_BP[tier]
}

/** "+25.0%" from basis points. */
export function formatGrowth(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—'
  const pct = bp / 100
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${Math.abs(pct).toFixed(1)}%`
}

// ---------------------------------------------------------------- fee guidance

/** The median of the values (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (xs.length === 0) return null
  const mid = Math.floor(xs.length / 2)
  return xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2
}

/**
 * How many deliverables an offer's fee buys: the sum of every line's quantity (a line without a format
 * is an empty row of the form and buys nothing). Fee guidance compares fee ÷ this with the median fee
 * per deliverable — like with like (a $2,500 offer for two posts is $1,250 a post).
 */
export function deliverablesBought(lines: readonly { format: string | null | undefined; quantity: number | null | undefined }[]): number {
  return lines.reduce((n, l) => (l.format ? n + Math.max(1, Math.floor(l.quantity ?? 1)) : n), 0)
}

/** A proposed fee this many times the median (or less than the median divided by it) is "far outside". */
export const FEE_FAR_OUTSIDE_FACTOR = 2
/** Fewer comparable collaborations than this is not a history to warn from. */
export const FEE_MIN_COMPARABLES = 2

export type FeeVerdict = 'far_above' | 'far_below' | 'within' | 'no_history'

/** Where a proposed per-deliverable fee sits against the brand's median for similar work. */
export function feeVerdict(proposedMinor: number, medianMinor: number | null, comparables: number): FeeVerdict {
  if (medianMinor === null || medianMinor <= 0 || comparables < FEE_MIN_COMPARABLES) return 'no_history'
  if (proposedMinor > medianMinor * FEE_FAR_OUTSIDE_FACTOR) return 'far_above'
  if (proposedMinor * FEE_FAR_OUTSIDE_FACTOR < medianMinor) return 'far_below'
  return 'within'
}

// ---------------------------------------------------------------- follower-count sanity flags

export interface FollowerSnapshotPoint {
  capturedAt: Date
  followers: number
}
export interface EngagementPoint {
  /** When the post went live. */
  at: Date
  /** Engagements on its latest metric snapshot. */
  engagements: number
}

export type SanityFlagKind = 'jump_flat_engagement' | 'jump_unverified' | 'sudden_drop'
export interface SanityFlag {
  kind: SanityFlagKind
  from: FollowerSnapshotPoint
  to: FollowerSnapshotPoint
  /** The change between the two snapshots, in basis points. */
  changeBp: number
  message: string
}

/** A gain of at least this much (basis points) between two snapshots at most JUMP_MAX_DAYS apart is a jump. */
export const JUMP_MIN_BP = 3000
export const JUMP_MIN_FOLLOWERS = 1000
export const JUMP_MAX_DAYS = 31
/** Engagement "flat": average engagements per post after the jump under this share of before × (1 + growth/2). */
export const DROP_MIN_BP = 2000

const DAY_MS = 86_400_000
const nf = new Intl.NumberFormat('en-US')

/**
 * Flags for vetting one account: a sudden jump in followers (≥ +30% and ≥ 1,000 within 31 days) whose
 * posts' engagement did not grow with it (bought followers look like this), a jump we cannot check
 * because there are no posts on both sides, and a sudden drop (≥ −20% within 31 days: a purge of fake
 * followers). Engagement is "flat" when the average per post after the jump is below the average before
 * it scaled by half the follower growth (real audiences engage; a 50% jump should lift engagement ≥ 25%).
 */
export function followerSanityFlags(snapshots: readonly FollowerSnapshotPoint[], posts: readonly EngagementPoint[]): SanityFlag[] {
  const snaps = [...snapshots].sort((a, b) => a.capturedAt.getTime() - b.capturedAt.getTime())
  const flags: SanityFlag[] = []
  for (let i = 1; i < snaps.length; i++) {
    const a = snaps[i - 1]!
    const b = snaps[i]!
    const days = (b.capturedAt.getTime() - a.capturedAt.getTime()) / DAY_MS
    if (days > JUMP_MAX_DAYS || a.followers <= 0) continue
    const changeBp = Math.round((10000 * (b.followers - a.followers)) / a.followers)
    if (changeBp >= JUMP_MIN_BP && b.followers - a.followers >= JUMP_MIN_FOLLOWERS) {
      const before = posts.filter((p) => p.at.getTime() < a.capturedAt.getTime())
      const after = posts.filter((p) => p.at.getTime() >= b.capturedAt.getTime())
      const gain = `${nf.format(a.followers)} → ${nf.format(b.followers)} followers in ${Math.max(1, Math.round(days))} days`
      if (before.length === 0 || after.length === 0) {
        flags.push({ kind: 'jump_unverified', from: a, to: b, changeBp, message: `Sudden jump: ${gain}. No posts on both sides of it to check engagement against.` })
        continue
      }
      const avg = (xs: EngagementPoint[]) => xs.reduce((s, p) => s + p.engagements, 0) / xs.length
      const expected = avg(before) * (1 + changeBp / 20000)
      if (avg(after) < expected) {
        flags.push({
          kind: 'jump_flat_engagement',
          from: a,
          to: b,
          changeBp,
          message: `Sudden jump with flat engagement: ${gain}, but posts after it average ${nf.format(Math.round(avg(after)))} engagements against ${nf.format(Math.round(avg(before)))} before.`,
        })
      }
    } else if (changeBp <= -DROP_MIN_BP) {
      flags.push({
        kind: 'sudden_drop',
        from: a,
        to: b,
        changeBp,
        message: `Sudden drop: ${nf.format(a.followers)} → ${nf.format(b.followers)} followers in ${Math.max(1, Math.round(days))} days (often a platform removing fake followers).`,
      })
    }
  }
  return flags
}

// ---------------------------------------------------------------- CSV import layout

export const ROSTER_CSV_COLUMNS = [
  { column: 'name', required: true, meaning: 'The creator’s name.' },
  { column: 'email', required: true, meaning: 'Their contact email: one creator per email (rows with the same email are one creator with several accounts).' },
  { column: 'platform', required: false, meaning: 'instagram, tiktok, youtube, facebook or pinterest (needed with a handle).' },
  { column: 'handle', required: false, meaning: 'The handle on that platform, with or without @.' },
  { column: 'followers', required: false, meaning: 'Follower count today, a whole number (recorded as a dated snapshot for new accounts).' },
  { column: 'tags', required: false, meaning: 'Your tags, separated by commas or semicolons, e.g. "running; trail".' },
] as const
export const ROSTER_CSV_EXAMPLE = 'name,email,platform,handle,followers,tags\nRiley Park,riley@example.com,tiktok,rileyruns,48200,"running;trail"\n'

export type ImportOutcome = 'new' | 'on_roster' | 'same_creator'
