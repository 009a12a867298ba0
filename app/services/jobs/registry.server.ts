/**
 * Every job definition and recurring schedule, imported once so any process that runs jobs knows them
 * all (a process only claims jobs whose definition it has). Add yours here: a file that calls
 * defineJob (and scheduleRecurring if it repeats), imported below.
 */
import '#app/services/outbox/deliver-outbox-job.server.ts'
import '#app/services/offers/offer-deadlines-job.server.ts'
import '#app/services/reminders/daily-reminders-job.server.ts'

export { jobDefinitions, recurringSchedules } from './define-job.server.ts'
