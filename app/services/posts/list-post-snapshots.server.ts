import { asc, eq } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'

/** A post's metric snapshots, oldest first, with the capture time as an ISO string. */
export async function listPostSnapshots(tx: DbOrTx, postId: string) {
  const rows = await tx
    .select({
      id: schema.metricSnapshots.id,
      capturedAt: schema.metricSnapshots.capturedAt,
      source: schema.metricSnapshots.source,
      impressions: schema.metricSnapshots.impressions,
      reach: schema.metricSnapshots.reach,
      views: schema.metricSnapshots.views,
      likes: schema.metricSnapshots.likes,
      comments: schema.metricSnapshots.comments,
      shares: schema.metricSnapshots.shares,
      saves: schema.metricSnapshots.saves,
      clicks: schema.metricSnapshots.clicks,
      followers: schema.metricSnapshots.followers,
      evidenceFileId: schema.metricSnapshots.evidenceFileId,
    })
    .from(schema.metricSnapshots)
    .where(eq(schema.metricSnapshots.postId, postId))
    .orderBy(asc(schema.metricSnapshots.capturedAt))
  return rows.map((s) => ({ ...s, capturedAt: s.capturedAt.toISOString() }))
}
