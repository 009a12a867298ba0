import { defineJob, scheduleRecurring } from '#app/services/jobs/define-job.server.ts'
import { sendRightsReminders } from './send-rights-reminders.server.ts'

/**
 * Usage-rights reminders (issue #17): every hour, whichever process claims the row emails the brand's
 * managers 30 and 7 days before a licence ends (days counted in the licence's time zone). Each reminder
 * is sent once: the rights_reminders row (unique per item, threshold and end date) is written in the
 * same transaction as the outbox email (dedupe key rights-ending:<item>:<threshold>:<end>), so a second
 * run, a second process or a restart after a crash finds it and sends nothing.
 */
export const rightsRemindersJob = defineJob({
  name: 'rights.reminders',
  label: 'Usage-rights reminders (30 and 7 days before a licence ends)',
  maxAttempts: 5,
  backoffMs: 60_000,
  run: async (_payload, ctx) => sendRightsReminders(ctx.now),
})

scheduleRecurring(rightsRemindersJob, { everyMs: 60 * 60_000, key: 'recurring:rights.reminders' })
