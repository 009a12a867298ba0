import { and, eq, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { parseMetricsCsv, type MetricValues } from '#app/domain/metrics-csv.ts'
import { postUrlKey } from '#app/domain/post-url-key.ts'

export interface MetricsImportRow {
  line: number
  postId: string
  postUrl: string
  creatorName: string
  capturedAt: string
  values: MetricValues
  /** Already imported (the same post and captured_at from a CSV before): skipped. */
  duplicate: boolean
}

export interface MetricsImportResult {
  rows: MetricsImportRow[]
  errors: { line: number; reason: string }[]
  inserted: number
}

/** csv:<post>:<captured_at>: the same row imported twice is stored once (metric_snapshots_import_key_uq). */
export const importKeyFor = (postId: string, capturedAt: Date) => `csv:${postId}:${capturedAt.toISOString()}`

/**
 * Brand CSV import of post metrics (layout: METRICS_CSV_COLUMNS). `dryRun` is the preview; the real
 * import stores the good rows and skips the rest, each with its line number and reason. Idempotent.
 */
export async function importMetricsCsv(
  actor: Pick<BrandActor, 'brand' | 'audit'>,
  csv: string,
  opts: { dryRun?: boolean; now?: Date } = {},
): Promise<MetricsImportResult> {
  const parsed = parseMetricsCsv(csv, opts.now)
  const errors = [...parsed.errors]
  const posts = await db()
    .select({ id: schema.posts.id, url: schema.posts.url, creatorName: schema.creators.name })
    .from(schema.posts)
    .innerJoin(schema.creators, eq(schema.creators.id, schema.posts.creatorId))
    .where(eq(schema.posts.brandId, actor.brand.id))
  const byKey = new Map(posts.map((p) => [postUrlKey(p.url), p]))
  const rows: MetricsImportRow[] = []
  const inFile = new Map<string, number>()
  for (const r of parsed.rows) {
    const post = byKey.get(postUrlKey(r.postUrl))
    if (!post) {
      errors.push({ line: r.line, reason: `No live post of yours has the address ${r.postUrl.slice(0, 120)}.` })
      continue
    }
    const key = importKeyFor(post.id, r.capturedAt)
    const earlier = inFile.get(key)
    if (earlier !== undefined) {
      errors.push({ line: r.line, reason: `Same post and captured_at as line ${earlier}.` })
      continue
    }
    inFile.set(key, r.line)
    rows.push({
      line: r.line,
      postId: post.id,
      postUrl: post.url,
      creatorName: post.creatorName,
      capturedAt: r.capturedAt.toISOString(),
      values: r.values,
      duplicate: false,
    })
  }
  errors.sort((a, b) => a.line - b.line)
  // Which of these rows were imported before: only the keys in this file are looked up.
  const keys = rows.map((r) => importKeyFor(r.postId, new Date(r.capturedAt)))
  const existing = new Set<string | null>()
  for (let i = 0; i < keys.length; i += 5000) {
    const found = await db()
      .select({ key: schema.metricSnapshots.importKey })
      .from(schema.metricSnapshots)
      .where(and(eq(schema.metricSnapshots.brandId, actor.brand.id), inArray(schema.metricSnapshots.importKey, keys.slice(i, i + 5000))))
    for (const f of found) existing.add(f.key)
  }
  for (const r of rows) r.duplicate = existing.has(importKeyFor(r.postId, new Date(r.capturedAt)))
  const fresh = rows.filter((r) => !r.duplicate)
  if (opts.dryRun || fresh.length === 0) return { rows, errors, inserted: 0 }
  const inserted = await db().transaction(async (tx) => {
    const out = await tx
      .insert(schema.metricSnapshots)
      .values(
        fresh.map((r) => ({
          postId: r.postId,
          brandId: actor.brand.id,
          capturedAt: new Date(r.capturedAt),
          source: 'csv',
          ...r.values,
          importKey: importKeyFor(r.postId, new Date(r.capturedAt)),
          createdByUserId: actor.audit.userId,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: schema.metricSnapshots.id })
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'metrics.imported',
      entityType: 'brand',
      entityId: actor.brand.id,
      after: { inserted: out.length, skipped: errors.length },
    })
    return out.length
  })
  return { rows, errors, inserted }
}
