import { defineJob, scheduleRecurring } from '#app/services/jobs/define-job.server.ts'
import { syncAllConnections } from './sync-connections.server.ts'

/** Platform connections: refresh tokens, follower and post metrics snapshots, post proposals (idempotent per reading). */
export const syncConnectionsJob = defineJob<{ connectionIds?: string[] } | void>({
  name: 'connectors.sync',
  label: 'Read connected accounts (posts, metrics, followers)',
  maxAttempts: 3,
  backoffMs: 60_000,
  leaseMs: 10 * 60_000,
  // The hourly run reads every connection; the run queued by a new connection reads just that one.
  run: (payload, ctx) => syncAllConnections(ctx.now, payload && payload.connectionIds?.length ? { connectionIds: payload.connectionIds } : {}),
})

scheduleRecurring(syncConnectionsJob, { everyMs: 3_600_000, key: 'recurring:connectors.sync' })
