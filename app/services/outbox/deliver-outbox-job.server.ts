import { config } from '#app/config.server.ts'
import { db } from '#app/db.server.ts'
import { defineJob, scheduleRecurring } from '#app/services/jobs/define-job.server.ts'
import { deliverOutboxBatch } from './deliver-outbox.server.ts'
import { createMailTransport, type MailTransport } from './mail-transport.server.ts'

let transport: MailTransport | undefined

/**
 * Outbox delivery on the job runner: every OUTBOX_POLL_MS one process (whichever claims the recurring
 * row) drains the due emails. Each email keeps its own attempts, backoff and dead state on its outbox
 * row (claimed FOR UPDATE SKIP LOCKED too), so a failing address never holds up the others.
 */
export const deliverOutboxJob = defineJob<{ onlyTemplate?: string }>({
  name: 'outbox.deliver',
  label: 'Send queued emails',
  maxAttempts: 3,
  backoffMs: 1000,
  leaseMs: 10 * 60_000,
  run: async (payload) => {
    transport ??= createMailTransport()
    let sent = 0
    let failed = 0
    for (let i = 0; i < 50; i++) {
      const batch = await deliverOutboxBatch(db(), transport, { from: config().MAIL_FROM, ...(payload?.onlyTemplate ? { onlyTemplate: payload.onlyTemplate } : {}) })
      sent += batch.sent
      failed += batch.failed
      if (batch.sent + batch.failed === 0) break
    }
    return { sent, failed }
  },
})

scheduleRecurring(deliverOutboxJob, { everyMs: () => config().OUTBOX_POLL_MS, key: 'recurring:outbox.deliver' })
