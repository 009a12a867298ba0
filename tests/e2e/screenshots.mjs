/**
 * README screenshots: `node tests/e2e/screenshots.mjs [baseURL] [name ...]` against a running demo
 * (`npm run demo`). Writes public/readme/*.png (desktop and phone); with names, only those.
 */
import { mkdirSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { findChromium } from './chromium.mjs'

const base = process.argv[2] ?? 'http://localhost:3000'
const only = new Set(process.argv.slice(3))
const out = 'public/readme'
mkdirSync(out, { recursive: true })
const browser = await chromium.launch({
  executablePath: await findChromium({ install: false }),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})

async function shoot(name, email, path, viewport = { width: 1280, height: 800 }, then) {
  if (only.size && !only.has(name)) return
  const ctx = await browser.newContext({ viewport, deviceScaleFactor: 1 })
  const page = await ctx.newPage()
  if (email) {
    await page.goto(`${base}/login`)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('greenroom-demo-2026')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  }
  if (path) await page.goto(`${base}${typeof path === 'function' ? path(page.url()) : path}`)
  if (then) await then(page)
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: false })
  await ctx.close()
  console.info(`wrote ${out}/${name}.png`)
}

const phone = { width: 390, height: 844 }
await shoot('login', null, '/login')
await shoot('brand-roster', 'marco@acme.test', '/b/acme-running/roster')
await shoot('brand-members', 'ava@acme.test', '/b/acme-running/members')
await shoot('payables', 'fiona@acme.test', null)
await shoot('creator-home-phone', 'maya@creators.test', null, phone)
await shoot('agent-phone', 'nora@northstar.test', null, phone)
await shoot('brand-home', 'marco@acme.test', '/b/acme-running')
await shoot('review-queue', 'marco@acme.test', '/b/acme-running/review')
// The first draft in the queue (the one with a blocking finding), scrolled to the caption and findings.
await shoot('review-page', 'marco@acme.test', '/b/acme-running/review', undefined, async (page) => {
  await page.locator('[data-review-link]').first().click()
  await page.waitForURL(/\/review\/[^/]+$/)
})
await shoot('creator-deliverable-phone', 'sofia@creators.test', null, phone, async (page) => {
  await page.locator('a[href*="/deliverables/"]').first().click()
  await page.waitForURL(/\/deliverables\//)
})
await shoot('roster-profile', 'marco@acme.test', '/b/acme-running/roster', undefined, async (page) => {
  await page.locator('table a[href*="/roster/"]').first().click()
  await page.waitForURL(/\/roster\/[^/]+$/)
})
await shoot('reports', 'marco@acme.test', '/b/acme-running/reports')
// Issue #21: the creator's offer on a phone (the disclosure checklist once, what differs per deliverable).
await shoot('creator-offer-phone', 'maya@creators.test', null, phone, async (page) => {
  await page.goto(`${new URL(page.url()).origin}${new URL(page.url()).pathname}/offers`)
  await page.locator('main a', { hasText: 'Spring Trail Drop' }).first().click()
  await page.waitForURL(/\/offers\/[^/]+$/)
  await page.getByRole('heading', { name: "What you'll make" }).evaluate((h) => h.closest('.card').scrollIntoView({ block: 'start' }))
})
// The brief editor with its files (attach, remove; published or draft only).
await shoot('brief-files', 'marco@acme.test', '/b/acme-running/campaigns', undefined, async (page) => {
  await page.locator('main a', { hasText: 'Spring Trail Drop' }).first().click()
  await page.waitForURL(/\/campaigns\/[^/]+/)
  await page.goto(`${new URL(page.url()).origin}${new URL(page.url()).pathname.replace(/\/$/, '')}/brief`)
})
await browser.close()
