import { defineConfig } from 'vitest/config'
import { isKnownDriverFault } from './db/driver-faults.ts'

export default defineConfig({
  // JSX for route modules and email templates imported by integration tests.
  esbuild: { jsx: 'automatic' },
  test: {
    globals: true,
    // The one postgres.js defect the server survives (db/driver-faults.ts); every other unhandled error fails the run.
    onUnhandledError: (error) => (isKnownDriverFault(error) ? false : undefined),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/no-console-error.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          globalSetup: ['tests/setup/global-db.ts'],
          setupFiles: ['tests/setup/no-console-error.ts', 'tests/setup/integration.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
})
