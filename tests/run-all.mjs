/**
 * `npm test`: typecheck, unit, integration (PGlite, and PostgreSQL too when DATABASE_URL is set),
 * then e2e in Chromium against the built server (PostgreSQL when DATABASE_URL is set, else PGlite).
 * Prints a summary and a closing "N passed, N failed" line; exits non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const results = path.join(root, 'test-results')
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

const { DATABASE_URL, ...envWithoutDb } = process.env
const steps = []

function run(name, cmd, args, env, counts) {
  const started = Date.now()
  console.info(`\n=== ${name} ===`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env })
  const seconds = Math.round((Date.now() - started) / 100) / 10
  let passed = 0
  let failed = r.status === 0 ? 0 : 1
  try {
    if (counts) ({ passed, failed } = counts(r.status))
  } catch {
    // no report: the step failed before running tests
  }
  steps.push({ name, ok: r.status === 0, passed, failed, seconds })
  return r.status === 0
}

const failures = []
const vitestCounts = (file) => (status) => {
  const j = JSON.parse(readFileSync(path.join(results, file), 'utf8'))
  // the names of what failed, repeated under the summary: a long log's tail is often all that is kept
  for (const f of j.testResults ?? []) {
    const rel = path.relative(root, f.name ?? '')
    for (const a of f.assertionResults ?? []) {
      if (a.status === 'failed') failures.push(`${file}: ${rel} › ${a.fullName}\n      ${String(a.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300)}`)
    }
    if (f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')) failures.push(`${file}: ${rel} › ${String(f.message ?? 'the file failed to run').split('\n')[0].slice(0, 300)}`)
  }
  return { passed: j.numPassedTests, failed: j.numFailedTests + (status !== 0 && j.numFailedTests === 0 ? 1 : 0) }
}
const vitest = (project, file) => ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=test-results/${file}`]

run('typecheck', 'npx', ['tsc', '--noEmit'], process.env)
run('unit', 'npx', vitest('unit', 'unit.json'), envWithoutDb, vitestCounts('unit.json'))
// Every test file has a database of its own (PGlite: in memory; PostgreSQL: a copy of the migrated CI
// database, tests/setup/pg-databases.ts), so files run side by side on every core (the default keeps one
// core free, which on a 2-core CI machine means one file at a time).
const workers = String(Math.max(1, os.availableParallelism()))
run('integration (PGlite)', 'npx', [...vitest('integration', 'integration-pglite.json'), `--maxWorkers=${workers}`], envWithoutDb, vitestCounts('integration-pglite.json'))
if (DATABASE_URL) {
  run('integration (PostgreSQL)', 'npx', [...vitest('integration', 'integration-postgres.json'), `--maxWorkers=${workers}`], process.env, vitestCounts('integration-postgres.json'))
}
run(`e2e (Chromium, ${DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, 'node', ['tests/e2e/run.mjs'], process.env, (status) => {
  const j = JSON.parse(readFileSync(path.join(results, 'e2e.json'), 'utf8'))
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'unexpected') failures.push(`e2e: ${spec.file}:${spec.line} › ${spec.title}\n      ${String(t.results?.at(-1)?.error?.message ?? '').split('\n')[0].slice(0, 300)}`)
      }
    }
    for (const s of suite.suites ?? []) walk(s)
  }
  for (const s of j.suites ?? []) walk(s)
  return { passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected + (status !== 0 && j.stats.unexpected === 0 ? 1 : 0) }
})

console.info('\n=== summary ===')
for (const s of steps) {
  console.info(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name.padEnd(28)} ${String(s.passed).padStart(4)} passed ${String(s.failed).padStart(3)} failed  ${s.seconds}s`)
}
const passed = steps.reduce((n, s) => n + s.passed, 0)
const failed = steps.reduce((n, s) => n + s.failed, 0)
for (const f of failures) console.info(`  failed: ${f}`)
console.info(`tests: ${passed} passed, ${failed} failed`)
process.exit(steps.every((s) => s.ok) ? 0 : 1)
