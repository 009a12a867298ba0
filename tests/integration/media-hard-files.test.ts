/**
 * The hard files real uploads bring, each a real file made by ffmpeg here and read by the real ffmpeg +
 * tesseract (issue #15): each ends in a clear state (done with findings, or failed with a sentence a creator
 * understands), never a crash or a stuck job. Sampling grid: ffmpeg keeps the first frame at least 0.5 s
 * after the last kept one, so at 25 fps the kept frames are 0, 0.52, 1.04 … s.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { getCreatorDeliverablePage } from '#app/services/content/get-creator-deliverable-page.server.ts'
import { getReviewPage } from '#app/services/content/get-review-page.server.ts'
import { storeLocal } from '#app/services/files/local-disk.server.ts'
import { enqueueJob } from '#app/services/jobs/enqueue-job.server.ts'
import { runJobsUntilIdle } from '#app/services/jobs/run-jobs.server.ts'
import { mediaAnalysisJob } from '#app/services/media/media-analysis-job.server.ts'
import { queueMediaAnalyses } from '#app/services/media/run-media-analysis.server.ts'
import { createContentWorld, insertStoredFile } from '#tests/factories-content.ts'
import { analyseDraftFile } from '#tests/media/analyse-draft.ts'
import { makeAudioOnly, makeEmptyVideo, makeRotatedVideo, makeSpokenVideo, makeVfrVideo, makeVideo } from '#tests/media/make-media.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'media-hard-'))
const probe = (file: string, entries: string) => JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', entries, '-of', 'json', file], { encoding: 'utf8' }))
const texts = (segments: { text: string; startMs: number; endMs: number }[]) => segments.map((s) => [s.text, s.startMs, s.endMs])

describe('hard media files', { timeout: 60_000 }, () => {
  it('a portrait phone video stored sideways with a rotation matrix is read upright', async () => {
    const r = await analyseDraftFile((tag) => makeRotatedVideo(dir, `rot-${tag}.mp4`, 6, [{ text: 'Paid partnership', from: 0, to: 4, size: 44 }]))
    // the file really is stored landscape with the text on its side, and says "turn it 90° to show"
    const p = probe(r.file, 'stream=width,height:stream_side_data=rotation')
    expect(p.streams[0]).toMatchObject({ width: 960, height: 540, side_data_list: [{ rotation: -90 }] })
    expect(r.analysis).toMatchObject({ status: 'done', durationMs: 6000, frames: 12, coverage: null })
    // frames 0 … 3.64 s show it, 4.16 s does not
    expect(texts(r.segments)).toEqual([['Paid partnership', 0, 4160]])
    // the frame is upright: 540 wide, 960 high (the box is in the upright frame)
    expect(r.segments[0]!.bbox!.w).toBeGreaterThan(r.segments[0]!.bbox!.h * 4)
    expect(r.check.findings).toEqual([])
    expect(r.check.decided).toEqual(['VD-01', 'VD-03', 'VD-04'])
  })

  it('variable frame rate: the moments are the frames’ own times, not frame number × rate', async () => {
    const r = await analyseDraftFile((tag) => makeVfrVideo(dir, `vfr-${tag}.mp4`, 8, [{ text: '#ad', from: 0, to: 5 }, { text: 'Acme', from: 5, to: 8, y: 500 }]))
    const frames = probe(r.file, 'frame=pts_time').frames.map((f: { pts_time: string }) => Math.round(Number(f.pts_time) * 1000))
    // 25 fps up to 2 s, then one frame every 0.32 s: 50 + 19 frames, the last at 2 + 18 × 0.32 = 7.76 s
    expect(frames.slice(48, 52)).toEqual([1920, 1960, 2000, 2320])
    expect(frames).toHaveLength(69)
    // kept: 0, .52, 1.04, 1.56, then 2.32 (2.00 is only .44 after 1.56), 2.96, 3.60, 4.24, 4.88, 5.52, 6.16, 6.80, 7.44
    expect(r.analysis).toMatchObject({ status: 'done', durationMs: 7800, frames: 13 })
    // "#ad" is on the frame at 4.88 s and gone at 5.52 s; "Acme" from 5.52 s to the end (7.80 s)
    expect(texts(r.segments)).toEqual([['#ad', 0, 5520], ['Acme', 5520, 7800]])
    expect(r.check.findings).toEqual([])
  })

  it('spoken disclosure (espeak-ng speech): the audio is there, but with no speech engine VD-02 stays the reviewer\'s, saying why', async () => {
    const r = await analyseDraftFile((tag) => makeSpokenVideo(dir, `speech-${tag}.mp4`, 4, 'This video is sponsored by Acme. Paid partnership.', [{ text: '#ad', from: 0, to: 4 }]))
    // the file really carries the speech: one video and one audio stream
    expect(probe(r.file, 'stream=codec_type').streams.map((x: { codec_type: string }) => x.codec_type)).toEqual(['video', 'audio'])
    expect(r.analysis).toMatchObject({ status: 'done', durationMs: 4000 })
    // the on-screen label is read; nothing is transcribed (no speech segments), so nothing spoken counts
    expect(texts(r.segments)).toEqual([['#ad', 0, 4000]])
    expect(r.check.decided).toEqual(['VD-01', 'VD-03', 'VD-04'])
    expect(r.check.undecided).toEqual([{ id: 'VD-02', reason: 'no speech engine: listen for a spoken disclosure' }])
    expect(r.check.findings).toEqual([])
  })

  it('an MP4 with sound and no picture: failed, "audio only", every check left to the reviewer', async () => {
    const r = await analyseDraftFile((tag) => makeAudioOnly(dir, `a-${tag}.mp4`, 2))
    expect(r.run).toEqual({ analysed: 0, failed: 1, unavailable: 0 })
    expect(r.analysis).toMatchObject({ status: 'failed', reason: 'there is no picture in this file (audio only)' })
    expect(r.check.pending).toBe(false)
    expect(r.check.undecided.map((u) => [u.id, u.reason])).toEqual(['VD-01', 'VD-02', 'VD-03', 'VD-04'].map((id) => [id, 'could not analyse: there is no picture in this file (audio only)']))
  })

  it('an .m4a is refused at upload with the accepted types, a zero-byte file as empty, before any analysis', async () => {
    const m4a = readFileSync(makeAudioOnly(dir, 'voice.m4a', 1))
    expect(m4a.subarray(4, 12).toString('latin1')).toBe('ftypM4A ')
    const refused = { status: 415, message: 'That file type is not accepted here. Use JPEG, PNG, GIF, WebP, HEIC, MP4, MOV, WebM.' }
    await expect(storeLocal(Readable.from([m4a]), { purpose: 'draft', maxBytes: 1 << 20 })).rejects.toMatchObject(refused)
    await expect(storeLocal(Readable.from([Buffer.alloc(0)]), { purpose: 'draft', maxBytes: 1 << 20 })).rejects.toMatchObject({ status: 400, message: 'The file is empty.' })
  })

  it('an MP4 with no frames at all: failed, "the file is empty"', async () => {
    const r = await analyseDraftFile((tag) => makeEmptyVideo(dir, `e-${tag}.mp4`))
    expect(r.analysis).toMatchObject({ status: 'failed', reason: 'the file is empty: it has no frames (the recording may have stopped at once)' })
    expect(r.check.undecided.find((u) => u.id === 'VD-01')!.reason).toBe('could not analyse: the file is empty: it has no frames (the recording may have stopped at once)')
  })

  it('odd width (541x961) and tiny (64x64) videos are read', async () => {
    const odd = await analyseDraftFile((tag) => makeVideo(dir, `odd-${tag}.mp4`, 4, [{ text: '#ad', from: 0, to: 4 }], { size: '541x961' }))
    expect(odd.analysis).toMatchObject({ status: 'done', frames: 8 })
    expect(texts(odd.segments)).toEqual([['#ad', 0, 4000]])
    expect(odd.check.findings).toEqual([])
    const tiny = await analyseDraftFile((tag) => makeVideo(dir, `tiny-${tag}.mp4`, 4, [{ text: 'Ad', from: 0, to: 4, size: 20, y: 10 }], { size: '64x64' }))
    expect(tiny.analysis).toMatchObject({ status: 'done', frames: 8 })
    expect(texts(tiny.segments)).toEqual([['Ad', 0, 4000]])
    expect(tiny.check.findings).toEqual([])
  })

  it('a 20-minute video: the first minute every 0.5 s, then one frame every 4.8 s, and the page says so', async () => {
    const r = await analyseDraftFile((tag) =>
      makeVideo(dir, `long-${tag}.mp4`, 1200, [{ text: '#ad', from: 0, to: 5, size: 24, y: 20 }, { text: 'Acme', from: 600, to: 610, size: 24, y: 100 }], { size: '180x320', still: true, fps: 10 }),
    )
    // budget 360 frames: 120 in the first minute, the other 19 minutes in 240 → 1,140 s / 240 = 4.75 s, rounded up to 4.8 s
    expect(r.analysis).toMatchObject({ status: 'done', durationMs: 1_200_000, sampleIntervalMs: 500, coverage: { denseUntilMs: 60_000, sparseIntervalMs: 4800, readUntilMs: 1_200_000 } })
    expect(r.analysis.frames).toBeLessThanOrEqual(360)
    expect(r.analysis.frames).toBeGreaterThan(350)
    // at 10 fps the first minute's grid is exact: "#ad" on the frame at 5.0 s, gone at 5.5 s
    const [ad, acme] = r.segments
    expect(texts([ad!])).toEqual([['#ad', 0, 5500]])
    // "Acme" (10:00 to 10:10) is caught on the sparse frames: first seen within one step after 10:00
    expect(acme!.text).toBe('Acme')
    expect(acme!.startMs).toBeGreaterThanOrEqual(600_000)
    expect(acme!.startMs).toBeLessThan(604_900)
    expect(r.check.findings).toEqual([])
    const note = 'The video was read every 0.5 s for the first 1:00, then one frame every 4.8 s up to 20:00: text shown for a shorter time after 1:00 may have been missed.'
    expect(r.check.notes).toEqual([note])
    // the creator's deliverable page and the review page carry it (MediaFindings shows it)
    await db().update(schema.deliverables).set({ status: 'draft_submitted' }).where(eq(schema.deliverables.id, r.w.deliverable.id))
    expect((await getCreatorDeliverablePage(r.w.creator.id, r.w.deliverable.id)).media!.notes).toEqual([note])
    expect((await getReviewPage(r.w.brand.id, r.draft.id)).media.notes).toEqual([note])
  }, 90_000)

  it('one draft with every bad kind of file: the job finishes, each file failed with its reason or done', async () => {
    const w = await createContentWorld()
    const files = [makeAudioOnly(dir, `j-a-${w.brand.id}.mp4`, 1), makeEmptyVideo(dir, `j-e-${w.brand.id}.mp4`), makeVideo(dir, `j-v-${w.brand.id}.mp4`, 2, [{ text: '#ad', from: 0, to: 2 }], { size: '64x64' })]
    const corrupt = path.join(dir, `j-c-${w.brand.id}.mp4`)
    // a real MP4 cut after its first 3 KB
    writeFileSync(corrupt, readFileSync(makeVideo(dir, `j-full-${w.brand.id}.mp4`, 2, [])).subarray(0, 3000))
    const stored = []
    for (const f of [...files, corrupt]) stored.push(await insertStoredFile({ brandId: w.brand.id, creatorId: w.creator.id, bytes: readFileSync(f), name: path.basename(f) }))
    const [draft] = await db().insert(schema.draftVersions).values({ deliverableId: w.deliverable.id, brandId: w.brand.id, version: 1, fileIds: stored.map((s) => s.id) }).returning()
    await queueMediaAnalyses(db(), draft!)
    await enqueueJob(db(), mediaAnalysisJob, { draftVersionId: draft!.id, brandId: w.brand.id }, { key: `media:${draft!.id}` })
    const summary = await runJobsUntilIdle({ only: [mediaAnalysisJob] })
    // on PostgreSQL the test files share one database and its queue: other drafts' analyses may run here too,
    // so the assertion is on this draft's job: one attempt, done
    const [queued] = await db().select().from(schema.jobs).where(eq(schema.jobs.key, `media:${draft!.id}`))
    expect(summary.runs.filter((r) => r.id === queued!.id).map((r) => r.outcome)).toEqual(['done'])
    const rows = await db().select().from(schema.mediaAnalyses).where(eq(schema.mediaAnalyses.draftVersionId, draft!.id))
    const byFile = new Map(rows.map((a) => [a.fileId, [a.status, a.reason]]))
    expect(stored.map((s) => byFile.get(s.id))).toEqual([
      ['failed', 'there is no picture in this file (audio only)'],
      ['failed', 'the file is empty: it has no frames (the recording may have stopped at once)'],
      ['done', null],
      // its header (moov first, +faststart) reads, the picture does not
      ['failed', 'the video could not be decoded (it may be corrupt)'],
    ])
    const [job] = await db().select().from(schema.jobs).where(eq(schema.jobs.key, `media:${draft!.id}`))
    expect(job!.status).toBe('done')
  })
})
