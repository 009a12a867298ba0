import { expect, test, type Page } from '@playwright/test'
import { login, logout, mainNav } from './helpers.ts'

/**
 * The draft review loop on the demo data: Maya Chen accepted Acme's "Spring Trail Drop" (Instagram reel,
 * brief asks for #AcmeTrail3, #AcmePartner, @acmerunning and acmerunning.com/trail3). She uploads a video
 * with a caption that lacks a disclosure, sees the finding, fixes it and submits v1; Marco requests
 * changes (with an internal note she never sees); she uploads v2; Marco sees the diff and approves.
 */

/** Bytes an MP4 starts with ('ftypisom'), then filler: enough for the server's type sniffer. */
function mp4(size: number) {
  const head = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41')])
  return Buffer.concat([head, Buffer.alloc(size - head.length, 7)])
}
/** A WebM (EBML header with the "webm" doctype). */
function webm(size: number) {
  const head = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d])
  return Buffer.concat([head, Buffer.alloc(size - head.length, 3)])
}

const MUST = '#AcmeTrail3 #AcmePartner @acmerunning acmerunning.com/trail3'

async function openMayaReel(page: Page) {
  await mainNav(page).getByRole('link', { name: 'Offers' }).click()
  await page.getByRole('link', { name: 'Spring Trail Drop' }).first().click()
  const reel = page.locator('.list-row', { hasText: 'Instagram reel' })
  await reel.getByRole('link', { name: /Upload draft|Answer feedback|Open deliverable/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Instagram reel for Acme Running' })).toBeVisible()
}

async function openReview(page: Page) {
  await mainNav(page).getByRole('link', { name: /^Review/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible()
  await page.locator('tr', { hasText: 'Maya Chen' }).filter({ hasText: 'Spring Trail Drop' }).getByRole('link', { name: 'Maya Chen' }).click()
}

test('creator uploads a video draft, fixes the finding, manager requests changes, v2, manager sees the diff and approves', async ({ page }) => {
  await login(page, 'maya@creators.test')
  await openMayaReel(page)
  await expect(page.getByTestId('revisions')).toHaveText('2 of 2 revision rounds left.')

  // A caption without a disclosure: the checker flags it as she types, and underlines nothing it cannot point at.
  await page.getByLabel('Photos or video').setInputFiles({ name: 'trail-run.mp4', mimeType: 'video/mp4', buffer: mp4(3 * 1024 * 1024) })
  await expect(page.getByLabel('Chosen files')).toContainText('trail-run.mp4')
  await page.getByLabel('Caption', { exact: true }).fill(`Wet rock, zero slips on the trail today. ${MUST}`)
  const findings = page.getByTestId('findings')
  await expect(findings.locator('[data-rule="LX-01"]')).toBeVisible()
  await expect(page.getByText('1 thing to fix')).toBeVisible()
  // The brief's checklist has ticked itself.
  const checklist = page.getByRole('list', { name: 'Mandatory elements from the brief' })
  await expect(checklist.locator('li.is-done')).toHaveCount(4)

  // Fix it: "#ad" first.
  await page.getByLabel('Caption', { exact: true }).fill(`#ad Wet rock, zero slips on the trail today. ${MUST}`)
  await expect(findings).toHaveCount(0)
  await expect(page.getByText('The disclosure checker found nothing to fix in this caption.')).toBeVisible()
  await page.getByRole('button', { name: 'Submit draft v1' }).click()
  await expect(page.getByText('Draft v1 submitted. The brand will review it.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Draft v1 is with Acme Running' })).toBeVisible()
  await expect(page.locator('[data-version="1"] video')).toHaveCount(1)
  await logout(page)

  // Marco requests changes, with an internal note.
  await login(page, 'marco@acme.test')
  await openReview(page)
  await expect(page.getByRole('heading', { level: 1, name: /Maya Chen · Instagram reel · v1/ })).toBeVisible()
  await expect(page.locator('video')).toHaveCount(1)
  await page.getByLabel('Comment for the creator').fill('Love it. Please show the outsole in the first 3 seconds.')
  await page.getByLabel('Internal note (brand only)').fill('Internal: check her usage rights before paid boosting.')
  await page.getByRole('button', { name: 'Request changes' }).click()
  await expect(page.getByText('Changes requested. The creator has your comment.')).toBeVisible()
  await logout(page)

  // Maya sees the comment (never the internal note) and uploads v2.
  await login(page, 'maya@creators.test')
  await openMayaReel(page)
  await expect(page.getByText('Please show the outsole in the first 3 seconds.')).toBeVisible()
  await expect(page.getByText(/usage rights before paid boosting/)).toHaveCount(0)
  await expect(page.getByTestId('revisions')).toHaveText('1 of 2 revision rounds left.')
  await page.getByLabel('Photos or video').setInputFiles({ name: 'trail-run-v2.webm', mimeType: 'video/webm', buffer: webm(1024 * 1024) })
  await page.getByLabel('Caption', { exact: true }).fill(`#ad Wet rock, zero slips on the trail today. Outsole close-up first! ${MUST}`)
  await page.getByRole('button', { name: 'Submit draft v2' }).click()
  await expect(page.getByText('Draft v2 submitted. The brand will review it.')).toBeVisible()
  await logout(page)

  // Marco sees what changed, ticks the video checks and approves.
  await login(page, 'marco@acme.test')
  await openReview(page)
  await expect(page.getByRole('heading', { level: 1, name: /v2/ })).toBeVisible()
  const diff = page.getByTestId('caption-diff')
  await expect(diff.locator('ins')).toContainText('Outsole close-up first!')
  await expect(page.getByText('Internal: check her usage rights before paid boosting.')).toBeVisible()
  // Approving without the ticks is refused with a sentence.
  await page.getByRole('button', { name: 'Approve' }).click()
  await expect(page.getByText(/cannot be approved yet/).first()).toBeVisible()
  for (const box of await page.locator('input[name="attestations"]').all()) await box.check()
  await page.getByRole('button', { name: 'Approve' }).click()
  await expect(page.getByText('Draft approved. The creator has been told they can post.')).toBeVisible()
  await logout(page)

  await login(page, 'maya@creators.test')
  await openMayaReel(page)
  await expect(page.getByRole('link', { name: 'Add the live post' })).toBeVisible()
})
