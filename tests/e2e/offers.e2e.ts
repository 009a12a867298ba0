import { expect, test, type Page } from '@playwright/test'
import { createCampaignWithBrief, login, logout, mainNav } from './helpers.ts'

const CAMPAIGN = `Trail Relay ${Date.now().toString(36)}`

async function openCampaign(page: Page, tab?: 'Brief' | 'Creators & offers' | 'Overview') {
  await expect(page).toHaveURL(/\/b\/acme-running/) // signed in
  await page.goto('/b/acme-running/campaigns')
  await page.getByRole('link', { name: CAMPAIGN }).click()
  if (tab) await page.getByRole('navigation', { name: 'Campaign sections' }).getByRole('link', { name: tab }).click()
}

test.describe.configure({ mode: 'serial' })

test('a manager builds a campaign and brief and sends offers to two creators', async ({ page }) => {
  await login(page, 'marco@acme.test')
  await expect(page).toHaveURL(/\/b\/acme-running$/)
  await page.goto('/b/acme-running/campaigns')
  await expect(mainNav(page).getByRole('link', { name: 'Campaigns' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('link', { name: 'Spring Trail Drop' })).toBeVisible()
  await createCampaignWithBrief(page, { name: CAMPAIGN, budget: '10000', overview: 'A relay across three trails in the Trail 3.', hashtags: '#AcmeTrail3\n#AcmePartner', handles: '@acmerunning' })

  await page.getByRole('navigation', { name: 'Campaign sections' }).getByRole('link', { name: 'Overview' }).click()
  await page.getByRole('button', { name: 'Start campaign' }).click()
  await expect(page.getByText(`${CAMPAIGN} is now active.`)).toBeVisible()

  await page.getByRole('navigation', { name: 'Campaign sections' }).getByRole('link', { name: 'Creators & offers' }).click()
  await page.getByLabel('Maya Chen').check()
  // Following the page's own tab link mid-form (a navigation to the same page) keeps what is ticked.
  await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/offers.data') && r.request().method() === 'GET'),
    page.getByRole('navigation', { name: 'Campaign sections' }).getByRole('link', { name: 'Creators & offers' }).click(),
  ])
  await page.getByLabel('Jonah Brooks').check()
  await page.getByLabel('Format 1').selectOption('reel')
  await page.getByLabel('Fee (USD)').fill('900')
  await page.getByRole('button', { name: 'Send offer' }).click()
  await expect(page.getByText('Offer sent to 2 creators.')).toBeVisible()
  const rows = page.locator('tr[data-offer]')
  await expect(rows.filter({ hasText: 'Maya Chen' })).toContainText('Invited')
  await expect(rows.filter({ hasText: 'Jonah Brooks' })).toContainText('Northstar Talent')
  await logout(page)
})

test('the creator accepts from the to-do list; the manager sees it accepted', async ({ page }) => {
  await login(page, 'maya@creators.test')
  await page.getByRole('link', { name: `Answer Acme Running's offer: ${CAMPAIGN}` }).click()
  await expect(page.getByText("You'll be paid $900 within 30 days after your post is verified.")).toBeVisible()
  await expect(page.getByText('#AcmePartner', { exact: true })).toBeVisible()
  // The disclosure each deliverable needs, with the brief's mandatory tags.
  await expect(page.locator('.disclosure-box').first()).toContainText('What your posts must include')
  await expect(page.locator('.disclosure-box').first()).toContainText('Include #AcmeTrail3, #AcmePartner, @acmerunning.')
  await page.getByRole('button', { name: /^Accept offer/ }).click()
  await expect(page.getByText('Offer accepted.')).toBeVisible()
  await expect(page.getByText(/Accepted on .* with brief version 1/)).toBeVisible()
  await logout(page)

  await login(page, 'marco@acme.test')
  await openCampaign(page, 'Creators & offers')
  await expect(page.locator('tr[data-offer]').filter({ hasText: 'Maya Chen' })).toContainText('Accepted')
  await logout(page)
})

test('an agent counters for Jonah and the manager accepts the counter', async ({ page }) => {
  await login(page, 'nora@northstar.test')
  await page.getByRole('link', { name: /Jonah Brooks/ }).click()
  await page.getByRole('link', { name: `Answer Acme Running's offer: ${CAMPAIGN}` }).click()
  await page.getByText('Counter with a different fee').click()
  await page.getByLabel('Your fee (USD)').fill('1200')
  await page.getByLabel('Note to the brand').fill('Jonah films with a second shooter; 1,200 covers it.')
  await page.getByRole('button', { name: 'Send counter-offer' }).click()
  await expect(page.getByText('Counter-offer sent.')).toBeVisible()
  await expect(page.getByText(/You asked for \$1,200\.00/)).toBeVisible()
  await logout(page)

  await login(page, 'marco@acme.test')
  await openCampaign(page, 'Creators & offers')
  const jonah = page.locator('tr[data-offer]').filter({ hasText: 'Jonah Brooks' })
  await expect(jonah).toContainText('second shooter')
  await jonah.getByRole('button', { name: 'Accept $1,200' }).click()
  await expect(page.getByText('Counter-offer accepted.')).toBeVisible()
  await expect(page.locator('tr[data-offer]').filter({ hasText: 'Jonah Brooks' })).toContainText('Accepted')
  await logout(page)
})

test('the brief is updated and the creator re-acknowledges it', async ({ page }) => {
  await login(page, 'marco@acme.test')
  await openCampaign(page, 'Brief')
  await page.getByLabel("Don'ts").fill('No competitor shoes in frame')
  await page.getByRole('button', { name: 'Publish version 2' }).click()
  await expect(page.getByText('Version 2 published. 2 creators who accepted will be asked to re-acknowledge it.')).toBeVisible()
  await logout(page)

  await login(page, 'maya@creators.test')
  await page.getByRole('link', { name: `Re-read the updated brief: ${CAMPAIGN}` }).click()
  await expect(page.getByRole('heading', { name: 'The brief changed: version 2' })).toBeVisible()
  await expect(page.locator('.brief-diff')).toContainText('No competitor shoes in frame')
  await page.getByRole('button', { name: "I've read the changes" }).click()
  await expect(page.getByText('Thanks: you confirmed the updated brief.')).toBeVisible()
  await page.getByRole('link', { name: 'To do' }).first().click()
  await expect(page.getByRole('link', { name: `Re-read the updated brief: ${CAMPAIGN}` })).toHaveCount(0)
  await logout(page)
})
