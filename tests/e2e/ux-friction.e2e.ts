import { expect, test, type Page } from '@playwright/test'
import { login, logout } from './helpers.ts'

/**
 * Issue #21's friction list, as a new user meets it. Runs after payables.e2e.ts (file order), which leaves
 * Maya an Acme invoice: run the two together when running this file alone.
 */
test.describe.configure({ mode: 'serial' })

/** Click the page's back link and check the page it lands on is the one the link names. */
async function backLinkLandsOn(page: Page, label: string, heading: string = label) {
  const back = page.locator('.page-header .back-link')
  await expect(back).toHaveText(`← ${label}`)
  await back.click()
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible()
}

test('every back link goes where it says: creator invoice, tax form, new invoice; manager and finance invoice pages', async ({ page }) => {
  await login(page, 'maya@creators.test')
  await page.getByRole('navigation').getByRole('link', { name: 'Invoices' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible()
  const invoicesUrl = page.url()
  const invoiceLink = page.locator('main a[href*="/invoices/"]').filter({ hasNotText: /Tax form|New invoice/ }).first()
  await invoiceLink.click()
  await expect(page).toHaveURL(/\/invoices\/[^/]+$/)
  const invoiceId = new URL(page.url()).pathname.split('/').pop()!
  await backLinkLandsOn(page, 'Invoices')
  expect(page.url()).toBe(invoicesUrl)

  await page.getByRole('link', { name: 'Tax form' }).click()
  await backLinkLandsOn(page, 'Invoices')
  expect(page.url()).toBe(invoicesUrl)
  await page.getByRole('link', { name: 'New invoice' }).first().click()
  await backLinkLandsOn(page, 'Invoices')
  expect(page.url()).toBe(invoicesUrl)
  await logout(page)

  await login(page, 'marco@acme.test')
  await page.goto(`/b/acme-running/invoices/${invoiceId}`)
  await backLinkLandsOn(page, 'Invoices')
  await expect(page).toHaveURL(/\/b\/acme-running\/invoices$/)
  await logout(page)

  await login(page, 'fiona@acme.test')
  await page.goto(`/pay/acme-running/invoices/${invoiceId}`)
  await backLinkLandsOn(page, 'Invoice queue')
  await expect(page).toHaveURL(/\/pay\/acme-running$/)
  await logout(page)
})

test('after "Send offer" the whole form starts afresh: creators, every deliverable and the terms', async ({ page }) => {
  await login(page, 'liam@glow.test')
  await page.goto('/b/glow-labs/campaigns')
  await page.getByRole('link', { name: 'Winter Glow Serum' }).click()
  await page.getByRole('navigation', { name: 'Campaign sections' }).getByRole('link', { name: 'Creators & offers' }).click()

  // First offer: Chloe, an Instagram reel and a TikTok video.
  await page.getByLabel('Chloe Dubois').check()
  await page.getByLabel('Format 1').selectOption('reel')
  await page.getByText('Add deliverable 2').click()
  await page.getByLabel('Format 2').selectOption('tiktok_video')
  await page.getByLabel('Fee (GBP)').fill('700')
  await page.getByLabel('Message to the creator').fill('Two pieces for the serum launch.')
  await page.getByRole('button', { name: 'Send offer' }).click()
  await expect(page.getByText('Offer sent to 1 creator.')).toBeVisible()
  const rows = page.locator('tr[data-offer]')
  await expect(rows.filter({ hasText: 'Chloe Dubois' })).toContainText('Instagram reel')
  await expect(rows.filter({ hasText: 'Chloe Dubois' })).toContainText('TikTok video')

  // The form is empty again, including the second deliverable (it used to keep it).
  await expect(page.getByLabel('Format 1')).toHaveValue('')
  await expect(page.getByLabel('Format 2')).toHaveValue('')
  await expect(page.getByLabel('Fee (GBP)')).toHaveValue('')
  await expect(page.getByLabel('Message to the creator')).toHaveValue('')
  await expect(page.getByLabel('Hannah Lee')).not.toBeChecked()

  // The next offer carries only what is chosen for it: one reel for Hannah.
  await page.getByLabel('Hannah Lee').check()
  await page.getByLabel('Format 1').selectOption('reel')
  await page.getByLabel('Fee (GBP)').fill('400')
  await page.getByRole('button', { name: 'Send offer' }).click()
  await expect(page.getByText('Offer sent to 1 creator.')).toBeVisible()
  const hannah = rows.filter({ hasText: 'Hannah Lee' })
  await expect(hannah).toContainText('Instagram reel')
  await expect(hannah).not.toContainText('TikTok')
  await logout(page)
})

test('an agent whose creator ended the agency is told so, with links to the creators they still act for', async ({ page }) => {
  page.on('dialog', (d) => void d.accept())
  await login(page, 'nora@northstar.test')
  await page.goto('/c')
  await page.getByRole('link', { name: /Zoe Fischer/ }).click()
  await expect(page).toHaveURL(/\/c\/[^/]+$/)
  const zoePage = new URL(page.url()).pathname
  await logout(page)

  await login(page, 'zoe@creators.test')
  await page.goto(`${zoePage}/profile`)
  await page.locator('li', { hasText: 'Northstar Talent' }).getByRole('button', { name: 'Revoke' }).click()
  await expect(page.getByText('Access revoked.')).toBeVisible()
  await logout(page)

  await login(page, 'nora@northstar.test')
  await page.goto(`${zoePage}/offers`)
  await expect(page.getByRole('heading', { level: 1, name: 'Agency ended' })).toBeVisible()
  await expect(page.getByRole('alert').filter({ hasText: "Zoe Fischer ended Northstar Talent's agency on" })).toBeVisible()
  const remaining = page.getByRole('list', { name: 'Creators you still act for' })
  await expect(remaining.getByRole('link')).toHaveText(['Jonah Brooks', 'Lucas Meyer'])
  await remaining.getByRole('link', { name: 'Jonah Brooks' }).click()
  await expect(page).toHaveURL(/\/c\/[^/]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await logout(page)

  // Someone who never had the grant still gets the plain 404: the creator's page stays private.
  await login(page, 'maya@creators.test')
  await page.goto(`${zoePage}/offers`)
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
})

test('Approve says what still blocks it before the click, and the refusal is an alert', async ({ page }) => {
  await login(page, 'marco@acme.test')
  await page.goto('/b/acme-running/review')
  await page.locator('[data-review-link]').first().click()
  const blockers = page.getByTestId('approval-blockers')
  const checks = page.locator('input[name="attestations"]')
  await expect(blockers).toBeVisible()
  await expect(checks.first()).toBeVisible()
  const n = await checks.count()
  expect(n).toBeGreaterThan(1)
  // Before any click: every unticked check is named next to the button.
  await expect(blockers).toContainText('Before you can approve:')
  await expect(blockers).toContainText(`Tick these ${n} checks`)
  // Ticking one updates the list at once.
  await checks.first().check()
  await expect(blockers).toContainText(n - 1 === 1 ? 'Tick this check' : `Tick these ${n - 1} checks`)
  await checks.first().uncheck()
  // Approving anyway: the refusal is announced (role="alert"), not a plain paragraph.
  await page.getByRole('button', { name: 'Approve', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'This draft cannot be approved yet' }).first()).toBeVisible()
  for (let i = 0; i < n; i++) await checks.nth(i).check()
  await expect(blockers).not.toContainText('Tick')
  await logout(page)
})
