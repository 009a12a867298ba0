import { config } from '#app/config.server.ts'
import { db } from '#app/db.server.ts'
import { defineJob, scheduleRecurring } from '#app/services/jobs/define-job.server.ts'
import { sendDailyReminders } from './send-daily-reminders.server.ts'

/**
 * The daily reminder emails, tried every hour by whichever process claims the row; the outbox dedupe
 * key 'reminder:<who>:<day>' makes it one email per person per day. GREENROOM_REMINDERS=0 turns it off.
 */
export const dailyRemindersJob = defineJob({
  name: 'reminders.daily',
  label: 'Daily reminder emails',
  maxAttempts: 3,
  backoffMs: 60_000,
  run: async (_payload, ctx) => {
    if (!config().GREENROOM_REMINDERS) return { queued: 0, off: true }
    return sendDailyReminders(db(), ctx.now)
  },
})

scheduleRecurring(dailyRemindersJob, { everyMs: 60 * 60_000, key: 'recurring:reminders.daily' })
