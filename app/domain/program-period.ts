/** The periods of the brand home's program numbers, and their date ranges (UTC days). Pure. */
import { addDays, toIsoDay } from './dates.ts'

export const PROGRAM_PERIODS = { '30d': 'Last 30 days', '90d': 'Last 90 days', ytd: 'This year' } as const
export type ProgramPeriod = keyof typeof PROGRAM_PERIODS

export function periodRange(period: ProgramPeriod, now = new Date()): { from: string; to: string } {
  const to = toIsoDay(now)
  if (period === 'ytd') return { from: `${now.getUTCFullYear()}-01-01`, to }
  return { from: toIsoDay(addDays(now, period === '30d' ? -30 : -90)), to }
}
