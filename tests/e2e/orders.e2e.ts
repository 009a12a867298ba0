import { expect, test, type Page } from '@playwright/test'
import { login } from './helpers.ts'

// A manager imports a Shopify orders export, then a later export in which one order was refunded:
// the report's net revenue for that creator falls by the refund, on the page and in the CSV.
// Kenji (demo) posted 20 days ago with code KENJI12; the demo already has one $129.00 order for him.

const HEADER = 'Name,Email,Financial Status,Paid at,Currency,Subtotal,Total,Discount Code,Created at,Lineitem name,Cancelled at,Payment Method,Refunded Amount'
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10)

function exportCsv(refunded: boolean) {
  return [
    HEADER,
    `#E2E-1,a@x.test,paid,,USD,50.00,50.00,kenji12,${day(2)} 10:00:00 +0000,"Trail shoe, blue",,Shopify Payments,0.00`,
    `#E2E-1,,,,,,,,,Socks,,,`,
    refunded
      ? `#E2E-2,b@x.test,refunded,,USD,30.00,30.00,KENJI12,${day(1)} 10:00:00 +0000,Cap,,Shopify Payments,30.00`
      : `#E2E-2,b@x.test,paid,,USD,30.00,30.00,KENJI12,${day(1)} 10:00:00 +0000,Cap,,Shopify Payments,0.00`,
    `#E2E-3,c@x.test,voided,,USD,99.00,99.00,KENJI12,${day(1)} 11:00:00 +0000,Cap,,Shopify Payments,`,
  ].join('\r\n')
}

async function importFile(page: Page, csv: string, expectText: RegExp) {
  await page.goto('/b/acme-running/attribution')
  await page.getByLabel('Orders CSV').setInputFiles({ name: 'orders_export.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Preview' }).click()
  const preview = page.getByTestId('orders-preview')
  await expect(preview).toContainText(expectText)
  await expect(preview).toBeFocused()
  const button = preview.getByRole('button', { name: /^Import \d+ orders?$/ })
  await button.click()
  await expect(page.getByText(/Imported \d+ new and \d+ changed order/)).toBeVisible()
}

async function kenjiNet(page: Page) {
  await page.goto('/b/acme-running/reports')
  await expect(page.getByTestId('orders-method')).toContainText('net of refunds')
  const cell = page.locator('tr', { hasText: 'Kenji' }).first().locator('td[data-col="revenueMinor"]')
  return (await cell.innerText()).trim()
}

async function kenjiCsvNet(page: Page) {
  const res = await page.request.get('/b/acme-running/reports/export.csv')
  expect(res.status()).toBe(200)
  const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n')
  const header = lines[0]!.split(',')
  const col = header.findIndex((h) => h.startsWith('Net revenue'))
  expect(col).toBeGreaterThan(0)
  const row = lines.find((l) => l.startsWith('Kenji'))!
  expect(lines.some((l) => l.includes('Orders and revenue: net of refunds'))).toBe(true)
  return row.split(',')[col]
}

test('import orders, then a later export with a refund: net revenue falls on the report and in the CSV', async ({ page }) => {
  await login(page, 'marco@acme.test')
  // Found from the home page: the orders figure links to Links and codes.
  await page.getByRole('link', { name: /Orders \(net of refunds\)/ }).click()
  await expect(page).toHaveURL(/\/attribution$/)
  const before = await kenjiNet(page)

  // 3 orders: two new for KENJI12, one voided (recorded, never counted).
  await importFile(page, exportCsv(false), /3 new orders, 0 changed orders, 0 unchanged orders/)
  const afterImport = await kenjiNet(page)
  expect(afterImport).not.toBe(before)
  // $129.00 (demo) + $50.00 + $30.00
  expect(afterImport).toBe('$209.00')
  expect(await kenjiCsvNet(page)).toBe('209.00')

  // The same file again: nothing to import.
  await page.goto('/b/acme-running/attribution')
  await page.getByLabel('Orders CSV').setInputFiles({ name: 'orders_export.csv', mimeType: 'text/csv', buffer: Buffer.from(exportCsv(false)) })
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(page.getByTestId('orders-preview')).toContainText('Nothing to import')

  // A mistake on purpose: a file that is not an orders export.
  await page.getByLabel('Orders CSV').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from('First name,Last name\nAna,Lee\n') })
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'not an orders export' }).first()).toBeVisible()

  // The later export: #E2E-2 was refunded.
  await importFile(page, exportCsv(true), /0 new orders, 1 changed order, 2 unchanged orders/)
  expect(await kenjiNet(page)).toBe('$179.00')
  expect(await kenjiCsvNet(page)).toBe('179.00')
})
