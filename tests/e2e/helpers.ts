import { expect, type Page } from '@playwright/test'
import { DEMO_PASSWORD } from '../../db/seed-data.ts'

/** Sign in; unless told it should fail, wait until the browser has left the sign-in page. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD, opts: { expectFailure?: boolean } = {}) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  if (!opts.expectFailure) await page.waitForURL((u) => !u.pathname.startsWith('/login'))
}

export async function logout(page: Page) {
  await page.locator('summary.user-summary').click()
  await page.getByRole('button', { name: 'Log out' }).click()
  await expect(page).toHaveURL(/\/login$/)
}

/** Open the newest email to `to` in the development mail folder and return its links. */
export async function openLatestMail(page: Page, to: string, subject: RegExp) {
  await expect
    .poll(
      async () => {
        await page.goto('/dev/mail')
        return page.locator('.list-row', { hasText: to }).filter({ hasText: subject }).count()
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0)
  await page.locator('.list-row', { hasText: to }).filter({ hasText: subject }).first().getByRole('link').click()
  // Wait for the email itself: reading links before the navigation lands reads the list page's links.
  await page.waitForURL(/\/dev\/mail\/[^/]+$/)
  await expect(page.getByRole('heading', { name: 'Links in this email' })).toBeVisible()
  return page.locator('a[href^="http"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
}

/** The area's main navigation (sidebar on desktop, tab strip on phones). */
export const mainNav = (page: Page) => page.locator('nav.sidenav')

/**
 * The fake Instagram the e2e app talks to (tests/fakes/instagram-server.ts, started by playwright.config.ts
 * on E2E_INSTAGRAM_PORT, default the app's port + 1), and its test-control API (not Instagram's).
 */
export const fakeInstagramURL = `http://127.0.0.1:${Number(process.env.E2E_INSTAGRAM_PORT ?? Number(process.env.E2E_PORT ?? 3123) + 1)}`
export async function fakeInstagram(path: '/users' | '/media' | '/consent-as', body: Record<string, unknown>) {
  const res = await fetch(`${fakeInstagramURL}/__control${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (!res.ok) throw new Error(`fake Instagram ${path}: ${res.status} ${await res.text()}`)
  return res.json()
}

/** From the brand's campaign list: "New campaign", then the brief's first version published (the manager is signed in). */
export async function createCampaignWithBrief(page: Page, c: { name: string; budget: string; overview: string; hashtags: string; handles: string }) {
  await page.getByRole('link', { name: 'New campaign' }).click()
  await page.getByLabel('Name').fill(c.name)
  await page.getByLabel('Budget').fill(c.budget)
  await page.getByRole('button', { name: 'Create campaign' }).click()
  await expect(page.getByText('is created as a draft')).toBeVisible()
  await page.getByLabel('Overview').fill(c.overview)
  await page.getByLabel('Mandatory hashtags').fill(c.hashtags)
  await page.getByLabel('Mandatory @handles').fill(c.handles)
  await page.getByRole('button', { name: 'Publish version 1' }).click()
  await expect(page.getByText('Version 1 published.')).toBeVisible()
}
