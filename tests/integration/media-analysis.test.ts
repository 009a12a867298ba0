/**
 * Media checks on REAL videos and images made by ffmpeg in the test (drawtext labels at chosen times),
 * read by the real ffmpeg + tesseract (issue #15). Expected moments are the 2 fps sampling grid:
 * ffmpeg picks the frames at 0, 0.52, 1.04 … s (25 fps, every ≥ 0.5 s), a segment ends at the first
 * sampled frame where its text is gone.
 */
import { readFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import * as deliverableRoute from '#app/routes/c+/$creator+/deliverables.$deliverable.tsx'
import { approveDraft } from '#app/services/content/approve-draft.server.ts'
import { getCreatorDeliverablePage } from '#app/services/content/get-creator-deliverable-page.server.ts'
import { getReviewPage } from '#app/services/content/get-review-page.server.ts'
import { listReviewQueue } from '#app/services/content/list-review-queue.server.ts'
import { loadBrandDraft } from '#app/services/content/load-deliverable.server.ts'
import { runJobsUntilIdle } from '#app/services/jobs/run-jobs.server.ts'
import { getDraftMediaCheck } from '#app/services/media/get-media-check.server.ts'
import { mediaAnalysisJob } from '#app/services/media/media-analysis-job.server.ts'
import { queueMediaAnalyses, runMediaAnalysis } from '#app/services/media/run-media-analysis.server.ts'
import { call, cookieFor } from '#tests/factories.ts'
import { createContentWorld, draftRequest, fakeMp4, insertStoredFile } from '#tests/factories-content.ts'
import { analyseDraftFile } from '#tests/media/analyse-draft.ts'
import { makeImage, makeVideo, type Overlay } from '#tests/media/make-media.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'media-test-'))

const analyse = (overlays: Overlay[] | { image: string[] }, opts: { format?: string; seconds?: number } = {}) =>
  analyseDraftFile((tag) => (Array.isArray(overlays) ? makeVideo(dir, `v-${tag}.mp4`, opts.seconds ?? 10, overlays) : makeImage(dir, `i-${tag}.png`, overlays.image)), opts)

describe('media analysis with ffmpeg + tesseract', () => {
  it('"Paid partnership with Acme" for 4 s at the start: no media finding; VD-02 left to the reviewer (no speech engine)', async () => {
    const r = await analyse([{ text: 'Paid partnership', from: 0, to: 4, size: 44 }, { text: 'with Acme', from: 0, to: 4, y: 220, size: 44 }])
    expect(r.run).toEqual({ analysed: 1, failed: 0, unavailable: 0 })
    expect(r.analysis).toMatchObject({ status: 'done', mediaKind: 'video', durationMs: 10_000, sampleIntervalMs: 500, frames: 20 })
    expect(r.analysis.tools.ffmpeg).toBeTruthy()
    const label = r.segments.find((s) => s.text.includes('Paid partnership'))!
    expect(r.segments.map((s) => s.text)).toEqual(['Paid partnership', 'with Acme'])
    // seen on the frames at 0 … 3.64 s, gone at 4.16 s
    expect([label.startMs, label.endMs]).toEqual([0, 4160])
    expect(label.thumbnailFileId).toBeTruthy()
    expect(r.check.findings).toEqual([])
    expect(r.check.decided).toEqual(['VD-01', 'VD-03', 'VD-04'])
    expect(r.check.undecided.map((u) => u.id)).toEqual(['VD-02'])
    // the thumbnail is a draft file of the same brand and creator (served by /files under the draft rule)
    const [thumb] = await db().select().from(schema.files).where(eq(schema.files.id, label.thumbnailFileId!))
    expect(thumb).toMatchObject({ purpose: 'draft', brandId: r.w.brand.id, creatorId: r.w.creator.id, mimeType: 'image/jpeg' })
  })

  it('brand shown first, "#ad" only from 6 s: VD-03 at 0:00 with the frame of the brand', async () => {
    const r = await analyse([{ text: 'Acme', from: 0, to: 3, y: 600 }, { text: '#ad', from: 6, to: 10 }])
    expect(r.segments.map((s) => [s.text, s.startMs, s.endMs])).toEqual([['Acme', 0, 3120], ['#ad', 6240, 10_000]])
    expect(r.check.findings.map((f) => [f.ruleId, f.severity, f.atMs])).toEqual([['VD-03', 'blocking', 0]])
    expect(r.check.findings[0]!.message).toContain('only appears at 0:06')
    expect(r.check.findings[0]!.thumbnailFileId).toBe(r.segments[0]!.thumbnailFileId)
  })

  it('"#ad" for 1 s: VD-04, on screen for about 1.0 s', async () => {
    const r = await analyse([{ text: '#ad', from: 0, to: 1 }])
    expect(r.segments.map((s) => [s.text, s.startMs, s.endMs])).toEqual([['#ad', 0, 1040]])
    expect(r.check.findings.map((f) => f.ruleId)).toEqual(['VD-04'])
    expect(r.check.findings[0]!.message).toContain('about 1.0 s')
  })

  it('a video with text but no label: VD-01 blocking at the brand mention', async () => {
    const r = await analyse([{ text: 'Trail day with Acme', from: 2, to: 8 }])
    expect(r.check.findings.map((f) => [f.ruleId, f.atMs])).toEqual([['VD-01', 2080]])
  })

  it('a video with no text at all: nothing decided, "no text found"', async () => {
    const r = await analyse([])
    expect(r.segments).toEqual([])
    expect(r.check.decided).toEqual([])
    expect(r.check.undecided.find((u) => u.id === 'VD-01')!.reason).toMatch(/no text found/)
  })

  it('story images: a frame with "Ad" passes ST-01, one with only the brand fails it', async () => {
    const ok = await analyse({ image: ['Ad', 'Acme sale'] }, { format: 'story' })
    expect(ok.analysis).toMatchObject({ status: 'done', mediaKind: 'image', durationMs: 0, frames: 1 })
    expect(ok.check.findings).toEqual([])
    expect(ok.check.decided).toEqual(['ST-01'])
    const bad = await analyse({ image: ['Acme sale'] }, { format: 'story' })
    expect(bad.check.findings.map((f) => f.ruleId)).toEqual(['ST-01'])
  })

  it('a corrupt file ends as failed with the reason, never a crash; every check stays manual', async () => {
    const w = await createContentWorld()
    const stored = await insertStoredFile({ brandId: w.brand.id, creatorId: w.creator.id, bytes: fakeMp4(8000) })
    const [draft] = await db().insert(schema.draftVersions).values({ deliverableId: w.deliverable.id, brandId: w.brand.id, version: 1, fileIds: [stored.id] }).returning()
    await queueMediaAnalyses(db(), draft!)
    expect(await runMediaAnalysis(draft!.id)).toEqual({ analysed: 0, failed: 1, unavailable: 0 })
    const d = await loadBrandDraft(db(), w.brand.id, draft!.id)
    const check = await getDraftMediaCheck(db(), d, draft!.id)
    expect(check.pending).toBe(false)
    expect(check.undecided.find((u) => u.id === 'VD-01')!.reason).toBe('could not analyse: the file could not be read (it may be corrupt or cut short)')
    // The page names each check left to the reviewer by the server's rule title (the browser has no catalogue).
    expect(check.ruleTitles['VD-01']).toBe('Disclosure on screen in the video')
    expect(Object.keys(check.ruleTitles).sort()).toEqual([...new Set([...check.decided, ...check.undecided.map((u) => u.id)])].sort())
  })

  it('tools missing: unavailable, with what is off', async () => {
    const w = await createContentWorld()
    const stored = await insertStoredFile({ brandId: w.brand.id, creatorId: w.creator.id })
    const [draft] = await db().insert(schema.draftVersions).values({ deliverableId: w.deliverable.id, brandId: w.brand.id, version: 1, fileIds: [stored.id] }).returning()
    await queueMediaAnalyses(db(), draft!)
    const { resetMediaTools } = await import('#app/services/media/media-tools.server.ts')
    process.env.TESSERACT_PATH = '/nonexistent/tesseract'
    resetMediaTools()
    try {
      expect(await runMediaAnalysis(draft!.id)).toEqual({ analysed: 0, failed: 0, unavailable: 1 })
    } finally {
      delete process.env.TESSERACT_PATH
      resetMediaTools()
    }
    const [a] = await db().select().from(schema.mediaAnalyses).where(eq(schema.mediaAnalyses.draftVersionId, draft!.id))
    expect(a).toMatchObject({ status: 'unavailable', reason: 'media checks are off on this server: tesseract-ocr is not installed' })
  })

  it('an upload queues the analysis in its transaction; the job runs it once per version', async () => {
    const w = await createContentWorld()
    const file = makeVideo(dir, `up-${w.brand.id}.mp4`, 5, [{ text: '#ad', from: 0, to: 5 }])
    const request = draftRequest(`/c/${w.creator.id}/deliverables/${w.deliverable.id}`, { cookie: await cookieFor(w.creatorUser), caption: '#ad Race day with @acme #AcmeRun', files: [{ name: 'run.mp4', bytes: readFileSync(file) }] })
    const r = await call(() => deliverableRoute.action({ request, params: { creator: w.creator.id, deliverable: w.deliverable.id }, context: {} } as never))
    expect(r.status).toBe(302)
    const [draft] = await db().select().from(schema.draftVersions).where(eq(schema.draftVersions.deliverableId, w.deliverable.id))
    const jobs = await db().select().from(schema.jobs).where(eq(schema.jobs.key, `media:${draft!.id}`))
    expect(jobs.map((j) => [j.name, j.status])).toEqual([['media.analyse', 'queued']])
    const [queued] = await db().select().from(schema.mediaAnalyses).where(eq(schema.mediaAnalyses.draftVersionId, draft!.id))
    expect(queued!.status).toBe('queued')
    const actor = { brand: { id: w.brand.id, name: w.brand.name, slug: w.brand.slug }, user: { id: w.manager.id }, audit: { userId: w.manager.id }, role: 'manager' } as never
    // the queue marks it, the creator sees the progress
    expect((await listReviewQueue(w.brand.id)).rows.map((q) => [q.draftId, q.mediaRunning])).toEqual([[draft!.id, true]])
    expect((await getCreatorDeliverablePage(w.creator.id, w.deliverable.id)).media).toMatchObject({ version: 1, pending: true, analysed: true })
    // approval waits for the analysis
    await expect(approveDraft(actor, { draftId: draft!.id, attestations: ['VD-01', 'VD-02', 'VD-03', 'VD-04', 'PT-01'], comment: '', overrideReason: '' })).rejects.toMatchObject({ status: 409, message: expect.stringContaining('still running') })
    const summary = await runJobsUntilIdle({ only: [mediaAnalysisJob] })
    // PostgreSQL test files share one queue: assert on this draft's job only (one attempt, done)
    expect(summary.runs.filter((r) => r.id === jobs[0]!.id).map((r) => r.outcome)).toEqual(['done'])
    const [a] = await db().select().from(schema.mediaAnalyses).where(eq(schema.mediaAnalyses.draftVersionId, draft!.id))
    expect(a!.status).toBe('done')
    // a second run finds nothing to do
    expect(await runMediaAnalysis(draft!.id)).toEqual({ analysed: 0, failed: 0, unavailable: 0 })
    expect((await listReviewQueue(w.brand.id)).rows[0]!.mediaRunning).toBe(false)
    const review = await getReviewPage(w.brand.id, draft!.id)
    expect(review.attestations.map((a) => [a.id, a.reason])).toEqual([['VD-02', 'no speech engine: listen for a spoken disclosure'], ['PT-01', null]])
    expect(review.media.decided).toEqual(['VD-01', 'VD-03', 'VD-04'])
    // the machine decided VD-01, VD-03 and VD-04: the manager ticks only the spoken check and the platform label
    await expect(approveDraft(actor, { draftId: draft!.id, attestations: ['PT-01'], comment: '', overrideReason: '' })).rejects.toMatchObject({ status: 422, message: expect.stringContaining('Disclosure is spoken') })
    await approveDraft(actor, { draftId: draft!.id, attestations: ['VD-02', 'PT-01'], comment: '', overrideReason: '' })
    const [approved] = await db().select().from(schema.draftVersions).where(eq(schema.draftVersions.id, draft!.id))
    expect(approved!.attestations).toEqual({ 'VD-01': true, 'VD-02': true, 'VD-03': true, 'VD-04': true, 'PT-01': true })
    const [audit] = await db().select().from(schema.auditEvents).where(and(eq(schema.auditEvents.action, 'draft.approved'), eq(schema.auditEvents.entityId, draft!.id)))
    expect((audit!.after as { machineChecked?: string[] }).machineChecked).toEqual(['VD-01', 'VD-03', 'VD-04'])
  })
})
