import { hostname } from 'node:os'
import { config } from '#app/config.server.ts'
import { db } from '#app/db.server.ts'
import { knownJobNames } from './registry.server.ts'
import { ensureRecurringJobs, runNextJob } from './run-jobs.server.ts'

const g = globalThis as unknown as { __greenroomJobWorker?: { stop: () => Promise<void> } }

/**
 * The job worker of this process: JOBS_CONCURRENCY lanes, each claiming and running due jobs until
 * none is due, then sleeping JOBS_POLL_MS. Any number of processes may run one (claims never overlap).
 * Started once per process by app/boot.server.ts (safe across `remix dev` rebuilds).
 */
export function startJobWorker(opts: { concurrency?: number; pollMs?: number; /** tests: only these job names */ names?: string[] } = {}) {
  if (g.__greenroomJobWorker) return g.__greenroomJobWorker
  const c = config()
  const concurrency = opts.concurrency ?? c.JOBS_CONCURRENCY
  const pollMs = opts.pollMs ?? c.JOBS_POLL_MS
  const who = `${hostname()}:${process.pid}`
  let stopped = false
  let lastEnsure = 0
  const sleeps = new Set<() => void>()
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(t)
        sleeps.delete(done)
        resolve()
      }
      const t = setTimeout(done, ms)
      sleeps.add(done)
    })
  const lane = async (n: number) => {
    await sleep(100 + n * 50)
    while (!stopped) {
      try {
        // Re-assert the recurring rows now and then (a new deploy may have added or changed one).
        if (Date.now() - lastEnsure > 60_000) {
          lastEnsure = Date.now()
          await ensureRecurringJobs(db(), new Date(), opts.names)
        }
        const ran = await runNextJob(db(), new Date(), opts.names ?? knownJobNames())
        if (ran?.outcome === 'dead') console.error(`[jobs] ${ran.name} ${ran.id} is dead after ${ran.attempt} attempts: ${ran.error}`)
        if (ran) continue
      } catch (error) {
        console.error(`[jobs] worker ${who} lane ${n} failed`, error)
      }
      if (!stopped) await sleep(pollMs)
    }
  }
  const lanes = Array.from({ length: concurrency }, (_, n) => lane(n))
  g.__greenroomJobWorker = {
    stop: async () => {
      stopped = true
      for (const wake of [...sleeps]) wake()
      g.__greenroomJobWorker = undefined
      // Let running jobs finish (their lease would hand them to another process otherwise).
      await Promise.race([Promise.all(lanes), new Promise((r) => setTimeout(r, 10_000))])
    },
  }
  return g.__greenroomJobWorker
}

export async function stopJobWorker() {
  await g.__greenroomJobWorker?.stop()
}
