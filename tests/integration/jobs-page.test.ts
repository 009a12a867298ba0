import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import * as jobsRoute from '#app/routes/b+/$brand+/jobs.tsx'
import { defineJob } from '#app/services/jobs/define-job.server.ts'
import { enqueueJob } from '#app/services/jobs/enqueue-job.server.ts'
import { runJobsUntilIdle } from '#app/services/jobs/run-jobs.server.ts'
import { addMember, call, cookieFor, createBrand, makeRequest, uid } from '#tests/factories.ts'

type Page = Awaited<ReturnType<typeof jobsRoute.loader>>

let broken = true
const syncJob = defineJob<{ brandId: string; what: string }>({
  name: `t.page-sync-${uid()}`,
  label: 'Sync the catalogue',
  maxAttempts: 2,
  backoffMs: 1000,
  run: () => {
    if (broken) throw new Error('catalogue API answered 503')
  },
})

async function load(user: { id: string }, slug: string) {
  const cookie = await cookieFor(user)
  const r = await call(() => jobsRoute.loader({ request: makeRequest(`/b/${slug}/jobs`, { cookie }), params: { brand: slug }, context: {} }))
  return { ...r, page: r.data as Page }
}

async function retry(user: { id: string }, slug: string, jobId: string) {
  const cookie = await cookieFor(user)
  return call(() => jobsRoute.action({ request: makeRequest(`/b/${slug}/jobs`, { cookie, form: { intent: 'retry', jobId } }), params: { brand: slug }, context: {} }))
}

describe('admin jobs page', () => {
  it('shows the brand its own queued and failed jobs with the error; retry re-queues a dead job with an audit event, and it then runs', async () => {
    const brand = await createBrand()
    const other = await createBrand()
    const admin = await addMember(brand.id, 'admin')
    const now = new Date(Date.now() + 60_000)
    const mine = await enqueueJob(db(), syncJob, { brandId: brand.id, what: 'a' })
    const later = await enqueueJob(db(), syncJob, { brandId: brand.id, what: 'b' }, { runAt: new Date(now.getTime() + 3_600_000) })
    const theirs = await enqueueJob(db(), syncJob, { brandId: other.id, what: 'c' })
    // Two failed attempts: the first waits for its retry, the second gives up (dead letter).
    await runJobsUntilIdle({ now, only: [syncJob] })
    await runJobsUntilIdle({ now: new Date(now.getTime() + 1000), only: [syncJob] })

    const { status, page } = await load(admin, brand.slug)
    expect(status).toBe(200)
    expect(page.failed.map((j) => [j.id, j.status, j.label, j.lastError, j.attempts, j.canRetry])).toEqual([[mine.id, 'dead', 'Sync the catalogue', 'catalogue API answered 503', 2, true]])
    expect(page.queued.map((j) => [j.id, j.canRetry])).toEqual([[later.id, false]])
    expect(page.running).toEqual([])
    // The other brand's job is not on this page, and cannot be retried from it.
    expect(JSON.stringify(page)).not.toContain(theirs.id)
    expect((await retry(admin, brand.slug, theirs.id)).status).toBe(404)

    const r = await retry(admin, brand.slug, mine.id)
    expect(r.status).toBe(302)
    const [row] = await db().select().from(schema.jobs).where(eq(schema.jobs.id, mine.id))
    expect(row).toMatchObject({ status: 'queued', attempts: 0, lastError: 'catalogue API answered 503' })
    const audits = await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.entityId, mine.id), eq(schema.auditEvents.action, 'job.retried')))
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ actorUserId: admin.id, brandId: brand.id, before: { status: 'dead', attempts: 2 }, after: { status: 'queued', attempts: 0 } })
    // Retrying it again while it is queued is refused (409), nothing written.
    expect((await retry(admin, brand.slug, mine.id)).status).toBe(409)

    broken = false
    await runJobsUntilIdle({ now: new Date(now.getTime() + 2000), only: [syncJob] })
    const [after] = await db().select().from(schema.jobs).where(eq(schema.jobs.id, mine.id))
    expect(after).toMatchObject({ status: 'done', attempts: 1, lastError: null })
    expect((await load(admin, brand.slug)).page.failed).toEqual([])
  })

  it('a bad job id is a 4xx with a message, not a 500', async () => {
    const brand = await createBrand()
    const admin = await addMember(brand.id, 'admin')
    const cookie = await cookieFor(admin)
    const r = await call(() => jobsRoute.action({ request: makeRequest(`/b/${brand.slug}/jobs`, { cookie, form: { intent: 'retry', jobId: '' } }), params: { brand: brand.slug }, context: {} }))
    expect(r.status).toBe(400)
    expect(JSON.stringify(r.data)).toContain('Choose a job.')
  })
})
