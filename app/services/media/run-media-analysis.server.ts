import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { and, eq, inArray } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { storeLocal, resolveLocalPath } from '#app/services/files/local-disk.server.ts'
import { recordFile } from '#app/services/files/record-file.server.ts'
import { storageFor } from '#app/services/files/storage.server.ts'
import { analyseMedia, MediaAnalysisError } from './analyse-media.server.ts'
import { mediaChecksOff, mediaTools } from './media-tools.server.ts'

/** OCR languages: English always; French and German too (their labels have accents and compounds). */
const OCR_LANGUAGES = ['eng', 'fra', 'deu']

/**
 * Queue the media analysis of a draft version, in the caller's transaction (the upload's): one
 * media_analyses row per file, status queued. The job (media-analysis-job.server.ts) is enqueued by the
 * caller with the key `media:<draftVersionId>`, so it runs once per version.
 */
export async function queueMediaAnalyses(tx: DbOrTx, draft: { id: string; brandId: string; fileIds: string[] }) {
  if (draft.fileIds.length === 0) return []
  const rows = await tx
    .insert(schema.mediaAnalyses)
    .values(draft.fileIds.map((fileId) => ({ draftVersionId: draft.id, fileId, brandId: draft.brandId })))
    .onConflictDoNothing()
    .returning({ id: schema.mediaAnalyses.id })
  return rows
}

/**
 * Analyse every file of a draft version that is not done yet. Each file is claimed (queued|running ->
 * running) in its own short transaction; the results (segments, thumbnails as draft files of the same
 * brand and creator, so /files serves them under the draft rule) are written in one transaction with the
 * status. Expected failures end as `failed` with the sentence; tools missing end as `unavailable`;
 * anything else is thrown so the job runner retries with backoff.
 */
export async function runMediaAnalysis(draftVersionId: string): Promise<{ analysed: number; failed: number; unavailable: number }> {
  const tools = await mediaTools()
  const off = mediaChecksOff(tools)
  const todo = await db()
    .select({ analysis: schema.mediaAnalyses, file: schema.files })
    .from(schema.mediaAnalyses)
    .innerJoin(schema.files, eq(schema.files.id, schema.mediaAnalyses.fileId))
    .where(and(eq(schema.mediaAnalyses.draftVersionId, draftVersionId), inArray(schema.mediaAnalyses.status, ['queued', 'running'])))
  const out = { analysed: 0, failed: 0, unavailable: 0 }
  for (const { analysis, file } of todo) {
    const started = new Date()
    const toolVersions = { ffmpeg: tools.ffmpeg, tesseract: tools.tesseract, speech: null }
    if (off) {
      await db().update(schema.mediaAnalyses).set({ status: 'unavailable', reason: off, tools: toolVersions, finishedAt: started }).where(eq(schema.mediaAnalyses.id, analysis.id))
      out.unavailable++
      continue
    }
    await db().update(schema.mediaAnalyses).set({ status: 'running', startedAt: started, tools: toolVersions }).where(eq(schema.mediaAnalyses.id, analysis.id))
    const workDir = await mkdtemp(path.join(tmpdir(), 'greenroom-media-'))
    try {
      const input = file.storage === 'local' ? resolveLocalPath(file.storageKey) : storageFor(file.storage).publicUrl(file.storageKey)
      if (!input) throw new MediaAnalysisError('the file is not reachable from this server')
      let result
      try {
        result = await analyseMedia(tools, input, { workDir, mimeType: file.mimeType, languages: OCR_LANGUAGES })
      } catch (e) {
        if (!(e instanceof MediaAnalysisError)) throw e
        await db()
          .update(schema.mediaAnalyses)
          .set({ status: 'failed', reason: e.message, finishedAt: new Date(), timings: { totalMs: Date.now() - started.getTime() } })
          .where(eq(schema.mediaAnalyses.id, analysis.id))
        out.failed++
        continue
      }
      // Thumbnails: the first frame of each segment, stored like the draft (same brand, creator, purpose).
      const thumbs = new Map<string, string>()
      for (const s of result.segments) {
        if (thumbs.has(s.framePath)) continue
        const stored = await storeLocal(Readable.from([await readFile(s.framePath)]), { purpose: 'draft', maxBytes: 10 << 20 })
        const row = await recordFile(db(), stored, { purpose: 'draft', originalName: `frame-${Math.round(s.startMs / 100) / 10}s.jpg`, brandId: file.brandId, creatorId: file.creatorId, agencyId: file.agencyId, uploadedByUserId: null })
        thumbs.set(s.framePath, row.id)
      }
      await db().transaction(async (tx) => {
        await tx.delete(schema.mediaSegments).where(eq(schema.mediaSegments.analysisId, analysis.id))
        if (result.segments.length) {
          await tx.insert(schema.mediaSegments).values(
            result.segments.map((s) => ({ analysisId: analysis.id, kind: 'ocr_text' as const, text: s.text.slice(0, 500), confidence: s.confidence, startMs: s.startMs, endMs: s.endMs, bbox: s.bbox, thumbnailFileId: thumbs.get(s.framePath) ?? null })),
          )
        }
        await tx
          .update(schema.mediaAnalyses)
          .set({ status: 'done', reason: null, mediaKind: result.mediaKind, durationMs: result.durationMs, sampleIntervalMs: result.sampleIntervalMs, frames: result.frames, coverage: result.coverage, timings: result.timings, finishedAt: new Date() })
          .where(eq(schema.mediaAnalyses.id, analysis.id))
      })
      out.analysed++
    } finally {
      await rm(workDir, { recursive: true, force: true })
    }
  }
  return out
}

/** The job gave up (every retry failed): the files still pending are `failed`, so approval stops waiting. */
export async function failMediaAnalysis(draftVersionId: string, error: string) {
  await db()
    .update(schema.mediaAnalyses)
    .set({ status: 'failed', reason: `the analysis kept failing (${error.slice(0, 200)})`, finishedAt: new Date() })
    .where(and(eq(schema.mediaAnalyses.draftVersionId, draftVersionId), inArray(schema.mediaAnalyses.status, ['queued', 'running'])))
}
