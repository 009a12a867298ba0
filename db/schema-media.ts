/**
 * Media analysis (issue #15): one row per draft version and file (the job that reads the video or image),
 * and the text found in it, as time segments (what, where, from when to when). The disclosure findings are
 * computed from the segments by app/domain/disclosure/media-rules.ts when a page or the approval reads them.
 */
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns.ts'
import { draftVersions } from './schema.ts'
import type { MediaAnalysisStatus, MediaBox, MediaCoverage, MediaSegmentKind } from '../app/domain/disclosure/media-rules.ts'

export const mediaAnalyses = pgTable(
  'media_analyses',
  {
    id: id(),
    draftVersionId: text()
      .notNull()
      .references(() => draftVersions.id, { onDelete: 'cascade' }),
    fileId: text().notNull(),
    brandId: text().notNull(),
    /** queued | running | done | failed | unavailable (the tools are not installed) */
    status: text().$type<MediaAnalysisStatus>().notNull().default('queued'),
    /** Why it failed or is unavailable, in a sentence for the page. */
    reason: text(),
    /** video | image */
    mediaKind: text(),
    durationMs: integer(),
    sampleIntervalMs: integer(),
    frames: integer(),
    /** { ffmpeg: '6.1.1', tesseract: '5.3.4', speech: null } */
    tools: jsonb().$type<Record<string, string | null>>().notNull().default({}),
    /** What was read of a long video: { denseUntilMs, sparseIntervalMs, readUntilMs } (null: all of it every sampleIntervalMs). */
    coverage: jsonb().$type<MediaCoverage>(),
    /** { probeMs, framesMs, ocrMs, totalMs } */
    timings: jsonb().$type<Record<string, number>>().notNull().default({}),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('media_analyses_draft_file_uq').on(t.draftVersionId, t.fileId), index('media_analyses_brand_status_idx').on(t.brandId, t.status)],
)

export const mediaSegments = pgTable(
  'media_segments',
  {
    id: id(),
    analysisId: text()
      .notNull()
      .references(() => mediaAnalyses.id, { onDelete: 'cascade' }),
    /** ocr_text | speech */
    kind: text().$type<MediaSegmentKind>().notNull(),
    text: text().notNull(),
    /** OCR confidence 0..100 (mean of the words). */
    confidence: integer(),
    startMs: integer().notNull(),
    endMs: integer().notNull(),
    /** A frame of the segment, stored as a draft file (served by /files/:id under the draft rule). */
    thumbnailFileId: text(),
    bbox: jsonb().$type<MediaBox>(),
  },
  (t) => [index('media_segments_analysis_idx').on(t.analysisId, t.startMs)],
)

export type MediaAnalysisRow = typeof mediaAnalyses.$inferSelect
export type MediaSegmentRow = typeof mediaSegments.$inferSelect
