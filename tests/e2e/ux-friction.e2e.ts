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
