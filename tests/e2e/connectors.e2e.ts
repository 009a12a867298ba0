import { expect, test, type Page } from '@playwright/test'
import { createCampaignWithBrief, fakeInstagram, login, logout, mainNav } from './helpers.ts'

/**
 * Issue #20 end to end, through the fake Instagram (tests/fakes/instagram-server.ts): Acme sends Maya a
 * fresh offer for an Instagram reel (posting from today), she accepts, her draft is approved; she connects
 * her Instagram on the connections page (the fake's consent page, the callback), the read queued by the
 * connect finds her reel, the live-post page proposes it, "Use this post" submits it with the caption as
 * Instagram returned it, Marco sees "From Instagram" and verifies, and the numbers read from Instagram
 * appear as "From Instagram" on the post page. Maya's seeded "Track Club Launch" reel is not touched.
 */
const stamp = Date.now().toString(36)
const CAMPAIGN = `Live Read ${stamp}`
const TAG = `#AcmeLive${stamp}`
const MUST = `${TAG} @acmerunning`
const APPROVED = `#ad First run in the new Pace Pro. ${MUST}`
// As posted on Instagram: the approved hashtag, in another case and order, and an emoji the draft lacked.
const AS_POSTED = `First run in the new Pace Pro 🏃 ${TAG.toLowerCase()} @acmerunning #ad`
const IG_USER = `1784${Date.now()}`
const IG_MEDIA = `18${Date.now()}`
const PERMALINK = `https://www.instagram.com/reel/LR${stamp}/`

function mp4(size: number) {
  const head = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41')])
  return Buffer.concat([head, Buffer.alloc(size - head.length, 7)])
}

async function openCampaign(page: Page, tab: 'Brief' | 'Creators & offers' | 'Overview') {
  await page.goto('/b/acme-running/campaigns')
  await page.getByRole('link', { name: CAMPAIGN }).click()
  await page.getByRole('navigation', { name: 'Campaign sections' }).getByRole('link', { name: tab }).click()
}

test.describe.configure({ mode: 'serial' })

