import { expect, test, type Page } from '@playwright/test'
import { login } from './helpers.ts'

/**
 * The roster on the demo data (db/seed-roster.ts): Kenji Watanabe is a rising micro creator on TikTok
 * (67.5K, +35% in 90 days) and Acme's TikTok videos by micro creators cost $1,100 and $1,200 (Kenji,
 * Spring 10K and Track Club Launch) and $900 (Diego): a $1,100 median per deliverable.
 */
const stamp = Date.now().toString(36)
const shots = process.env.ROSTER_SHOTS_DIR
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
}

test('a manager imports creators, finds a rising micro TikTok creator, adds a note and sees fee guidance on an offer', async ({ page }) => {
  await login(page, 'marco@acme.test')
  await page.goto('/b/acme-running/roster')
  await expect(page.getByRole('heading', { name: 'Roster', level: 1 })).toBeVisible()
  await shot(page, 'roster-desktop')

  // Import: two new creators, and Kenji again by his TikTok handle (de-duplicated; Acme's reading of his
  // account becomes Acme's own tracked row, issue #14), and a bad row.
  await page.getByRole('link', { name: 'Import CSV' }).click()
  const csv = [
    'name,email,platform,handle,followers,tags',
    `Ivy Import,ivy-${stamp}@example.test,tiktok,ivy${stamp},45000,"running;trail"`,
    `Jules Import,jules-${stamp}@example.test,instagram,jules${stamp},8000,lifestyle`,
    `Kenji W,kenji-other-${stamp}@example.test,tiktok,kenjiontrail,70000,trail`,
    `No Email,,tiktok,nomail${stamp},10,`,
  ].join('\n')
  await page.locator('input[type="file"]').setInputFiles({ name: 'creators.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect(page.getByText('Rows that will be skipped')).toBeVisible()
  await expect(page.getByText(/Line 5: email/)).toBeVisible()
  await expect(page.locator('tr[data-line="4"]')).toContainText('matched by @kenjiontrail')
  await expect(page.locator('tr[data-line="2"]')).toContainText('New')
  await shot(page, 'roster-import-preview')
  await page.getByRole('button', { name: /^Import 3 rows/ }).click()
  await expect(page.getByText('Added 2 creators to your roster and 3 social accounts. 1 row skipped.')).toBeVisible()
  await expect(page.locator('tr[data-creator="Ivy Import"]')).toBeVisible()

  // Rising micro creators on TikTok.
  await page.getByLabel('Platform').selectOption('tiktok')
  await page.getByLabel('Tier').selectOption('micro')
  await page.getByLabel('Rising only').check()
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/platform=tiktok/)
  await expect(page).toHaveURL(/rising=1/)
  const rows = page.locator('tr[data-creator]')
  await expect(rows.filter({ hasText: 'Kenji Watanabe' })).toContainText('Rising +35.0%')
  await expect(rows.filter({ hasText: 'Diego Santos' })).toHaveCount(0) // micro on TikTok, but +4%
  await expect(rows.filter({ hasText: 'Ivy Import' })).toHaveCount(0) // one snapshot: no growth yet
  await shot(page, 'roster-rising')

  // His profile: growth, rate history, a new note.
  await rows.filter({ hasText: 'Kenji Watanabe' }).getByRole('link', { name: 'Kenji Watanabe' }).click()
  await expect(page.getByRole('heading', { name: /Kenji Watanabe/, level: 1 })).toBeVisible()
  await expect(page.getByText('Spring 10K').first()).toBeVisible()
  await page.getByLabel('Add a note').fill(`Called about the marathon campaign (${stamp}); wants two weeks per video.`)
  await page.getByRole('button', { name: 'Add note' }).click()
  await expect(page.getByText('Note added.')).toBeVisible()
  const note = page.locator('.roster-notes li').first()
  await expect(note).toContainText(`marathon campaign (${stamp})`)
  await expect(note).toContainText('Marco Reyes')
  await shot(page, 'roster-profile')

  // Drafting an offer to him: guidance from the brand's own history, with a warning at $2,500.
  await page.goto('/b/acme-running/campaigns')
  await page.getByRole('link', { name: 'Marathon Season' }).click()
  await page.getByRole('navigation', { name: 'Campaign sections' }).getByRole('link', { name: 'Creators & offers' }).click()
  await page.getByLabel('Kenji Watanabe').check()
  await page.getByLabel('Format 1').selectOption('tiktok_video')
  await page.getByLabel('Fee (USD)').fill('2500')
  const guidance = page.locator('.fee-guidance')
  await expect(guidance).toContainText('Fee guidance: TikTok video, Micro creators')
  // Acme's TikTok-video-only collaborations with micro creators: $900, $1,100, $1,200 (Spring 10K, db/seed-roster.ts)
  // and Kenji's $1,200 (Summer Road Series, db/seed-content.ts): median ($1,100 + $1,200) / 2 = $1,150.
  await expect(guidance.locator('.fee-guidance-figures')).toContainText('$1,150.00')
  await expect(guidance).toContainText('more than 2× your median')
  await expect(guidance).toContainText('Kenji Watanabe’s past fees with you')
  await expect(guidance).toContainText('$1,200.00')
  await guidance.scrollIntoViewIfNeeded()
  await shot(page, 'offer-fee-guidance')
  // A fee inside the history clears the warning.
  await page.getByLabel('Fee (USD)').fill('1200')
  await expect(guidance).not.toContainText('more than 2×')
  if (shots) {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/b/acme-running/roster?rising=1')
    await shot(page, 'roster-phone')
  }
})

test('without JavaScript, "Check fee guidance" shows the same guidance and keeps what was typed', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel('Email').fill('marco@acme.test')
  await page.getByLabel('Password').fill('greenroom-demo-2026')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  await page.goto('/b/acme-running/campaigns')
  await page.getByRole('link', { name: 'Marathon Season' }).click()
  await page.getByRole('navigation', { name: 'Campaign sections' }).getByRole('link', { name: 'Creators & offers' }).click()
  await page.getByLabel('Kenji Watanabe').check()
  await page.getByLabel('Format 1').selectOption('tiktok_video')
  await page.getByLabel('Fee (USD)').fill('300')
  await page.getByRole('button', { name: 'Check fee guidance' }).click()
  await expect(page.locator('.fee-guidance')).toContainText('less than half your median')
  await expect(page.getByLabel('Fee (USD)')).toHaveValue('300')
  await expect(page.getByLabel('Kenji Watanabe')).toBeChecked()
  await context.close()
})

