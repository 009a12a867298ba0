import { asc, eq, inArray } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { checkMedia, mediaBrandTerms, type AnalysedMedia, type MediaCheckResult } from '#app/domain/disclosure/media-rules.ts'
import type { MediaJurisdiction } from '#app/domain/disclosure/jurisdictions.ts'
import { RULES } from '#app/domain/disclosure/rules.ts'
import type { LoadedDeliverable } from '#app/services/content/load-deliverable.server.ts'

export interface DraftMediaCheck extends MediaCheckResult {
  /** Whether the draft has analyses at all (drafts from before the media checks have none: all manual). */
  analysed: boolean
  files: { fileId: string; status: string; reason: string | null; durationMs: number | null; frames: number | null }[]
  /** The titles of the rules named in `decided` and `undecided`, so the page need not ship the rule catalogue. */
  ruleTitles: Record<string, string>
}

/**
 * The media findings of one draft version, computed now from the stored segments with the deliverable's
 * brief (brand name, handles, hashtags-free terms) and jurisdiction. Drafts with no analysis rows (made
 * before the media checks) leave every media check to the reviewer, as before.
 */
export async function getDraftMediaCheck(tx: DbOrTx, d: Pick<LoadedDeliverable, 'checkInput' | 'brief' | 'brand'>, draftVersionId: string): Promise<DraftMediaCheck> {
  const analyses = await tx.select().from(schema.mediaAnalyses).where(eq(schema.mediaAnalyses.draftVersionId, draftVersionId)).orderBy(asc(schema.mediaAnalyses.createdAt), asc(schema.mediaAnalyses.id))
  const segments = analyses.length
    ? await tx
        .select()
        .from(schema.mediaSegments)
        .where(inArray(schema.mediaSegments.analysisId, analyses.map((a) => a.id)))
        .orderBy(asc(schema.mediaSegments.startMs))
    : []
  const media: AnalysedMedia[] = analyses.map((a) => ({
    fileId: a.fileId,
    status: a.status,
    reason: a.reason,
    mediaKind: (a.mediaKind as 'video' | 'image' | null) ?? null,
    durationMs: a.durationMs ?? 0,
    sampleIntervalMs: a.sampleIntervalMs ?? 500,
    speechEngine: false,
    coverage: a.coverage ?? null,
    segments: segments.filter((s) => s.analysisId === a.id).map((s) => ({ kind: s.kind, text: s.text, startMs: s.startMs, endMs: s.endMs, thumbnailFileId: s.thumbnailFileId, bbox: s.bbox })),
  }))
  const brandTerms = mediaBrandTerms(d.brand.name, d.brief)
  const result = analyses.length
    ? checkMedia({
        format: d.checkInput.format,
        jurisdiction: d.checkInput.jurisdiction as MediaJurisdiction,
        connectionType: d.checkInput.connectionType,
        brandTerms,
        retouched: d.brief?.mediaAlteration === 'retouched',
        generated: d.brief?.mediaAlteration === 'generated',
        media,
      })
    : { findings: [], decided: [], undecided: [], pending: false, notes: [] }
  const titled = [...result.decided, ...result.undecided.map((u) => u.id)]
  return {
    ...result,
    ruleTitles: Object.fromEntries(titled.map((id) => [id, (RULES as Record<string, { title: string }>)[id]?.title ?? id])),
    analysed: analyses.length > 0,
    files: analyses.map((a) => ({ fileId: a.fileId, status: a.status, reason: a.reason, durationMs: a.durationMs, frames: a.frames })),
  }
}
