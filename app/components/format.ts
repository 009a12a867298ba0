/**
 * Pure formatting helpers shared by the UI components (no React, no I/O): exact money, dates in UTC,
 * "due in 3 days" wording and status labels. Unit-tested in tests/unit/ui/money-format.test.ts.
 */

// ---------------------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------------------
import { currencyExponent, formatMoneyExact, toMinorBigInt, type MinorUnits } from '#app/domain/money.ts'
import { keptFormat } from '#app/domain/intl-formats.ts'

// Exact money formatting is a domain rule (app/domain/money.ts); re-exported for the components.
export { formatMoneyExact, toMinorBigInt, type MinorUnits }


/** Number of minor-unit digits of an ISO 4217 currency (USD 2, JPY 0, KWD 3); 2 when unknown or malformed. */
export function currencyDigits(currency: string): number {
  try {
    return currencyExponent(currency)
  } catch {
    return 2
  }
}

// ---------------------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const pad2 = (n: number) => String(n).padStart(2, '0')

/** A calendar date with no time ("2026-11-25"): shown as-is, never shifted into a time zone. */
export function isCalendarDate(value: string | Date): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
}

export function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value)
}

/** Stable, locale-independent UTC text: "Nov 25, 2026" or "Nov 25, 2026, 14:05 UTC". */
export function formatDateUTC(value: string | Date, dateOnly = false): string {
  const d = toDate(value)
  if (Number.isNaN(d.getTime())) return String(value)
  const date = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`
  if (dateOnly) return date
  return `${date}, ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} UTC`
}

/** Absolute ISO-like UTC text for hover titles: "2026-11-25 14:05 UTC" or "2026-11-25". */
export function formatIsoUTC(value: string | Date, dateOnly = false): string {
  if (isCalendarDate(value)) return value
  const d = toDate(value)
  if (Number.isNaN(d.getTime())) return String(value)
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
  return dateOnly ? `${date} (UTC)` : `${date} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())} UTC`
}

/** The viewer's time zone (browser only): "Nov 25, 2026" or "Nov 25, 2026, 9:05 AM EST". */
export function formatDateLocal(value: string | Date, dateOnly = false, timeZone?: string): string {
  if (isCalendarDate(value)) return formatDateUTC(value, true)
  const d = toDate(value)
  if (Number.isNaN(d.getTime())) return String(value)
  const f = keptFormat(localFormats, `${timeZone ?? ''}|${dateOnly ? 1 : 0}`, () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      ...(dateOnly ? {} : { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }),
    }),
  )
  return f.format(d)
}

/** One formatter per zone and shape: a list hydrates a <time> per row. */
const localFormats = new Map<string, Intl.DateTimeFormat>()

/** Days since 1970-01-01 of the UTC calendar day containing this instant (or this calendar date). */
export function utcDayNumber(value: string | Date): number {
  const d = toDate(value)
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 86_400_000)
}

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger'

export interface RelativeDueInfo {
  /** Whole UTC calendar days from `now` to `due`; negative when late. */
  days: number
  text: string
  tone: Tone
}

/** "due today", "due tomorrow", "due in 3 days", "1 day late", "2 days late" — counted in UTC calendar days. */
export function relativeDue(due: string | Date, now: Date = new Date()): RelativeDueInfo {
  const days = utcDayNumber(due) - utcDayNumber(now)
  if (days < 0) {
    const late = -days
    return { days, text: `${late} ${late === 1 ? 'day' : 'days'} late`, tone: 'danger' }
  }
  if (days === 0) return { days, text: 'due today', tone: 'warning' }
  if (days === 1) return { days, text: 'due tomorrow', tone: 'warning' }
  return { days, text: `due in ${days} days`, tone: 'neutral' }
}

// ---------------------------------------------------------------------------------------------------------
// Statuses
// ---------------------------------------------------------------------------------------------------------

/** "changes_requested" -> "Changes requested". */
export function humanizeStatus(status: string): string {
  const words = status.replace(/[_-]+/g, ' ').trim().toLowerCase()
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : status
}

const STATUS: Record<string, { tone: Tone; label?: string }> = {
  // campaigns
  draft: { tone: 'neutral' },
  active: { tone: 'success' },
  completed: { tone: 'info' },
  archived: { tone: 'neutral' },
  // offers / invitations / grants
  invited: { tone: 'info' },
  accepted: { tone: 'success' },
  declined: { tone: 'danger' },
  expired: { tone: 'warning' },
  withdrawn: { tone: 'neutral' },
  countered: { tone: 'warning' },
  cancelled: { tone: 'neutral' },
  revoked: { tone: 'neutral' },
  // deliverables
  pending: { tone: 'neutral' },
  draft_submitted: { tone: 'info', label: 'Draft submitted' },
  changes_requested: { tone: 'warning' },
  approved: { tone: 'success' },
  posted: { tone: 'info' },
  verified: { tone: 'success' },
  post_changes_requested: { tone: 'warning', label: 'Post changes requested' },
  waiting_review: { tone: 'info', label: 'Waiting for review' },
  // invoices
  submitted: { tone: 'info' },
  rejected: { tone: 'danger' },
  paid: { tone: 'success' },
  void: { tone: 'neutral' },
  // roster
  prospect: { tone: 'neutral' },
  paused: { tone: 'warning' },
  do_not_work: { tone: 'danger', label: 'Do not work with' },
}

/** Tone and human label of a workflow status; unknown statuses are neutral with the status humanized. */
export function statusInfo(status: string): { tone: Tone; label: string } {
  const known = Object.prototype.hasOwnProperty.call(STATUS, status) ? STATUS[status] : undefined
  return { tone: known?.tone ?? 'neutral', label: known?.label ?? humanizeStatus(status) }
}

