import { db } from '#app/db.server.ts'
import { defineJob, scheduleRecurring } from '#app/services/jobs/define-job.server.ts'
import { processOfferDeadlines } from './process-offer-deadlines.server.ts'

/** Offer expiry and the 48-hour reminder, once a minute (processOfferDeadlines is idempotent). */
export const offerDeadlinesJob = defineJob({
  name: 'offers.deadlines',
  label: 'Expire offers and send expiry reminders',
  maxAttempts: 3,
  backoffMs: 5_000,
  run: (_payload, ctx) => processOfferDeadlines(db(), ctx.now),
})

scheduleRecurring(offerDeadlinesJob, { everyMs: 60_000, key: 'recurring:offers.deadlines' })
