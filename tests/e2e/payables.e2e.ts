import { expect, test, type Page } from '@playwright/test'
import { login as loginForm, logout, mainNav } from './helpers.ts'

/** Sign in and wait until the app has taken us past the login page. */
async function login(page: Page, email: string) {
  await loginForm(page, email)
  await expect(page).not.toHaveURL(/\/login/)
}

/**
 * Invoice -> approval -> payment on the demo data (db/seed-money.ts): Maya Chen's Instagram reel for
 * Acme's "Winter Base Layer" (fee $1,500, net 30 from the post's verification) is delivered and her
 * W-9 is verified, so her invoice matches. A second invoice reusing the number is caught.
 */
test('creator invoices a verified deliverable; manager approves; finance pays it; the creator sees it paid', async ({ page }) => {
  page.on('dialog', (d) => void d.accept())
  const number = `MC-WBL-${Date.now().toString(36)}`
  await login(page, 'maya@creators.test')
  await mainNav(page).getByRole('link', { name: 'Invoices' }).click()
  await page.getByRole('link', { name: 'New invoice' }).first().click()
  await page.getByRole('link', { name: 'Acme Running · Winter Base Layer' }).click()
  await expect(page.getByLabel('Payee legal name')).toHaveValue('Maya Chen')
  await expect(page.getByLabel(/Amount for Instagram reel #1/)).toHaveValue('1500.00')
  await page.getByLabel('Invoice number').fill(number)
  await page.getByRole('button', { name: 'Send invoice to Acme Running' }).click()
  await expect(page.getByText(`Invoice ${number} sent.`)).toBeVisible()
  await expect(page.getByText('Everything matches')).toBeVisible()

  // A duplicate: the same number again (on her other Acme collaboration) is refused next to the field.
  await page.goto(page.url().replace(/\/invoices\/.*$/, '/invoices/new'))
  await page.getByRole('link', { name: 'Acme Running · Track Club Launch' }).click()
  await page.getByLabel('Invoice number').fill(number.toLowerCase())
  await page.getByRole('button', { name: 'Send invoice to Acme Running' }).click()
  await expect(page.getByText(new RegExp(`already used invoice number ${number}`)).first()).toBeVisible()
  await logout(page)

  await login(page, 'marco@acme.test')
  await page.goto('/b/acme-running/invoices')
  await page.getByRole('link', { name: number }).click()
  await expect(page.getByTestId('match-summary')).toContainText('✓ Matched')
  await page.getByRole('button', { name: 'Approve invoice' }).click()
  await expect(page.getByText(new RegExp(`Invoice ${number} approved`))).toBeVisible()
  await logout(page)

  await login(page, 'fiona@acme.test')
  await page.goto('/pay/acme-running')
  const row = page.locator('tr', { hasText: number })
  await expect(row.getByText('✓ Matched')).toBeVisible()
  await row.getByRole('link', { name: number }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${number}` })).toBeVisible()
  await expect(page.getByTestId('match-summary')).toContainText('✓ Matched')
  await page.getByLabel('Reference').fill('ACH-E2E-1')
  await expect(page.getByLabel('Reference')).toHaveValue('ACH-E2E-1')
  await page.getByRole('button', { name: 'Mark paid' }).click()
  await expect(page.getByText(new RegExp(`Invoice ${number} marked paid`))).toBeVisible()
  await logout(page)

  await login(page, 'maya@creators.test')
  await mainNav(page).getByRole('link', { name: 'Invoices' }).click()
  const mine = page.locator('tr', { hasText: number })
  await expect(mine.getByText('Paid', { exact: true })).toBeVisible()
  await expect(mine).toContainText('ref ACH-E2E-1')
})
