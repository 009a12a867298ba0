import type { MetricValues } from '#app/domain/metrics-csv.ts'

/**
 * The interface a platform API integration implements (none exists yet: Instagram Graph, TikTok
 * Business and YouTube Analytics each need the creator's OAuth grant). A provider returns the post's
 * current numbers; the caller stores them as a metric_snapshots row with source 'api' and
 * importKey `api:<postId>:<capturedAt ISO>` so a retried poll stores each reading once — the same
 * idempotency the CSV import uses (import-metrics-csv.server.ts).
 */
export interface MetricsProvider {
  platform: string
  /** null when the platform has no numbers for this post (deleted, private, not yet indexed). */
  fetchSnapshot(post: { id: string; url: string; externalId: string | null }): Promise<{ capturedAt: Date; values: MetricValues } | null>
}

export const apiImportKey = (postId: string, capturedAt: Date) => `api:${postId}:${capturedAt.toISOString()}`
