import { defineJob, scheduleRecurring } from '#app/services/jobs/define-job.server.ts'
import { syncAllConnections } from './sync-connections.server.ts'

/** Platform connections: refresh tokens, follower and post metrics snapshots, post proposals (idempotent per reading). */
export const syncConnectionsJob = defineJob({
  name: 'connectors.sync',
  label: 'Read connected accounts (posts, metrics, followers)',
  maxAttempts: 3,
  backoffMs: 60_000,
  leaseMs: 10 * 60_000,
  run: (_payload, ctx) => syncAllConnections(ctx.now),
})

scheduleRecurring(syncConnectionsJob, { everyMs: 3_600_000, key: 'recurring:connectors.sync' })
