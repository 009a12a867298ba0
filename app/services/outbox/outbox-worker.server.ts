import { config } from '#app/config.server.ts'
import { db } from '#app/db.server.ts'
import { deliverOutboxBatch } from './deliver-outbox.server.ts'
import { createMailTransport } from './mail-transport.server.ts'
import { processOfferDeadlines } from '#app/services/offers/process-offer-deadlines.server.ts'

/** Periodic jobs run by the worker loop about once a minute (each must be idempotent). */
const PERIODIC_JOBS: { name: string; everyMs: number; run: () => Promise<unknown> }[] = [
  { name: 'offer-deadlines', everyMs: 60_000, run: () => processOfferDeadlines(db()) },
]
import { processAuthMailRequests } from '#app/services/auth/auth-mail-queue.server.ts'
import { maybeSendDailyReminders } from '#app/services/reminders/reminder-hook.server.ts'

const g = globalThis as unknown as { __greenroomOutbox?: { stop: () => void } }

/** Starts the in-process outbox worker once per process (safe across `remix dev` rebuilds). */
export function startOutboxWorker() {
  if (g.__greenroomOutbox) return g.__greenroomOutbox
  const c = config()
  const transport = createMailTransport()
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  const lastRun = new Map<string, number>()
  const tick = async () => {
    if (stopped) return
    for (const job of PERIODIC_JOBS) {
      if (Date.now() - (lastRun.get(job.name) ?? 0) < job.everyMs) continue
      lastRun.set(job.name, Date.now())
      try {
        await job.run()
      } catch (error) {
        console.error(`[outbox] periodic job ${job.name} failed`, error)
      }
    }
    try {
      // Daily reminders (at most hourly per process; outbox dedupe keys make it once a day per person).
      await maybeSendDailyReminders(db(), new Date())
    } catch (error) {
      console.error('[reminders] failed', error)
    }
    try {
      // Password-reset and sign-in-link requests queued by the web (same work for any email).
      for (let i = 0; i < 10; i++) if ((await processAuthMailRequests(db())) === 0) break
    } catch (error) {
      console.error('[auth-mail] failed', error)
    }
    try {
      // Drain while there is work, then wait for the next poll.
      for (let i = 0; i < 50; i++) {
        const { sent, failed } = await deliverOutboxBatch(db(), transport, { from: c.MAIL_FROM })
        if (sent + failed === 0) break
      }
    } catch (error) {
      console.error('[outbox] delivery loop failed', error)
    }
    if (!stopped) timer = setTimeout(tick, c.OUTBOX_POLL_MS)
  }
  timer = setTimeout(tick, 100)
  g.__greenroomOutbox = {
    stop: () => {
      stopped = true
      if (timer) clearTimeout(timer)
      g.__greenroomOutbox = undefined
    },
  }
  return g.__greenroomOutbox
}
