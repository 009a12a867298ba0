import { expect, test } from '@playwright/test'
import { login, logout, mainNav, openLatestMail } from './helpers.ts'

test('a brand admin opens the jobs page from the navigation; a manager has no link and is refused', async ({ page }) => {
  await login(page, 'ava@acme.test')
  await mainNav(page).getByRole('link', { name: 'Jobs' }).click()
  await expect(page).toHaveURL(/\/b\/acme-running\/jobs$/)
  await expect(page.getByRole('heading', { name: 'Background jobs' })).toBeVisible()
  await expect(page.getByText(/finished in the last 7 days/)).toBeVisible()
  await logout(page)

  await login(page, 'marco@acme.test')
  await expect(mainNav(page).getByRole('link', { name: 'Jobs' })).toHaveCount(0)
  const res = await page.goto('/b/acme-running/jobs')
  expect(res?.status()).toBe(403)
})

test('emails are delivered by the job worker in the background', async ({ page }) => {
  const email = `jobs.viewer.${Date.now()}@acme.test`
  await login(page, 'ava@acme.test')
  await mainNav(page).getByRole('link', { name: 'Members' }).click()
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Role').selectOption('viewer')
  await page.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible()
  const links = await openLatestMail(page, email, /invited you/)
  expect(links.some((l) => l.includes('/invite/'))).toBe(true)
})
