import { and, eq, inArray, like } from 'drizzle-orm'
import { readdir } from 'node:fs/promises'
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { InvitationEmail } from '#emails/invitation.tsx'
import { config, setConfig } from '#app/config.server.ts'
import { db } from '#app/db.server.ts'
import { defineJob } from '#app/services/jobs/define-job.server.ts'
import { enqueueJob } from '#app/services/jobs/enqueue-job.server.ts'
import { startJobWorker } from '#app/services/jobs/job-worker.server.ts'
import { JOBS, knownJobNames } from '#app/services/jobs/registry.server.ts'
import { recurringSchedules } from '#app/services/jobs/define-job.server.ts'
import { ensureRecurringJobs } from '#app/services/jobs/run-jobs.server.ts'
import { deliverOutboxJob } from '#app/services/outbox/deliver-outbox-job.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { pruneJobsJob } from '#app/services/jobs/prune-jobs-job.server.ts'
import { dailyRemindersJob } from '#app/services/reminders/daily-reminders-job.server.ts'
import { uid } from '#tests/factories.ts'

const ctx = (now = new Date()) => ({ jobId: 'test', attempt: 1, now })

describe('scheduled work on the job runner', () => {
  it('the registry schedules outbox delivery, offer deadlines and reminders, one row each however often it starts', async () => {
    expect(knownJobNames()).toEqual(expect.arrayContaining(['outbox.deliver', 'offers.deadlines', 'reminders.daily', 'jobs.prune']))
    // Two processes starting at once.
    await Promise.all([ensureRecurringJobs(db(), new Date()), ensureRecurringJobs(db(), new Date())])
    await ensureRecurringJobs(db(), new Date())
    const rows = await db().select().from(schema.jobs).where(like(schema.jobs.key, 'recurring:%'))
    const byKey = Object.fromEntries(rows.filter((r) => ['outbox.deliver', 'offers.deadlines', 'reminders.daily', 'jobs.prune'].includes(r.name)).map((r) => [r.key, r.everyMs]))
    expect(byKey).toEqual({
      'recurring:outbox.deliver': config().OUTBOX_POLL_MS,
      'recurring:jobs.prune': 86_400_000,
      'recurring:offers.deadlines': 60_000,
      'recurring:reminders.daily': 3_600_000,
    })
  })

  it('every recurring schedule belongs to a job listed in JOBS (the build keeps only what the registry references)', () => {
    const listed = new Set(JOBS)
    expect(recurringSchedules.size).toBeGreaterThan(0)
    for (const s of recurringSchedules.values()) expect(listed.has(s.job)).toBe(true)
  })

  it('outbox.deliver sends the queued emails (to the mail folder without SMTP) and marks them sent', async () => {
    const template = `test-jobs-${uid()}`
    for (const i of [1, 2]) {
      await enqueueEmail(db(), {
        template,
        to: [`${template}-${i}@jobs.test`],
        subject: `Job mail ${i}`,
        element: createElement(InvitationEmail, { inviterName: 'Jobs', purpose: 'a job test', url: 'http://greenroom.test/x', expiresInDays: 7 }),
      })
    }
    const result = await deliverOutboxJob.run({ onlyTemplate: template }, ctx())
    expect(result).toEqual({ sent: 2, failed: 0 })
    const rows = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.template, template))
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent'])
    const files = await readdir(config().MAIL_DIR)
    for (const r of rows) expect(files.some((f) => f.endsWith(`-${r.id}.eml`))).toBe(true)
  })

  it('jobs.prune deletes finished one-off jobs older than 30 days and keeps the rest', async () => {
    const now = new Date()
    const day = 86_400_000
    const row = (status: 'done' | 'dead', finishedDaysAgo: number, everyMs: number | null = null) => ({
      name: `t.prune-${uid()}`,
      payload: {},
      status,
      maxAttempts: 3,
      leaseMs: 60_000,
      everyMs,
      finishedAt: new Date(now.getTime() - finishedDaysAgo * day),
    })
    const rows = await db()
      .insert(schema.jobs)
      .values([row('done', 31), row('done', 29), row('dead', 90), row('done', 31, 60_000)])
      .returning({ id: schema.jobs.id })
    const ids = rows.map((r) => r.id)
    const result = (await pruneJobsJob.run(undefined, ctx(now))) as { deleted: number }
    expect(result.deleted).toBeGreaterThanOrEqual(1)
    const left = await db().select({ id: schema.jobs.id }).from(schema.jobs).where(inArray(schema.jobs.id, ids))
    expect(left.map((r) => r.id).sort()).toEqual(ids.slice(1).sort())
  })

  it('reminders.daily does nothing when GREENROOM_REMINDERS is off', async () => {
    const before = config().GREENROOM_REMINDERS
    setConfig({ GREENROOM_REMINDERS: false })
    try {
      expect(await dailyRemindersJob.run(undefined, ctx())).toEqual({ queued: 0, off: true })
    } finally {
      setConfig({ GREENROOM_REMINDERS: before })
    }
  })

  it('the worker loop runs queued jobs in the background, two lanes, each job once', async () => {
    const ran: number[] = []
    const job = defineJob<{ i: number }>({ name: `t.worker-${uid()}`, run: (p) => void ran.push(p.i) })
    const ids: string[] = []
    for (let i = 0; i < 6; i++) ids.push((await enqueueJob(db(), job, { i })).id)
    const worker = startJobWorker({ concurrency: 2, pollMs: 50, names: [job.name] })
    try {
      for (let waited = 0; waited < 10_000 && ran.length < 6; waited += 50) await new Promise((r) => setTimeout(r, 50))
    } finally {
      await worker.stop()
    }
    expect(ran.sort()).toEqual([0, 1, 2, 3, 4, 5])
    const rows = await db().select().from(schema.jobs).where(and(inArray(schema.jobs.id, ids), eq(schema.jobs.status, 'done')))
    expect(rows).toHaveLength(6)
  })
})
