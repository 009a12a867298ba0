import { expect, test, type Page } from '@playwright/test'
import { login, logout } from './helpers.ts'

/**
 * Issue #21: no card's content is wider than its card at 390 and 1280 px on the main pages (a table may
 * scroll inside its own .table-wrap, the card itself never spills), and back links are >= 44 px tap targets.
 */
const WIDTHS = [390, 1280] as const

/** Cards whose content is wider than the card, and table wraps wider than their card, named by title. */
async function overflowingCards(page: Page) {
  return page.evaluate(() => {
    const out: string[] = []
    for (const card of Array.from(document.querySelectorAll<HTMLElement>('main .card'))) {
      const name = card.querySelector('.card-title')?.textContent ?? card.className
      if (card.scrollWidth > card.clientWidth + 1) out.push(`${name}: content ${card.scrollWidth}px in a ${card.clientWidth}px card`)
    }
    return out
  })
}

async function backLinksTall(page: Page) {
  for (const h of await page.locator('.page-header .back-link').all()) {
    const box = await h.boundingBox()
    expect(box!.height, 'back link height').toBeGreaterThanOrEqual(44)
  }
}

/**
 * Visible controls under 44 px high: links, buttons, file choosers, <summary> toggles. A link inside a
 * sentence (an inline box in running text) is exempt, as WCAG 2.5.8 allows.
 */
async function smallTapTargets(page: Page) {
  return page.evaluate(() => {
    const out: string[] = []
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('main a, main button, main input[type="file"], main summary'))) {
      const r = el.getBoundingClientRect()
      if (!r.width || !r.height) continue
      if (el.tagName === 'A' && getComputedStyle(el).display === 'inline' && el.parentElement?.closest('p, li, dd, span')) continue
      if (r.height < 44) out.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('name') || '').trim().slice(0, 40)}": ${Math.round(r.height)}px`)
    }
    return out
  })
}

async function checkPages(page: Page, paths: string[]) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 })
    for (const p of paths) {
      await page.goto(p)
      await expect(page.locator('main h1').first()).toBeVisible()
      expect(await overflowingCards(page), `${p} at ${width}px`).toEqual([])
      await backLinksTall(page)
    }
  }
}

test('brand pages: no card overflows at 390 and 1280 px; the post page fits "Reported numbers" at 1280', async ({ page }) => {
  await login(page, 'marco@acme.test')
  await page.goto('/b/acme-running/posts?status=verified')
  // Diego's verified reel has reported numbers (db/seed-posts.ts).
  await page.locator('main tr', { hasText: 'Diego Santos' }).getByRole('link', { name: 'Open' }).first().click()
  await expect(page.getByRole('heading', { name: 'Reported numbers' })).toBeVisible()
  const postPath = new URL(page.url()).pathname
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(postPath)
  // The numbers table fits its card without a sideways scroll at 1280 px (its columns used to be cut off).
  const wrap = page.locator('.card', { has: page.getByRole('heading', { name: 'Reported numbers' }) }).locator('.table-wrap')
  const fits = await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)
  expect(fits).toBe(true)
  await checkPages(page, ['/b/acme-running', '/b/acme-running/campaigns', '/b/acme-running/budget', '/b/acme-running/roster', '/b/acme-running/invoices', postPath])
  await logout(page)
})

test('creator pages: no card overflows at 390 and 1280 px; back links are 44 px tap targets', async ({ page }) => {
  await login(page, 'maya@creators.test')
  const home = new URL(page.url()).pathname
  await checkPages(page, [home, `${home}/offers`, `${home}/posts`, `${home}/invoices`, `${home}/invoices/tax-form`, `${home}/profile`])
  await logout(page)
})

test('roster CSV import: after "Preview" the preview is in view and focused, counts first', async ({ page }) => {
  await login(page, 'marco@acme.test')
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 })
    await page.goto('/b/acme-running/roster/import')
    const csv = ['name,email,platform,handle,followers,tags', `Pia Preview,pia-${width}@example.test,tiktok,piapreview${width},4500,trail`].join('\n')
    await page.locator('input[type="file"]').setInputFiles({ name: 'preview.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.getByRole('button', { name: 'Preview' }).click()
    const heading = page.getByRole('heading', { name: '2. Check the preview of preview.csv' })
    await expect(heading).toBeInViewport()
    await expect(page.locator('#import-preview')).toBeFocused()
    // The counts are the first thing in the preview, above the rows.
    await expect(page.locator('#import-preview .card > p, #import-preview p').first()).toContainText('1 creator to add to your roster, 1 social account')
    expect(await overflowingCards(page), `import preview at ${width}px`).toEqual([])
  }
  await logout(page)
})

test('creator offer page on a phone: the disclosure checklist once with what differs per deliverable, shorter, 44 px taps', async ({ page }) => {
  await login(page, 'maya@creators.test')
  const home = new URL(page.url()).pathname
  await page.setViewportSize({ width: 390, height: 844 })
  expect(await smallTapTargets(page), 'to-do page').toEqual([])
  await page.goto(`${home}/invoices/tax-form`)
  expect(await smallTapTargets(page), 'tax form page (file chooser)').toEqual([])
  // Spring Trail Drop: Maya's accepted offer with an Instagram reel and a TikTok video (db/seed-campaigns.ts).
  await page.goto(`${home}/offers`)
  await page.locator('main a', { hasText: 'Spring Trail Drop' }).first().click()
  await page.waitForURL(/\/offers\/[^/]+$/)
  await expect(page.getByTestId('disclosure-shared')).toHaveCount(1)
  await expect(page.getByTestId('disclosure-own')).toHaveCount(2)
  await expect(page.getByTestId('disclosure-own').nth(0)).toContainText('Instagram "Paid partnership" label')
  await expect(page.getByTestId('disclosure-own').nth(0)).toContainText('in the first line of the caption')
  await expect(page.getByTestId('disclosure-own').nth(1)).toContainText('TikTok "Disclose commercial content"')
  await expect(page.getByTestId('disclosure-own').nth(1)).toContainText('in the first 100 characters of the caption')
  // The video checks both deliverables share are said once, not once per deliverable.
  await expect(page.getByText('Disclosure is on screen in the video')).toHaveCount(1)
  await expect(page.getByText('Keep it on its own, not inside a block of hashtags.')).toHaveCount(1)
  // With the checklist twice the deliverables card alone was about 2,100 px and the page about 4,950.
  const card = page.locator('.card', { has: page.getByRole('heading', { name: "What you'll make" }) })
  expect((await card.boundingBox())!.height).toBeLessThan(1500)
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(4300)
  expect(await smallTapTargets(page), 'accepted offer page').toEqual([])
  // The brief's file (added in v2) opens through /files/:id.
  const file = page.getByTestId('brief-files').getByRole('link', { name: 'trail-3-creator-guide.pdf' })
  const res = await page.request.get((await file.getAttribute('href'))!)
  expect([res.status(), res.headers()['content-type']]).toEqual([200, 'application/pdf'])
  // Marathon Season: invited, three stories and a reel; the answer card's toggles are tap targets too.
  await page.goto(`${home}/offers`)
  await page.locator('main a', { hasText: 'Marathon Season' }).first().click()
  await page.waitForURL(/\/offers\/[^/]+$/)
  await expect(page.getByTestId('disclosure-shared')).toHaveCount(1)
  expect(await smallTapTargets(page), 'invited offer page').toEqual([])
  await logout(page)
})
