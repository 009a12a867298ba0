import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3123)
const baseURL = `http://127.0.0.1:${port}`
// The fake Instagram (tests/fakes/instagram-server.ts) the app's Instagram connector talks to in the e2e
// (tests/e2e/helpers.ts fakeInstagram() computes the same address).
const instagramPort = Number(process.env.E2E_INSTAGRAM_PORT ?? port + 1)
const fakeInstagramURL = `http://127.0.0.1:${instagramPort}`
const instagramApp = { INSTAGRAM_CLIENT_ID: '990602627938098', INSTAGRAM_CLIENT_SECRET: 'fake-instagram-secret' }

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
  webServer: [
    {
      command: 'npx tsx tests/fakes/instagram-server.ts',
      url: `${fakeInstagramURL}/__control/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { FAKE_INSTAGRAM_PORT: String(instagramPort), ...instagramApp },
    },
    {
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
        // Instagram is configured (connect buttons shown), pointed at the fake; TikTok and YouTube are not.
        ...instagramApp,
        INSTAGRAM_AUTH_URL: fakeInstagramURL,
        INSTAGRAM_GRAPH_URL: fakeInstagramURL,
        CONNECTIONS_KEY: 'e2e0'.repeat(16),
      },
    },
  ],
})
