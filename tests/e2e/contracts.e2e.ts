import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { login, logout } from './helpers.ts'

const CAMPAIGN = `Rights Relay ${Date.now().toString(36)}`

test.describe.configure({ mode: 'serial' })

test('manager sends an offer; the agent signs for the creator; the brand countersigns; the signed PDF hash matches; the rights page shows the licence ending', async ({ page }) => {
  await login(page, 'marco@acme.test')
  await page.goto('/b/acme-running/campaigns/new')
  await page.getByLabel('Name').fill(CAMPAIGN)
  await page.getByLabel('Budget').fill('10000')
  await page.getByRole('button', { name: 'Create campaign' }).click()
  await expect(page.getByText('is created as a draft')).toBeVisible()
  await page.getByLabel('Overview').fill('A relay with usage rights.')
  await page.getByRole('button', { name: 'Publish version 1' }).click()
  await expect(page.getByText('Version 1 published.')).toBeVisible()
  await page.getByRole('navigation', { name: 'Campaign sections' }).getByRole('link', { name: 'Overview' }).click()
  await page.getByRole('button', { name: 'Start campaign' }).click()
  // the campaign's own page leads to its report and its drafts, filtered to it (the filters list only the newest campaigns)
  await page.getByRole('navigation', { name: 'Campaign sections' }).getByRole('link', { name: 'Overview' }).click()
  await page.getByRole('link', { name: "This campaign's report" }).click()
  await expect(page.getByLabel('Campaign', { exact: true }).locator('option:checked')).toHaveText(CAMPAIGN)
  await page.goBack()
  await page.getByRole('link', { name: 'Drafts to review in this campaign' }).click()
  await expect(page.getByLabel('Campaign', { exact: true }).locator('option:checked')).toHaveText(CAMPAIGN)
  await page.goBack()
  await page.getByRole('navigation', { name: 'Campaign sections' }).getByRole('link', { name: 'Creators & offers' }).click()
  await page.getByLabel('Jonah Brooks').check()
  await page.getByLabel('Format 1').selectOption('reel')
  await page.getByLabel('Fee (USD)').fill('1200')
  await page.getByLabel('Usage rights').selectOption('paid')
  await page.getByLabel('Usage months').fill('1')
  await page.getByLabel('Usage territory').fill('Worldwide')
  await page.getByRole('button', { name: 'Send offer' }).click()
  await expect(page.getByText('Offer sent to 1 creator.')).toBeVisible()
  await logout(page)

  await login(page, 'nora@northstar.test')
  await page.getByRole('link', { name: new RegExp(`Acme Running's offer: ${CAMPAIGN}`) }).first().click()
  await page.getByRole('button', { name: /^Accept offer/ }).click()
  await expect(page.getByText('Offer accepted.')).toBeVisible()
  await page.getByRole('link', { name: 'Read and sign the contract' }).click()
  await expect(page.getByRole('heading', { name: /Contract v1/ })).toBeVisible()
  // signing without the consent tick is refused next to the box
  await page.getByRole('button', { name: /^Sign contract v1/ }).click()
  await expect(page.getByText('Tick the box to agree to sign electronically.')).toBeVisible()
  await page.getByLabel(/I agree to sign this contract electronically/).check()
  await page.getByRole('button', { name: /^Sign contract v1/ }).click()
  await expect(page.getByText('Signed. The brand countersigns next')).toBeVisible()
  await logout(page)

  await login(page, 'ava@acme.test')
  await page.goto('/b/acme-running/contracts')
  await page.getByRole('link', { name: new RegExp(`Jonah Brooks · ${CAMPAIGN}`) }).click()
  await page.getByLabel(/I agree to sign this contract electronically/).check()
  await page.getByRole('button', { name: 'Countersign v1' }).click()
  await expect(page.getByText('Countersigned.')).toBeVisible()
  const shown = (await page.getByTestId('signed-sha').textContent())!.trim()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('signed-pdf').click()])
  const bytes = await readFile((await download.path())!)
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(shown)

  await page.goto('/b/acme-running/rights')
  const row = page.getByTestId('rights-row').filter({ hasText: CAMPAIGN })
  await expect(row).toContainText('Jonah Brooks')
  // a 1-month licence from today: 28 to 31 days left, ending at the end of its last day
  await expect(row).toContainText(/(Active|Ending within 30 days) · (2[89]|3[01]) days left/)
  await expect(row).toContainText('until the end of that day, UTC')
  await expect(row).toContainText('Paid ads / whitelisting')
})
