import { afterEach, beforeEach, vi } from 'vitest'

// A console.error during a test fails it: errors are bugs, not noise.
let calls: unknown[][] = []
beforeEach(() => {
  calls = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    calls.push(args)
  })
})
afterEach(() => {
  vi.mocked(console.error).mockRestore()
  if (calls.length) {
    const first = calls[0]!.map((a) => (a instanceof Error ? a.stack : String(a))).join(' ')
    throw new Error(`console.error was called ${calls.length} time(s) during the test: ${first}`)
  }
})