test('setup: Acme sends Maya an Instagram reel offer posting from today; she accepts; her draft is approved', async ({ page }) => {
  test.setTimeout(120_000)
  const today = new Date().toISOString().slice(0, 10)
  await login(page, 'marco@acme.test')
  await page.goto('/b/acme-running/campaigns')
  await createCampaignWithBrief(page, { name: CAMPAIGN, budget: '5000', overview: 'One reel in the new Pace Pro.', hashtags: TAG, handles: '@acmerunning' })
  await page.getByRole('navigation', { name: 'Campaign sections' }).getByRole('link', { name: 'Overview' }).click()
  await page.getByRole('button', { name: 'Start campaign' }).click()
  await expect(page.getByText(`${CAMPAIGN} is now active.`)).toBeVisible()
  await openCampaign(page, 'Creators & offers')
  await page.getByLabel('Maya Chen').check()
  await page.getByLabel('Format 1').selectOption('reel')
  await page.locator('select[name="d0_platform"]').selectOption('instagram')
  await page.locator('input[name="d0_postWindowStart"]').fill(today)
  await page.getByLabel('Fee (USD)').fill('700')
  await page.getByRole('button', { name: 'Send offer' }).click()
  await expect(page.getByText('Offer sent to 1 creator.')).toBeVisible()
  await logout(page)

  await login(page, 'maya@creators.test')
  await page.getByRole('link', { name: `Answer Acme Running's offer: ${CAMPAIGN}` }).click()
  await page.getByRole('button', { name: /^Accept offer/ }).click()
  await expect(page.getByText('Offer accepted.')).toBeVisible()
  await mainNav(page).getByRole('link', { name: 'Offers' }).click()
  await page.getByRole('link', { name: CAMPAIGN }).first().click()
  await page.locator('.list-row', { hasText: 'Instagram reel' }).getByRole('link', { name: /Upload draft|Open deliverable/ }).click()
  await page.getByLabel('Photos or video').setInputFiles({ name: 'pace-pro.mp4', mimeType: 'video/mp4', buffer: mp4(1024 * 1024) })
  await page.getByLabel('Caption', { exact: true }).fill(APPROVED)
  await page.getByRole('button', { name: 'Submit draft v1' }).click()
  await expect(page.getByText('Draft v1 submitted. The brand will review it.')).toBeVisible()
  await logout(page)

  await login(page, 'marco@acme.test')
  await mainNav(page).getByRole('link', { name: /^Review/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible()
  await page.locator('tr', { hasText: 'Maya Chen' }).filter({ hasText: CAMPAIGN }).getByRole('link', { name: 'Maya Chen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Maya Chen · Instagram reel · v1/ })).toBeVisible()
  // The media check runs in the background; approval waits for it.
  await expect(async () => {
    await page.reload()
    for (const box of await page.locator('input[name="attestations"]').all()) await box.check()
    await page.getByRole('button', { name: 'Approve' }).click()
    await expect(page.getByText('Draft approved. The creator has been told they can post.')).toBeVisible({ timeout: 3000 })
  }).toPass({ timeout: 60_000 })
  await logout(page)
})

test('Maya connects the fake Instagram; her reel is found, used, verified by Marco and measured from Instagram', async ({ page }) => {
  test.setTimeout(120_000)
  await fakeInstagram('/users', { id: IG_USER, username: `maya_${stamp}`, account_type: 'MEDIA_CREATOR', followers_count: 48_200 })
  // Two posts on her account today: the reel with the approved hashtag, and an unrelated one.
  await fakeInstagram('/media', { userId: IG_USER, id: `${IG_MEDIA}1`, caption: 'Sunday long run, no sponsor #run', permalink: `https://www.instagram.com/p/OT${stamp}/`, media_type: 'IMAGE', media_product_type: 'FEED' })
  await fakeInstagram('/media', { userId: IG_USER, id: IG_MEDIA, caption: AS_POSTED, permalink: PERMALINK, insights: { views: 12_345, reach: 9_870, likes: 640, comments: 38, saved: 51, shares: 17 } })
  await fakeInstagram('/consent-as', { userId: IG_USER })

  await login(page, 'maya@creators.test')
  await mainNav(page).getByRole('link', { name: 'Profile' }).click()
  await page.getByRole('link', { name: 'Connect your accounts' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Connected accounts' })).toBeVisible()
  // The scopes in plain words before she consents.
  await expect(page.getByText('The numbers on your posts: views, reach, likes, comments, saves and shares.')).toBeVisible()
  await page.getByRole('button', { name: 'Connect Instagram' }).click()
  // The fake Instagram's consent page.
  await expect(page.getByRole('heading', { name: 'Allow access to your Instagram account?' })).toBeVisible()
  await expect(page.getByText(`@maya_${stamp}`)).toBeVisible()
  await page.getByRole('button', { name: 'Allow' }).click()
  await expect(page).toHaveURL(/\/c\/[^/]+\/connections/)
  await expect(page.getByText(`Instagram connected as @maya_${stamp}.`)).toBeVisible()
  await expect(page.getByRole('region', { name: /Instagram/ })).toContainText(`Connected as @maya_${stamp}`)

  // The connect queued a read of the account (job worker): the reel is proposed on the deliverable's page.
  await mainNav(page).getByRole('link', { name: 'Posts' }).click()
  const row = page.locator('.todo-row', { hasText: CAMPAIGN })
  await row.getByRole('link', { name: 'Add post link' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Instagram reel for Acme Running/ })).toBeVisible()
  const found = page.getByRole('region', { name: 'We found this post on Instagram' })
  await expect(async () => {
    await page.reload()
    await expect(found).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  await expect(found).toContainText(AS_POSTED)
  await expect(found).not.toContainText('Sunday long run')
  await found.getByRole('link', { name: 'Use this post' }).click()
  await expect(page.getByText('The form below is filled in from Instagram.')).toBeVisible()
  await expect(page.getByLabel('Link to the live post')).toHaveValue(PERMALINK)
  await page.getByRole('group', { name: /“Paid partnership” label on for this post/ }).getByLabel('Yes, it is on').check()
  await page.getByRole('button', { name: 'Submit post' }).click()
  await expect(page.getByText(/Post submitted/)).toBeVisible()
  await logout(page)

  await login(page, 'marco@acme.test')
  await mainNav(page).getByRole('link', { name: 'Live posts' }).click()
  await page.locator('tr', { hasText: 'Maya Chen' }).filter({ hasText: CAMPAIGN }).getByRole('link', { name: 'Review' }).click()
  await expect(page.getByRole('button', { name: 'Verify post' })).toBeVisible()
  const postPage = page.url()
  const fromIg = page.getByRole('region', { name: 'From Instagram' })
  await expect(fromIg).toContainText(AS_POSTED)
  await expect(fromIg.getByRole('link', { name: new RegExp(`LR${stamp}`) })).toBeVisible()
  for (const box of await page.locator('input[name="attestations"]').all()) await box.check()
  await page.getByRole('button', { name: 'Verify post' }).click()
  await expect(page.getByText('Post verified.')).toBeVisible()
  await page.goto(postPage)
  await expect(page.getByRole('button', { name: 'Verify post' })).toHaveCount(0)

  // Submitting a post the account returned queued a read: its numbers arrive from Instagram, labelled so.
  const numbers = page.getByRole('region', { name: 'Reported numbers' })
  await expect(async () => {
    await page.reload()
    await expect(numbers.locator('tbody tr').first()).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 30_000 })
  const apiRow = numbers.locator('tbody tr', { hasText: 'From Instagram' })
  await expect(apiRow).toHaveCount(1)
  // reach 9,870, views 12,345, likes 640, comments 38 as the fake's insights say; Instagram gives no impressions.
  await expect(apiRow.locator('td.num')).toHaveText(['—', '9,870', '12,345', '640', '38'])
})
