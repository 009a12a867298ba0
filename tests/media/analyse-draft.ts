/**
 * One draft version with one real media file, analysed by the real ffmpeg + tesseract (issue #15): the
 * media analysis tests make the file, this stores it as the creator's draft, runs the analysis and reads
 * back the stored analysis, its segments and the findings the pages show.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { asc, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { loadBrandDraft } from '#app/services/content/load-deliverable.server.ts'
import { getDraftMediaCheck } from '#app/services/media/get-media-check.server.ts'
import { queueMediaAnalyses, runMediaAnalysis } from '#app/services/media/run-media-analysis.server.ts'
import { createContentWorld, insertStoredFile } from '#tests/factories-content.ts'

export async function analyseDraftFile(makeFile: (tag: string) => string, opts: { format?: string } = {}) {
  const w = await createContentWorld({ format: opts.format ?? 'reel' })
  const file = makeFile(w.brand.id)
  const stored = await insertStoredFile({ brandId: w.brand.id, creatorId: w.creator.id, bytes: readFileSync(file), name: path.basename(file) })
  const [draft] = await db()
    .insert(schema.draftVersions)
    .values({ deliverableId: w.deliverable.id, brandId: w.brand.id, version: 1, caption: '#ad', fileIds: [stored.id] })
    .returning()
  await queueMediaAnalyses(db(), draft!)
  const run = await runMediaAnalysis(draft!.id)
  const d = await loadBrandDraft(db(), w.brand.id, draft!.id)
  const check = await getDraftMediaCheck(db(), d, draft!.id)
  const [analysis] = await db().select().from(schema.mediaAnalyses).where(eq(schema.mediaAnalyses.draftVersionId, draft!.id))
  const segments = await db().select().from(schema.mediaSegments).where(eq(schema.mediaSegments.analysisId, analysis!.id)).orderBy(asc(schema.mediaSegments.startMs))
  return { w, run, check, analysis: analysis!, segments, draft: draft!, file }
}
