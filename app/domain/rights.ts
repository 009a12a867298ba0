/**
 * Usage-rights dates (pure). A licence of N months starting on day S runs through the day before S's
 * N-month anniversary, inclusive, in the brand's time zone: it is usable until the end of its last day
 * (23:59:59.999 there) and expired from the next midnight there. When the anniversary day does not exist
 * (31 August + 6 months, 29 February + 12 months) the anniversary is the first day of the next month, so the
 * licence ends on the last day of the short month (28 or 29 February, by the calendar of that year).
 */
import type { AdsPermissionKind } from './contracts.ts'
import { keptFormat } from './intl-formats.ts'

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/

function parts(day: string): [number, number, number] {
  const m = ISO.exec(day)
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): "${day}"`)
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  const check = new Date(Date.UTC(y, mo - 1, d))
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) throw new RangeError(`Not a calendar date: "${day}"`)
  return [y, mo, d]
}

const iso = (d: Date) => d.toISOString().slice(0, 10)

export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day)
  return iso(new Date(Date.UTC(y, m - 1, d + n)))
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  const [y1, m1, d1] = parts(a)
  const [y2, m2, d2] = parts(b)
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000)
}

/** The N-month anniversary of a day; a day that does not exist in the target month rolls to the 1st of the next. */
export function anniversary(day: string, months: number): string {
  if (!Number.isSafeInteger(months) || months < 0) throw new RangeError(`months must be a whole number ≥ 0, got ${months}`)
  const [y, m, d] = parts(day)
  const first = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastOfMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  if (d <= lastOfMonth) return iso(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), d)))
  return iso(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1)))
}

/** The last day (inclusive) of a licence of `months` starting on `startsOn`. */
export function licenceEndsOn(startsOn: string, months: number): string {
  if (months < 1) throw new RangeError('A dated licence lasts at least one month.')
  return addDays(anniversary(startsOn, months), -1)
}

// Formatters per time zone, built once (the rights ledger works out dates for every row).
const dayFormats = new Map<string, Intl.DateTimeFormat>()
const offsetFormats = new Map<string, Intl.DateTimeFormat>()

/** The calendar day of an instant in a time zone, 'YYYY-MM-DD'. */
export function dayIn(timeZone: string, at: Date): string {
  const f = keptFormat(dayFormats, timeZone, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }))
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day}`
}

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMinutes(timeZone: string, at: Date): number {
  const f = keptFormat(offsetFormats, timeZone, () =>
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  )
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]))
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!)
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000)
}

/** The instant a day begins in a time zone (00:00 there; DST-safe). */
export function startOfDayIn(timeZone: string, day: string): Date {
  const [y, m, d] = parts(day)
  const guess = Date.UTC(y, m - 1, d)
  let t = guess - offsetMinutes(timeZone, new Date(guess)) * 60_000
  t = guess - offsetMinutes(timeZone, new Date(t)) * 60_000
  return new Date(t)
}

/** The first instant the licence no longer covers: midnight after its last day, in its time zone. */
export function licenceExpiresAt(endsOn: string, timeZone: string): Date {
  return startOfDayIn(timeZone, addDays(endsOn, 1))
}

export const RIGHTS_ENDING_WINDOW_DAYS = 30
export const RIGHTS_REMINDER_DAYS = [30, 7] as const

export const RIGHTS_STATUSES = ['upcoming', 'active', 'ending', 'expired', 'perpetual'] as const
export type RightsStatus = (typeof RIGHTS_STATUSES)[number]
/** The ledger's order of statuses: what needs acting on first, what is over last. */
export const RIGHTS_LEDGER_ORDER = ['ending', 'active', 'upcoming', 'perpetual', 'expired'] as const satisfies readonly RightsStatus[]
export const RIGHTS_STATUS_LABEL: Record<RightsStatus, string> = {
  upcoming: 'Not started',
  active: 'Active',
  ending: 'Ending within 30 days',
  expired: 'Expired',
  perpetual: 'Perpetual',
}

export interface RightsDates {
  startsOn: string
  endsOn: string | null
  perpetual: boolean
  timeZone: string
}

/** The licence's state at `now`, and the days left counting today (1 on the last day). */
export function rightsStatus(r: RightsDates, now: Date): { status: RightsStatus; daysLeft: number | null } {
  const today = dayIn(r.timeZone, now)
  if (daysBetween(r.startsOn, today) < 0) return { status: 'upcoming', daysLeft: r.endsOn ? daysBetween(today, r.endsOn) + 1 : null }
  if (r.perpetual || !r.endsOn) return { status: 'perpetual', daysLeft: null }
  if (now.getTime() >= licenceExpiresAt(r.endsOn, r.timeZone).getTime()) return { status: 'expired', daysLeft: 0 }
  const daysLeft = daysBetween(today, r.endsOn) + 1
  return { status: daysLeft <= RIGHTS_ENDING_WINDOW_DAYS ? 'ending' : 'active', daysLeft }
}

/** The reminder thresholds due at `now` (days left ≤ threshold, licence not yet ended), largest first. */
export function dueReminders(r: RightsDates, now: Date): number[] {
  const s = rightsStatus(r, now)
  if (s.daysLeft === null || s.status === 'expired' || s.status === 'upcoming') return []
  return RIGHTS_REMINDER_DAYS.filter((t) => s.daysLeft! <= t)
}

/** An ads permission that keeps working after the licence ends (or has no end while the licence does). */
export function adsOutlivesLicence(p: { kind: AdsPermissionKind; expiresOn: string | null; revokedAt?: Date | string | null }, r: RightsDates): boolean {
  if (p.revokedAt) return false
  if (r.perpetual || !r.endsOn) return false
  if (!p.expiresOn) return true
  return daysBetween(r.endsOn, p.expiresOn) > 0
}

const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
/** "30 Jun 2026" for a YYYY-MM-DD day (read as a calendar day, never shifted by a time zone). */
export function shortDay(day: string): string {
  return SHORT_DAY.format(new Date(`${day}T00:00:00Z`))
}

/**
 * Why an ads permission outlives the licence, for the ledger: "Spark code valid until 30 Jun 2026,
 * licence ends 31 May 2026". Null when it does not outlive it (see adsOutlivesLicence).
 */
export function adsOutlivesMessage(p: { kind: AdsPermissionKind; expiresOn: string | null; revokedAt?: Date | string | null }, r: RightsDates): string | null {
  if (!adsOutlivesLicence(p, r) || !r.endsOn) return null
  const what = p.kind === 'tiktok_spark' ? 'Spark code' : 'Instagram partnership-ad permission'
  const until = p.expiresOn ? `valid until ${shortDay(p.expiresOn)}` : 'has no expiry'
  return `${what} ${until}, licence ends ${shortDay(r.endsOn)}`
}
