import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3123)
const baseURL = `http://127.0.0.1:${port}`

// tests/e2e/run.mjs prepares the database, the build and CHROMIUM_PATH, then runs this config.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.e2e\.ts/,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Artifacts per run folder, so parallel runs (E2E_DATA_DIR) never delete each other's files.
  outputDir: process.env.E2E_DATA_DIR ? `${process.env.E2E_DATA_DIR}/artifacts` : 'test-results/e2e-artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node build/server.js',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NODE_ENV: 'production',
      GREENROOM_DEMO: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: baseURL,
      MAIL_DIR: process.env.E2E_MAIL_DIR ?? 'tests/e2e/.data/mail',
      UPLOAD_DIR: process.env.E2E_UPLOAD_DIR ?? 'tests/e2e/.data/uploads',
      OUTBOX_POLL_MS: '200',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { PGLITE_DIR: process.env.PGLITE_DIR ?? 'tests/e2e/.data/db' }),
    },
  },
})
