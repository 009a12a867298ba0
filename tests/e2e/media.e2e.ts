import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { login, logout, mainNav } from './helpers.ts'
import { makeVideo } from '../media/make-media.ts'

/**
 * The media check end to end on REAL videos made by ffmpeg (issue #15): Maya's TikTok video for Acme's
 * "Spring Trail Drop". v1 shows "Acme Running" on screen for 6 s with no label on screen (the caption
 * has "#ad"); the background job reads the frames and she sees VD-01 with the frame at 0:00 on her own
 * page. The manager cannot approve it (the blocker is named next to the button), asks for changes; v2
 * shows "#ad Paid partnership" from the first frame to the last; the check passes and the manager approves.
 * Needs ffmpeg and tesseract, like the media integration tests (.ci/run installs them; README "Run the tests").
 */

test.describe.configure({ mode: 'serial' })

const MUST = '#AcmeTrail3 #AcmePartner @acmerunning acmerunning.com/trail3'
const dir = mkdtempSync(path.join(tmpdir(), 'media-e2e-'))

async function openMayaTikTok(page: Page) {
  await mainNav(page).getByRole('link', { name: 'Offers' }).click()
  await page.getByRole('link', { name: 'Spring Trail Drop' }).first().click()
  await page.locator('.list-row', { hasText: 'TikTok video' }).getByRole('link', { name: /^(Upload draft|Answer feedback|Open deliverable)$/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'TikTok video for Acme Running' })).toBeVisible()
}

async function openReview(page: Page) {
  await mainNav(page).getByRole('link', { name: /^Review/ }).click()
  await page.locator('tr', { hasText: 'Maya Chen' }).filter({ hasText: 'TikTok video' }).getByRole('link', { name: 'Maya Chen' }).click()
}

test('a video without an on-screen label: the creator sees VD-01 and its frame; the manager cannot approve; v2 with the label passes and is approved', async ({ page }) => {
  test.setTimeout(240_000)
  const unlabelled = makeVideo(dir, 'trail-v1.mp4', 6, [{ text: 'Acme Running trail day', from: 0, to: 6, y: 600, size: 44 }])
  const labelled = makeVideo(dir, 'trail-v2.mp4', 6, [
    { text: '#ad Paid partnership', from: 0, to: 6, size: 48 },
    { text: 'Acme Running trail day', from: 0, to: 6, y: 600, size: 44 },
  ])

  await login(page, 'maya@creators.test')
  await openMayaTikTok(page)
  await page.getByLabel('Photos or video').setInputFiles(unlabelled)
  await page.getByLabel('Caption', { exact: true }).fill(`#ad Trail day in the new shoe. ${MUST}`)
  await page.getByRole('button', { name: 'Submit draft v1' }).click()
  await expect(page.getByText(/^Draft v1 submitted/)).toBeVisible()
  // the check runs in the background; the page updates itself until the finding is there
  const media = page.getByTestId('media-check')
  const vd01 = media.locator('[data-rule="VD-01"]')
  await expect(vd01).toBeVisible({ timeout: 120_000 })
  await expect(vd01).toContainText('Must fix')
  await expect(vd01.getByRole('img', { name: /^Frame at 0:0\d$/ })).toBeVisible()
  await expect(page.getByTestId('media-pending')).toHaveCount(0)
  await logout(page)

  await login(page, 'marco@acme.test')
  await openReview(page)
  await expect(page.getByRole('heading', { level: 1, name: /Maya Chen · TikTok video · v1/ })).toBeVisible()
  await expect(page.locator('[data-rule="VD-01"]').first()).toBeVisible()
  // what blocks approval is said before the click
  await expect(page.getByTestId('approval-blockers')).toContainText('VD-01')
  await page.getByLabel('Comment for the creator').fill('Please put the #ad label on screen from the first second.')
  await page.getByRole('button', { name: 'Request changes' }).click()
  await expect(page.getByText('Changes requested. The creator has your comment.')).toBeVisible()
  await logout(page)

  await login(page, 'maya@creators.test')
  await openMayaTikTok(page)
  await page.getByLabel('Photos or video').setInputFiles(labelled)
  await page.getByLabel('Caption', { exact: true }).fill(`#ad Trail day in the new shoe, label on screen now. ${MUST}`)
  await page.getByRole('button', { name: 'Submit draft v2' }).click()
  await expect(page.getByText('Draft v2 submitted. The brand will review it.')).toBeVisible()
  await expect(page.getByText('The media check found nothing to fix in what it could read.')).toBeVisible({ timeout: 120_000 })
  await logout(page)

  await login(page, 'marco@acme.test')
  await openReview(page)
  await expect(page.getByRole('heading', { level: 1, name: /v2/ })).toBeVisible()
  await expect(page.getByText('The media check found nothing to fix in what it could read.')).toBeVisible()
  // what the machine could not decide is left to a person, with the reason
  await expect(page.getByRole('list', { name: 'Left to a person' })).toContainText('no speech engine')
  // the boxes the machine decided are not there to tick: only what it could not decide (VD-02, speech)
  const boxes = page.locator('input[name="attestations"]')
  const offered = await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
  expect(offered.filter((id) => ['VD-01', 'VD-03', 'VD-04'].includes(id))).toEqual([])
  expect(offered).toContain('VD-02')
  for (const box of await boxes.all()) await box.check()
  await page.getByRole('button', { name: 'Approve' }).click()
  await expect(page.getByText('Draft approved. The creator has been told they can post.')).toBeVisible()
})
