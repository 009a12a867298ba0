import { expect, test, type Page } from '@playwright/test'
import { login, logout, mainNav } from './helpers.ts'

/** Maya's 7-day numbers, as she copies them from the platform's insights. */
async function fillStats(page: Page) {
  await page.getByLabel('Impressions').fill('50,000')
  await page.getByLabel('Accounts reached').fill('40000')
  await page.getByLabel('Views / plays').fill('60000')
  await page.getByLabel('Likes').fill('2000')
  await page.getByLabel('Comments').fill('150')
  await page.getByLabel('Shares').fill('100')
  await page.getByLabel('Saves').fill('250')
}

/** A tiny real PNG (1×1, transparent): the stand-in insights screenshot. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')

/**
 * Live post -> stats -> verification -> report, on the demo data (db/seed-posts.ts): Maya Chen has an
 * approved Instagram reel for Acme's "Track Club Launch" (fee $1,500, no ledger rows).
 * Her 7-day stats: impressions 50,000, likes 2,000, comments 150, shares 100, saves 250.
 *   CPM = $1,500 / 50,000 × 1,000 = $30.00
 *   EMV (Acme: impression 0.5¢, like 10¢, comment 50¢, share 50¢, save 30¢)
 *       = 250.00 + 200.00 + 75.00 + 50.00 + 75.00 = $650.00
 */
test('creator submits a live link and 7-day stats; manager verifies; the report shows CPM and EMV; CSV downloads', async ({ page }) => {
  const shortcode = `E2E${Date.now().toString(36)}`
  await login(page, 'maya@creators.test')
  await mainNav(page).getByRole('link', { name: 'Posts' }).click()
  const row = page.locator('.todo-row', { hasText: 'Acme Running' }).filter({ hasText: 'Track Club Launch' })
  await row.getByRole('link', { name: 'Add post link' }).click()
  await expect(page.getByRole('heading', { name: /Instagram reel for Acme Running/ })).toBeVisible()

  // A TikTok address for an Instagram deliverable is refused next to the field.
  await page.getByLabel('Link to the live post').fill('https://www.tiktok.com/@mayaruns/video/7300000000000000000')
  await page.getByLabel('Date posted').fill(new Date().toISOString().slice(0, 10))
  // forgetting to say whether Instagram's "Paid partnership" label is on is refused next to the question
  await page.getByRole('button', { name: 'Submit post' }).click()
  await expect(page.getByText('Say whether the platform’s paid-partnership label is on for this post.')).toBeVisible()
  await page.getByRole('group', { name: /“Paid partnership” label on for this post/ }).getByLabel('Yes, it is on').check()
  await page.getByRole('button', { name: 'Submit post' }).click()
  await expect(page.getByText('This is a TikTok link; this deliverable is for Instagram.')).toBeVisible()
  await expect(page.getByLabel('Link to the live post')).toHaveAttribute('aria-invalid', 'true')

  await page.getByLabel('Link to the live post').fill(`https://instagram.com/reel/${shortcode}/?igsh=abc`)
  await page.getByLabel('Date posted').fill(new Date().toISOString().slice(0, 10))
  await page.getByRole('button', { name: 'Submit post' }).click()
  await expect(page.getByText(/Post submitted/)).toBeVisible()
  await expect(page.getByRole('link', { name: new RegExp(`instagram.com/reel/${shortcode}`) })).toBeVisible()

  await page.getByRole('link', { name: 'Add stats' }).click()
  await fillStats(page)
  // Without the insights screenshot the numbers are refused, next to the file field.
  await page.getByRole('button', { name: 'Save stats' }).click()
  await expect(page.getByText(/Attach a screenshot of the post’s insights/)).toBeVisible()
  // The numbers she typed are still there.
  await expect(page.getByLabel('Impressions')).toHaveValue('50,000')
  await expect(page.getByLabel('Saves')).toHaveValue('250')
  await page.getByLabel('Screenshot of the insights').setInputFiles({ name: 'insights.png', mimeType: 'image/png', buffer: PNG })
  await page.getByRole('button', { name: 'Save stats' }).click()
  await expect(page.getByText('Thanks — your stats are saved.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Open' })).toHaveAttribute('href', /^\/files\//)
  await logout(page)

  await login(page, 'marco@acme.test')
  await mainNav(page).getByRole('link', { name: 'Live posts' }).click()
  await page.locator('tr', { hasText: 'Maya Chen' }).getByRole('link', { name: 'Review' }).click()
  await expect(page.getByText('Same as the approved draft.')).toBeVisible()
  // The creator's insights screenshot opens for the manager through the authorizing file route.
  const shot = page.getByRole('link', { name: 'screenshot' })
  const shotResponse = await page.request.get((await shot.getAttribute('href'))!)
  expect(shotResponse.status()).toBe(200)
  expect(shotResponse.headers()['content-type']).toBe('image/png')
  // Verifying without ticking the checks is refused with a sentence.
  await page.getByRole('button', { name: 'Verify post' }).click()
  await expect(page.getByText(/Tick every check/)).toBeVisible()
  for (const box of await page.locator('input[name="attestations"]').all()) await box.check()
  await page.getByRole('button', { name: 'Verify post' }).click()
  await expect(page.getByText('Post verified.')).toBeVisible()

  await mainNav(page).getByRole('link', { name: 'Reports' }).click()
  await page.getByRole('link', { name: 'Per creator and campaign' }).click()
  const maya = page.locator('tr[data-row="Maya Chen"]', { hasText: 'Track Club Launch' })
  await expect(maya.locator('td[data-col="costMinor"]')).toContainText('$1,500.00')
  await expect(maya.locator('td[data-col="impressions"]')).toHaveText('50,000')
  await expect(maya.locator('td[data-col="posts"]')).toHaveText('1')
  await expect(maya.locator('td[data-col="cpm"]')).toHaveText('$30.00')
  await expect(maya.locator('td[data-col="emv"]')).toHaveText('$650.00')
  await expect(maya.locator('td[data-col="emv"]')).toHaveAttribute('title', /50,000 impressions × \$0\.005 .* = \$650\.00/)
  await expect(page.locator('th', { hasText: 'EMV' })).toHaveAttribute('title', /impressions × \$0\.005/)

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Export CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^greenroom-acme-running-collaborations-\d{4}-\d{2}-\d{2}\.csv$/)
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks as Buffer[]).toString('utf8'))
  const line = text.split('\r\n').find((l) => l.startsWith('Maya Chen,Track Club Launch'))
  // creator, campaign, tier (131,000 TikTok followers: mid), cost, posts, impressions, reach, views, engagements (2,000+150+100+250), ER, CPM, …, EMV
  expect(line).toMatch(/^Maya Chen,Track Club Launch,mid,1500\.00,1,50000,40000,60000,2500,0\.0625,30\.0000,/)
  expect(line).toContain(',650.00,')
})