test('a creator keeps their contact details and follower counts current, on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  await login(page, 'maya@creators.test')
  await page.goto(page.url().replace(/\/c\/([^/]+).*$/, '/c/$1/profile'))
  await page.getByLabel('Phone').fill('+1 503 555 0100')
  await page.getByLabel('Street').fill('12 Track Lane')
  await page.getByLabel('City').fill('Portland')
  await page.getByRole('button', { name: 'Save contact details' }).click()
  await expect(page.getByText('Contact details saved.')).toBeVisible()
  await page.getByLabel('Followers today on @mayaruns').first().fill('49000')
  await page.getByRole('button', { name: 'Update' }).first().click()
  await expect(page.getByText(/Follower count for @mayaruns updated/)).toBeVisible()
  await shot(page, 'creator-profile-phone')
  await context.close()
})

test('the roster pages with next/previous links that keep the sort', async ({ page }) => {
  await login(page, 'marco@acme.test')
  await page.goto('/b/acme-running/roster/import')
  const lines = ['name,email,platform,handle,followers,tags']
  for (let i = 0; i < 25; i++) lines.push(`Pager ${String(i).padStart(2, '0')} ${stamp},pager-${i}-${stamp}@example.test,instagram,pager${i}${stamp},${1000 + i},pager`)
  await page.locator('input[type="file"]').setInputFiles({ name: 'pager.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) })
  await page.getByRole('button', { name: 'Preview' }).click()
  await page.getByRole('button', { name: /^Import 25 rows/ }).click()
  await expect(page.getByText(/Added 25 creators/)).toBeVisible()

  await page.goto('/b/acme-running/roster?tag=pager&sort=followers&dir=desc')
  const rows = page.locator('tr[data-creator]')
  await expect(rows).toHaveCount(20)
  await expect(rows.first()).toHaveAttribute('data-creator', `Pager 24 ${stamp}`)
  const next = page.locator('a[rel="next"]')
  await expect(next).toHaveAttribute('href', /^\/b\/acme-running\/roster\?.*tag=pager.*&cursor=/)
  await next.click()
  await expect(rows).toHaveCount(5)
  await expect(rows.first()).toHaveAttribute('data-creator', `Pager 04 ${stamp}`)
  await expect(page.locator('a[rel="next"]')).toHaveCount(0)
  await page.locator('a[rel="prev"]').click()
  await expect(rows).toHaveCount(20)
  await expect(rows.last()).toHaveAttribute('data-creator', `Pager 05 ${stamp}`)
})
