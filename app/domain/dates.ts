/**
 * Date arithmetic for due dates, payment terms and aging. Pure (no I/O).
 *
 * Everything is in UTC calendar days: a Date stands for the UTC day that contains it, "today" is the UTC
 * day of `now`, business days are Monday–Friday in UTC, and there is no holiday calendar. Date-only
 * values ('YYYY-MM-DD', as stored in date columns) are accepted where noted and mean that UTC day.
 * Invalid dates and non-integer day counts throw RangeError.
 */

export const DAY_MS = 86_400_000
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

function assertDate(d: Date, what = 'date'): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${what} is not a valid date`)
}
function assertInt(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`)
}

/** 'YYYY-MM-DD' -> that day at 00:00 UTC. Throws on anything else (including 2026-02-30). */
export function fromIsoDay(s: string): Date {
  const m = ISO_DAY.exec(s)
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): "${s}"`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) throw new RangeError(`Not a calendar date: "${s}"`)
  return date
}

/** The years a typed day may have: 1900–9999 (four digits, after any date the app could mean). */
export const MIN_DAY_YEAR = 1900
export const MAX_DAY_YEAR = 9999

export type IsoDayProblem = 'shape' | 'month' | 'day' | 'year'

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/**
 * Why `s` is not a day: 'shape' (not exactly YYYY-MM-DD, ASCII digits, nothing before or after),
 * 'year' (outside 1900–9999), 'month' (not 01–12), 'day' (not in that month: 2026-02-30, 2026-04-31);
 * null when it is a day. The one check behind parseIsoDayOrNull and the isoDay() form field.
 */
export function isoDayProblem(s: unknown): IsoDayProblem | null {
  if (typeof s !== 'string') return 'shape'
  const m = ISO_DAY.exec(s)
  if (!m) return 'shape'
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12) return 'month'
  if (y < MIN_DAY_YEAR || y > MAX_DAY_YEAR) return 'year'
  const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  if (d < 1 || d > lastDay) return 'day'
  return null
}

/**
 * The one parser for a day typed into a form or a query: 'YYYY-MM-DD' of a day that exists, in the years
 * 1900–9999, returned unchanged; null for anything else (2026-02-30, 0000-01-01, 2026-13-01, trailing
 * text, other separators). Never moves a day to another one.
 */
export function parseIsoDayOrNull(s: unknown): string | null {
  return isoDayProblem(s) === null ? (s as string) : null
}

/** A sentence for a field holding `s`, which isoDayProblem refused. */
export function isoDayMessage(s: string, problem: IsoDayProblem): string {
  const m = ISO_DAY.exec(s)
  if (problem === 'month' && m) return `There is no month ${Number(m[2])}: use a date like 2026-12-31.`
  if (problem === 'year') return `Use a year between ${MIN_DAY_YEAR} and ${MAX_DAY_YEAR}.`
  if (problem === 'day' && m) return `There is no ${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}: pick a day that exists.`
  return 'Use a date like 2026-12-31.'
}

/** A moment on a day: 'YYYY-MM-DD' at 00:00 UTC plus `ms` (12 h = noon, DAY_MS - 1 = its last millisecond). Throws like fromIsoDay. */
export function atOnIsoDay(day: string, ms: number): Date {
  return new Date(fromIsoDay(day).getTime() + ms)
}

/** The UTC day of a Date as 'YYYY-MM-DD'. */
export function toIsoDay(d: Date): string {
  assertDate(d)
  return d.toISOString().slice(0, 10)
}

function toDate(v: Date | string, what: string): Date {
  if (typeof v === 'string') return fromIsoDay(v)
  assertDate(v, what)
  return v
}

/** 00:00 UTC of the UTC day containing `d`. */
export function startOfUtcDay(d: Date): Date {
  assertDate(d)
  return new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS)
}

/** Days since 1970-01-01 of the UTC day containing `d`. */
function dayNumber(d: Date): number {
  return Math.floor(d.getTime() / DAY_MS)
}

/** Whole UTC calendar days from `from` to `to` (the time of day is ignored); negative when `to` is earlier. */
export function calendarDaysBetween(from: Date | string, to: Date | string): number {
  return dayNumber(toDate(to, 'to')) - dayNumber(toDate(from, 'from'))
}

/** `d` plus `n` calendar days (n may be negative); the time of day is kept. */
export function addDays(d: Date, n: number): Date {
  assertDate(d)
  assertInt(n, 'days')
  return new Date(d.getTime() + n * DAY_MS)
}

const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6

/**
 * `d` plus `n` business days (Mon–Fri, UTC); n may be negative; the time of day is kept.
 * Each step moves to the next (previous) weekday, so Friday + 1 = Monday and Saturday + 1 = Monday;
 * n = 0 returns `d` unchanged, even on a weekend.
 */
export function addBusinessDays(d: Date, n: number): Date {
  assertDate(d)
  assertInt(n, 'business days')
  const step = n < 0 ? -1 : 1
  let left = Math.abs(n)
  // Whole weeks first when starting on a weekday (5 business days = 7 calendar days from a weekday).
  let t = d.getTime()
  if (!isWeekend(d) && left > 5) {
    const weeks = Math.floor((left - 1) / 5)
    t += step * weeks * 7 * DAY_MS
    left -= weeks * 5
  }
  const cur = new Date(t)
  while (left > 0) {
    cur.setTime(cur.getTime() + step * DAY_MS)
    if (!isWeekend(cur)) left--
  }
  return cur
}

/** Weekdays (Mon–Fri) among UTC days 0..n counted from the Monday 1970-01-05, as a cumulative count. */
function weekdaysThrough(day: number): number {
  const k = day - 4 // 1970-01-05 (day 4) is a Monday
  const weeks = Math.floor(k / 7)
  const rem = k - weeks * 7 // 0 = Monday … 6 = Sunday
  return weeks * 5 + Math.min(rem + 1, 5)
}

/**
 * Business days (Mon–Fri, UTC) after `start`'s day up to and including `end`'s day; when end is before
 * start, minus the business days after end up to and including start. It is the inverse of
 * addBusinessDays (businessDaysBetween(d, addBusinessDays(d, n)) === n) from any weekday, and from a
 * weekend day for n >= 0. Examples: Fri -> next Mon = 1, Sat -> Mon = 1, Mon -> Mon a week later = 5,
 * same day = 0, Sat -> Sun = 0, Mon -> previous Fri = -1.
 */
export function businessDaysBetween(start: Date | string, end: Date | string): number {
  const a = dayNumber(toDate(start, 'start'))
  const b = dayNumber(toDate(end, 'end'))
  return weekdaysThrough(b) - weekdaysThrough(a)
}

/**
 * The due day of payment terms "Net N": N calendar days after the UTC day of the start event (post
 * verified, draft approved or invoice received), returned as 00:00 UTC of that day. Net 0 = same day.
 * Example: verified 2026-03-10 14:00 UTC, Net 30 -> 2026-04-09.
 */
export function dueDateFromTerms(startEvent: Date, netDays: number): Date {
  assertDate(startEvent, 'start event')
  assertInt(netDays, 'net days')
  if (netDays < 0) throw new RangeError(`net days must not be negative, got ${netDays}`)
  return addDays(startOfUtcDay(startEvent), netDays)
}

export type DueTone = 'late' | 'soon' | 'ok'
export interface RelativeDue {
  text: string
  tone: DueTone
  /** UTC calendar days from today to the due day; negative when late. */
  days: number
}

/**
 * "due today", "due tomorrow", "due in 3 days", "1 day late", "2 days late" — counted in UTC calendar days
 * between the due day and the day of `now`. Tone: late when past, soon when due today or tomorrow, else ok.
 * `due` may be a Date or a 'YYYY-MM-DD' day.
 */
export function relativeDue(due: Date | string, now: Date): RelativeDue {
  const days = calendarDaysBetween(now, due)
  if (days < 0) return { text: `${-days} ${days === -1 ? 'day' : 'days'} late`, tone: 'late', days }
  if (days === 0) return { text: 'due today', tone: 'soon', days }
  if (days === 1) return { text: 'due tomorrow', tone: 'soon', days }
  return { text: `due in ${days} days`, tone: 'ok', days }
}

export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const
export type AgingBucket = (typeof AGING_BUCKETS)[number]

/**
 * Accounts-payable aging by UTC calendar days past the due day: not yet late (due today or later) ->
 * 'current'; 1–30 days late -> '1-30'; 31–60; 61–90; 91 or more -> '90+'.
 */
export function agingBucket(due: Date | string, now: Date): AgingBucket {
  const late = calendarDaysBetween(due, now)
  return AGING_BUCKET_LIMITS.find((b) => late <= b.maxDaysLate)?.bucket ?? '90+'
}

/**
 * The aging buckets' upper limits in days late, in order (the last bucket, '90+', has none): the one
 * definition agingBucket and the payables desk's SQL totals (app/services/invoices/invoice-rules.server.ts) share.
 */
export const AGING_BUCKET_LIMITS: readonly { bucket: Exclude<AgingBucket, '90+'>; maxDaysLate: number }[] = [
  { bucket: 'current', maxDaysLate: 0 },
  { bucket: '1-30', maxDaysLate: 30 },
  { bucket: '31-60', maxDaysLate: 60 },
  { bucket: '61-90', maxDaysLate: 90 },
]
