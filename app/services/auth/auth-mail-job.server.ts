import { config } from '#app/config.server.ts'
import { db } from '#app/db.server.ts'
import { defineJob, scheduleRecurring } from '#app/services/jobs/define-job.server.ts'
import { processAuthMailRequests } from './auth-mail-queue.server.ts'

/**
 * Password-reset and sign-in-link requests (auth_mail_requests, queued as typed by the web request):
 * every OUTBOX_POLL_MS one process looks the emails up and queues the messages for accounts that exist.
 */
export const authMailJob = defineJob({
  name: 'auth.mail-requests',
  label: 'Send sign-in and reset links',
  maxAttempts: 3,
  backoffMs: 1000,
  run: async () => {
    let processed = 0
    for (let i = 0; i < 20; i++) {
      const n = await processAuthMailRequests(db())
      processed += n
      if (n === 0) break
    }
    return { processed }
  },
})

scheduleRecurring(authMailJob, { everyMs: () => config().OUTBOX_POLL_MS, key: 'recurring:auth.mail-requests' })
