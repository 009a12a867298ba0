import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq, inArray } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { openDatabase, schema, type Db } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { defineJob, scheduleRecurring } from '#app/services/jobs/define-job.server.ts'
import { enqueueJob } from '#app/services/jobs/enqueue-job.server.ts'
import { claimNextJob, runJobsUntilIdle } from '#app/services/jobs/run-jobs.server.ts'
import { uid } from '#tests/factories.ts'

// A minute ahead of the wall clock, so jobs queued "now" are due at T0.
const T0 = new Date(Math.ceil(Date.now() / 1000) * 1000 + 60_000)
const at = (ms: number) => new Date(T0.getTime() + ms)
const jobRow = async (id: string) => (await db().select().from(schema.jobs).where(eq(schema.jobs.id, id)))[0]!

describe('job runner', () => {
  it('runs a queued job once with its payload, inside the transaction that queued it', async () => {
    const seen: { n: number; attempt: number }[] = []
    const job = defineJob<{ n: number }>({ name: `t.once-${uid()}`, run: (p, ctx) => void seen.push({ n: p.n, attempt: ctx.attempt }) })
    const rolledBack = await db()
      .transaction(async (tx) => {
        await enqueueJob(tx, job, { n: 1 })
        throw new Error('rollback')
      })
      .catch(() => 'rolled back')
    expect(rolledBack).toBe('rolled back')
    const { id } = await db().transaction((tx) => enqueueJob(tx, job, { n: 2 }))
    const summary = await runJobsUntilIdle({ now: T0, only: [job] })
    expect(summary).toMatchObject({ ran: 1, done: 1, failed: 0, dead: 0 })
    expect(seen).toEqual([{ n: 2, attempt: 1 }])
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 1, lastError: null, lockedUntil: null })
    // Nothing left: a second pass runs nothing.
    expect((await runJobsUntilIdle({ now: at(60_000), only: [job] })).ran).toBe(0)
  })

  it('waits until runAt', async () => {
    const job = defineJob({ name: `t.later-${uid()}`, run: () => {} })
    await enqueueJob(db(), job, undefined, { runAt: at(10_000) })
    expect((await runJobsUntilIdle({ now: at(9_999), only: [job] })).ran).toBe(0)
    expect((await runJobsUntilIdle({ now: at(10_000), only: [job] })).done).toBe(1)
  })

  it('retries a failing job with exponential backoff, then succeeds', async () => {
    let calls = 0
    const job = defineJob({
      name: `t.flaky-${uid()}`,
      backoffMs: 1000,
      run: () => {
        calls++
        if (calls < 3) throw new Error(`smtp down #${calls}`)
      },
    })
    const { id } = await enqueueJob(db(), job, undefined)
    expect(await runJobsUntilIdle({ now: T0, only: [job] })).toMatchObject({ ran: 1, failed: 1 })
    // First failure: back off 1 s (base).
    expect(await jobRow(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'smtp down #1', runAt: at(1000) })
    expect((await runJobsUntilIdle({ now: at(999), only: [job] })).ran).toBe(0)
    expect(await runJobsUntilIdle({ now: at(1000), only: [job] })).toMatchObject({ ran: 1, failed: 1 })
    // Second failure: 2 s after the run that failed.
    expect(await jobRow(id)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'smtp down #2', runAt: at(3000) })
    expect(await runJobsUntilIdle({ now: at(3000), only: [job] })).toMatchObject({ ran: 1, done: 1 })
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 3, lastError: null })
    expect(calls).toBe(3)
  })

  it('dead-letters a job after maxAttempts, keeps the error and calls onDead once', async () => {
    const dead: string[] = []
    const job = defineJob<{ what: string }>({
      name: `t.doomed-${uid()}`,
      maxAttempts: 3,
      backoffMs: 10,
      run: () => {
        throw new Error('always broken')
      },
      onDead: (p, error) => void dead.push(`${p.what}: ${error}`),
    })
    const { id } = await enqueueJob(db(), job, { what: 'mail' })
    const outcomes: string[] = []
    for (const ms of [0, 1000, 2000, 3000, 4000]) {
      const s = await runJobsUntilIdle({ now: at(ms), only: [job] })
      outcomes.push(...s.runs.map((r) => r.outcome))
    }
    expect(outcomes).toEqual(['failed', 'failed', 'dead'])
    expect(await jobRow(id)).toMatchObject({ status: 'dead', attempts: 3, lastError: 'always broken' })
    expect(dead).toEqual(['mail: always broken'])
  })

  it('the same idempotency key queues one job, even after it ran', async () => {
    let runs = 0
    const job = defineJob({ name: `t.keyed-${uid()}`, run: () => void runs++ })
    const key = `k-${uid()}`
    const a = await enqueueJob(db(), job, undefined, { key })
    const b = await db().transaction((tx) => enqueueJob(tx, job, undefined, { key }))
    expect(a.created).toBe(true)
    expect(b).toEqual({ id: a.id, created: false })
    await runJobsUntilIdle({ now: T0, only: [job] })
    expect((await enqueueJob(db(), job, undefined, { key })).created).toBe(false)
    await runJobsUntilIdle({ now: at(60_000), only: [job] })
    expect(runs).toBe(1)
    expect(await db().select().from(schema.jobs).where(eq(schema.jobs.key, key))).toHaveLength(1)
  })

  it('carries the brand of the payload, or the one given', async () => {
    const job = defineJob<{ brandId?: string }>({ name: `t.brand-${uid()}`, run: () => {} })
    const a = await enqueueJob(db(), job, { brandId: 'brand-a' })
    const b = await enqueueJob(db(), job, {}, { brandId: 'brand-b' })
    const c = await enqueueJob(db(), job, {})
    expect([(await jobRow(a.id)).brandId, (await jobRow(b.id)).brandId, (await jobRow(c.id)).brandId]).toEqual(['brand-a', 'brand-b', null])
  })

  it('picks up a job again when the process running it died (lease expired)', async () => {
    const ran: number[] = []
    const job = defineJob({ name: `t.crash-${uid()}`, leaseMs: 60_000, run: (_p, ctx) => void ran.push(ctx.attempt) })
    const { id } = await enqueueJob(db(), job, undefined)
    // A process claims it and dies before finishing.
    const claimed = await claimNextJob(db(), T0, [job.name])
    expect(claimed?.id).toBe(id)
    expect(await jobRow(id)).toMatchObject({ status: 'running', attempts: 1, lockedUntil: at(60_000) })
    // Within the lease nobody else takes it.
    expect((await runJobsUntilIdle({ now: at(59_000), only: [job] })).ran).toBe(0)
    // After the lease it runs again (second attempt) and finishes.
    expect((await runJobsUntilIdle({ now: at(60_001), only: [job] })).done).toBe(1)
    expect(ran).toEqual([2])
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 2 })
  })

  it('a long job keeps its claim past the lease while it runs (heartbeat): nobody else takes it', async () => {
    let runs = 0
    let claimedBySomeoneElse = -1
    let id = ''
    const job = defineJob({
      name: `t.long-${uid()}`,
      leaseMs: 1000,
      run: async () => {
        runs++
        // Wait (for the condition, not a fixed time) until a heartbeat has moved the lease past the first one,
        // then try to claim the job as another runner would just after that first lease ran out.
        const first = (await jobRow(id)).lockedUntil!.getTime()
        const deadline = Date.now() + 15_000
        let renewed = first
        while (renewed <= first && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 50))
          renewed = (await jobRow(id)).lockedUntil!.getTime()
        }
        claimedBySomeoneElse = (await runJobsUntilIdle({ now: new Date(first + 1), only: [job] })).ran
      },
    })
    // Due a second ago by the app's clock (the database's now() has microseconds the JS clock lacks).
    ;({ id } = await enqueueJob(db(), job, undefined, { runAt: new Date(Date.now() - 1000) }))
    expect((await runJobsUntilIdle({ now: new Date(), only: [job] })).done).toBe(1)
    expect(claimedBySomeoneElse).toBe(0)
    expect(runs).toBe(1)
    expect(await jobRow(id)).toMatchObject({ status: 'done', attempts: 1 })
  })

  it('a job whose process died on its last attempt is dead-lettered, not run again', async () => {
    let runs = 0
    const job = defineJob({ name: `t.crash-last-${uid()}`, maxAttempts: 1, leaseMs: 1000, run: () => void runs++ })
    const { id } = await enqueueJob(db(), job, undefined)
    await claimNextJob(db(), T0, [job.name])
    expect((await runJobsUntilIdle({ now: at(5000), only: [job] })).dead).toBe(1)
    expect(runs).toBe(0)
    expect((await jobRow(id)).status).toBe('dead')
    expect((await jobRow(id)).lastError).toMatch(/stopped before it finished/)
  })

  it('a recurring job is one row that runs once per interval', async () => {
    let runs = 0
    const job = defineJob({ name: `t.every-${uid()}`, run: () => void runs++ })
    const key = `recurring:${job.name}`
    scheduleRecurring(job, { everyMs: 60_000, key })
    await runJobsUntilIdle({ now: T0, only: [job] })
    await runJobsUntilIdle({ now: at(30_000), only: [job] })
    expect(runs).toBe(1)
    await runJobsUntilIdle({ now: at(60_000), only: [job] })
    await runJobsUntilIdle({ now: at(60_000), only: [job] })
    expect(runs).toBe(2)
    const rows = await db().select().from(schema.jobs).where(eq(schema.jobs.key, key))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ status: 'queued', attempts: 0, everyMs: 60_000, runAt: at(120_000) })
  })

  it('a recurring job that keeps failing is not dead-lettered: it runs again next interval, error visible', async () => {
    let runs = 0
    const job = defineJob({
      name: `t.every-broken-${uid()}`,
      maxAttempts: 2,
      backoffMs: 1000,
      run: () => {
        runs++
        throw new Error('provider down')
      },
    })
    const key = `recurring:${job.name}`
    scheduleRecurring(job, { everyMs: 60_000, key })
    await runJobsUntilIdle({ now: T0, only: [job] }) // attempt 1 fails
    await runJobsUntilIdle({ now: at(1000), only: [job] }) // attempt 2 fails: exhausted
    const [row] = await db().select().from(schema.jobs).where(eq(schema.jobs.key, key))
    expect(row).toMatchObject({ status: 'queued', attempts: 0, lastError: 'provider down', runAt: at(61_000) })
    await runJobsUntilIdle({ now: at(61_000), only: [job] })
    expect(runs).toBe(3)
  })

  it('several runners at once (separate connections, like separate processes) never run a job twice', async () => {
    const ran: string[] = []
    const job = defineJob<{ i: number }>({
      name: `t.race-${uid()}`,
      run: async (p) => {
        ran.push(String(p.i))
        await new Promise((r) => setTimeout(r, 5))
      },
    })
    const ids: string[] = []
    for (let i = 0; i < 24; i++) ids.push((await enqueueJob(db(), job, { i })).id)
    // On PostgreSQL a second pool is a second set of sessions: the claims race for real there.
    const other = process.env.DATABASE_URL ? await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 3 }) : undefined
    try {
      const dbs: Db[] = [db(), db(), other?.db ?? db(), other?.db ?? db()]
      const summaries = await Promise.all(dbs.map((d) => runJobsUntilIdle({ db: d, now: T0, only: [job] })))
      expect(summaries.reduce((n, s) => n + s.done, 0)).toBe(24)
      if (other) expect(summaries.filter((s) => s.done > 0).length).toBeGreaterThan(1)
    } finally {
      await other?.close()
    }
    expect(ran.sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 24 }, (_, i) => String(i)))
    const rows = await db().select().from(schema.jobs).where(inArray(schema.jobs.id, ids))
    expect(rows.length).toBe(24)
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true)
  })

  it('queued jobs survive a restart: another process opening the database later runs them', async () => {
    const job = defineJob<{ n: number }>({ name: `t.restart-${uid()}`, run: () => {} })
    const dir = process.env.DATABASE_URL ? undefined : mkdtempSync(path.join(os.tmpdir(), 'greenroom-jobs-'))
    const open = () => (process.env.DATABASE_URL ? openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 2 }) : openDatabase({ pgliteDir: dir! }))
    const first = await open()
    let id: string
    try {
      await first.migrate()
      id = (await enqueueJob(first.db, job, { n: 1 })).id
    } finally {
      await first.close()
    }
    const second = await open()
    try {
      expect(await runJobsUntilIdle({ db: second.db, now: T0, only: [job] })).toMatchObject({ ran: 1, done: 1 })
      const [row] = await second.db.select().from(schema.jobs).where(eq(schema.jobs.id, id))
      expect(row).toMatchObject({ status: 'done', attempts: 1, payload: { n: 1 } })
    } finally {
      await second.close()
      if (dir) rmSync(dir, { recursive: true, force: true })
    }
  })

  it('never claims jobs this process has no definition for', async () => {
    const name = `t.elsewhere-${uid()}`
    const { id } = await enqueueJob(db(), { name, run: () => {}, maxAttempts: 3, backoffMs: 1, leaseMs: 1000 }, {})
    const mine = defineJob({ name: `t.here-${uid()}`, run: () => {} })
    await enqueueJob(db(), mine, undefined)
    expect(await runJobsUntilIdle({ now: at(60_000), only: [mine] })).toMatchObject({ ran: 1, done: 1 })
    expect((await jobRow(id)).status).toBe('queued')
  })
})
