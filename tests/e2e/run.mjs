/**
 * `npm run test:e2e`: build, prepare a fresh database with the demo data, find Chromium, run Playwright.
 * Uses DATABASE_URL when set (CI: PostgreSQL), otherwise a fresh PGlite folder of its own.
 */
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { findChromium } from './chromium.mjs'

const root = path.resolve(import.meta.dirname, '../..')
// E2E_DATA_DIR / E2E_PORT let several runs share a machine without touching each other's files.
const dataDir = path.resolve(root, process.env.E2E_DATA_DIR ?? 'tests/e2e/.data')
const run = (cmd, args, env = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })

rmSync(dataDir, { recursive: true, force: true })
// PostgreSQL: a fresh database of its own next to DATABASE_URL's (the integration run before it leaves
// rows behind, including a demo seeded with files in another folder, and the seed skips a seeded demo).
let dbEnv = { PGLITE_DIR: path.join(dataDir, 'db') }
if (process.env.DATABASE_URL) {
  const url = new URL(process.env.DATABASE_URL)
  const name = `${url.pathname.slice(1)}_e2e`.replace(/[^a-zA-Z0-9_]/g, '_').slice(0, 60)
  const admin = new URL(url)
  admin.pathname = '/postgres'
  const { default: postgres } = await import('postgres')
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} })
  await sql.unsafe(`drop database if exists "${name}" with (force)`)
  await sql.unsafe(`create database "${name}"`)
  await sql.end()
  url.pathname = `/${name}`
  dbEnv = { DATABASE_URL: url.toString() }
}
if (!process.env.SKIP_BUILD) run('sh', ['-c', 'flock /tmp/greenroom-build.lock npm run --silent build'])
run('npx', ['tsx', 'db/seed.ts'], { ...dbEnv, UPLOAD_DIR: path.join(dataDir, 'uploads') })
const chromium = await findChromium()
try {
  run('npx', ['playwright', 'test', ...process.argv.slice(2)], {
    ...dbEnv,
    CHROMIUM_PATH: chromium,
    E2E_MAIL_DIR: path.join(dataDir, 'mail'),
    E2E_UPLOAD_DIR: path.join(dataDir, 'uploads'),
  })
} catch {
  process.exit(1)
}
