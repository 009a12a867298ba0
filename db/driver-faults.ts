/**
 * postgres.js 3.4.9 (the latest release) can throw from a setImmediate after the server closes a
 * connection mid-query (pg_terminate_backend, a failover, a proxy dropping the socket): `nextWrite`
 * writes to a socket that `closed()` already set to null. By then the query on that connection has been
 * rejected (CONNECTION_CLOSED) and the pool replaces the connection, so the buffered write is moot; but
 * the throw escapes every await and, unhandled, stops the whole process. Upstream: porsager/postgres
 * issues #1066, #1154, #1208 (fix PRs #1168, #1176, #1209 not released yet). Remove this guard once a
 * release has the fix. tests/integration/gates-faults.test.ts reproduces it with pg_terminate_backend.
 */
export function isKnownDriverFault(error: unknown): boolean {
  // Plain property checks: the test runner hands over a serialised copy, not the TypeError itself.
  const e = error as { name?: unknown; message?: unknown; stack?: unknown } | null
  if (!e || e.name !== 'TypeError' || typeof e.message !== 'string') return false
  const stack = typeof e.stack === 'string' ? e.stack : ''
  return /reading 'write'|evaluating 'socket\.write'/.test(e.message) && /nextWrite/.test(stack) && /postgres[\\/]src[\\/]connection\.js/.test(stack)
}

/**
 * In the server process: survive exactly that defect (logged as one warning line); every other
 * uncaught exception still prints and exits with status 1, as Node does by default.
 */
export function installDriverFaultGuard() {
  const g = globalThis as unknown as { __greenroomDriverGuard?: boolean }
  if (g.__greenroomDriverGuard) return
  g.__greenroomDriverGuard = true
  process.on('uncaughtException', (error) => {
    if (isKnownDriverFault(error)) {
      console.warn(JSON.stringify({ t: new Date().toISOString(), warning: 'postgres connection closed mid-write (known postgres.js defect); the query was rejected and the connection replaced' }))
      return
    }
    console.error(error)
    process.exit(1)
  })
}
