import type { Db } from '#db/index.ts'
import { sendDailyReminders } from './send-daily-reminders.server.ts'

const g = globalThis as unknown as { __greenroomReminderAt?: number }
const EVERY_MS = 60 * 60 * 1000

/**
 * Called from the outbox worker loop on every tick: runs the daily reminders at most once an hour in
 * this process. Safe with several processes: the outbox dedupe key sends one email per person per day.
 */
export async function maybeSendDailyReminders(database: Db, now = new Date()) {
  if (process.env.GREENROOM_REMINDERS === '0') return
  if (g.__greenroomReminderAt && now.getTime() - g.__greenroomReminderAt < EVERY_MS) return
  g.__greenroomReminderAt = now.getTime()
  await sendDailyReminders(database, now)
}
