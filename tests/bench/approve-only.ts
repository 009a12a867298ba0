/**
 * The bench's approve scenario alone (tests/bench/run.ts approveScenario), ROUNDS times, against an app built in
 * this checkout (npm run build first) on DATABASE_URL: for before/after comparisons of the approve path on a busy
 * machine without the whole bench. `DATABASE_URL=... BENCH_PORT=4310 ROUNDS=3 npx tsx tests/bench/approve-only.ts`.
 * It starts the app (which applies this checkout's migrations), puts the drafts back to waiting each round, and
 * leaves the review state as the seed made it.
 */
import { spawn } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { BENCH_PASSWORD } from './constants.ts'
import { approveAll, attestationsByFormat, keepReviewState, resetDrafts, restoreReviewState } from './approve.ts'

const root = path.resolve(import.meta.dirname, '../..')
const url = process.env.DATABASE_URL!
const APP = Number(process.env.BENCH_PORT ?? 4310)
const base = `http://127.0.0.1:${APP}`
const bench = postgres(url, { max: 2, onnotice: () => {} })
const app = spawn('node', ['build/server.js'], {
  cwd: root,
  env: { ...process.env, NODE_ENV: 'production', PORT: String(APP), HOST: '127.0.0.1', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret', SECURE_COOKIES: 'never', OUTBOX_WORKER: '0', DB_POOL_SIZE: '20' },
  stdio: ['ignore', 'ignore', 'inherit'],
})
process.on('exit', () => app.kill('SIGTERM'))
for (let i = 0; i < 1500; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break
  } catch {
    // not yet
  }
  await new Promise((r) => setTimeout(r, 200))
}
const res = await fetch(`${base}/login`, { method: 'POST', redirect: 'manual', headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: 'manager@bench-01.bench', password: BENCH_PASSWORD }) })
const manager = res.headers.get('set-cookie')!.split(';')[0]!
await keepReviewState(bench)
for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
  const drafts = await resetDrafts(bench)
  const { r, failed } = await approveAll(base, manager, drafts, await attestationsByFormat(base, manager, drafts))
  const load = os.loadavg()[0]!.toFixed(1) // the machine is shared: compare runs at a similar load
  console.info(`round ${round}: ${drafts.length} approvals ${r.requests.average.toFixed(1)} req/s (total ${(drafts.length / (r.duration || 1)).toFixed(1)}/s) p50 ${r.latency.p50} ms p97.5 ${r.latency.p97_5} ms failed ${failed} errors ${r.errors} load ${load}`)
}
await restoreReviewState(bench)
await bench.end()
app.kill('SIGTERM')
process.exit(0)
