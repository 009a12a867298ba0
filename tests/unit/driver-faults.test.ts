import { describe, expect, it } from 'vitest'
import { isKnownDriverFault } from '#db/driver-faults.ts'

describe('the postgres.js closed-socket guard', () => {
  const fault = () => {
    const e = new TypeError("Cannot read properties of null (reading 'write')")
    e.stack = `${e.message}\n    at Immediate.nextWrite (/app/node_modules/postgres/src/connection.js:255:22)\n    at process.processImmediate (node:internal/timers:483:21)`
    return e
  }
  it('recognises exactly the nextWrite-on-a-closed-socket defect', () => {
    expect(isKnownDriverFault(fault())).toBe(true)
    // The serialised copy a test runner passes along.
    expect(isKnownDriverFault({ name: 'TypeError', message: fault().message, stack: fault().stack })).toBe(true)
  })
  it('lets every other error through', () => {
    expect(isKnownDriverFault(new TypeError("Cannot read properties of null (reading 'write')"))).toBe(false)
    const ours = new TypeError("Cannot read properties of null (reading 'write')")
    ours.stack = `${ours.message}\n    at nextWrite (/app/app/services/files/local-disk.server.ts:10:1)`
    expect(isKnownDriverFault(ours)).toBe(false)
    expect(isKnownDriverFault(new Error('boom'))).toBe(false)
    expect(isKnownDriverFault(null)).toBe(false)
  })
})
