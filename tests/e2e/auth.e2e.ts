import { expect, test } from '@playwright/test'
import { login, logout, mainNav, openLatestMail } from './helpers.ts'

test.describe('sign in lands each role in its area', () => {
  const cases = [
    { email: 'ava@acme.test', url: /\/b\/acme-running$/, see: 'Members' },
    { email: 'marco@acme.test', url: /\/b\/acme-running$/, see: 'Roster' },
    { email: 'fiona@acme.test', url: /\/pay\/acme-running$/, see: 'Invoice queue' },
    { email: 'victor@acme.test', url: /\/b\/acme-running$/, see: 'Roster' },
    { email: 'maya@creators.test', url: /\/c\/[a-z0-9]+$/, see: 'To do' },
    { email: 'nora@northstar.test', url: /\/c$/, see: 'Your creators' },
  ]
  for (const c of cases) {
    test(c.email, async ({ page }) => {
      await login(page, c.email)
      await expect(page).toHaveURL(c.url)
      await expect(page.locator('main, nav.sidenav').getByText(c.see).first()).toBeVisible()
      await logout(page)
    })
  }

  test('a viewer does not get the members page', async ({ page }) => {
    await login(page, 'victor@acme.test')
    await expect(page).toHaveURL(/\/b\/acme-running$/)
    await expect(mainNav(page).getByRole('link', { name: 'Members' })).toHaveCount(0)
    const res = await page.goto('/b/acme-running/members')
    expect(res?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible()
  })

  test('a brand member of one brand gets 404 for another brand', async ({ page }) => {
    await login(page, 'marco@acme.test')
    const res = await page.goto('/b/glow-labs')
    expect(res?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  })

  test('the agent switches between the creators they represent', async ({ page }) => {
    await login(page, 'nora@northstar.test')
    await page.getByRole('link', { name: /Jonah Brooks/ }).click()
    await expect(page.getByRole('heading', { name: "Jonah Brooks's to-do" })).toBeVisible()
    await page.getByText('Acting for:').click()
    await page.getByRole('link', { name: 'Lucas Meyer' }).click()
    await expect(page.getByRole('heading', { name: "Lucas Meyer's to-do" })).toBeVisible()
  })
})

test('a wrong password shows the message next to the field', async ({ page }) => {
  await login(page, 'marco@acme.test', 'definitely-not-it', { expectFailure: true })
  await expect(page.getByText('That email and password do not match an account.')).toBeVisible()
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true')
})

test('invitation -> set password -> signed in', async ({ page }) => {
  const email = `new.manager.${Date.now()}@acme.test`
  await login(page, 'ava@acme.test')
  await mainNav(page).getByRole('link', { name: 'Members' }).click()
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Role').selectOption('manager')
  await page.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible()
  await logout(page)

  const links = await openLatestMail(page, email, /invited you/)
  const invite = links.find((l) => l.includes('/invite/'))!
  await page.goto(invite)
  await expect(page.getByRole('heading', { name: "You're invited" })).toBeVisible()
  await page.getByLabel('Your name').fill('Nina New')
  await page.getByLabel('Choose a password').fill('nina-strong-password')
  await page.getByLabel('Type it again').fill('nina-strong-password')
  await page.getByRole('button', { name: 'Create account and accept' }).click()
  await expect(page).toHaveURL(/\/b\/acme-running$/)
  await expect(page.getByText('Welcome to Greenroom!')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Hi Nina' })).toBeVisible()
})

test('forgot password via the mail folder', async ({ page }) => {
  await page.goto('/forgot-password')
  await page.getByLabel('Email').fill('hannah@creators.test')
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  const links = await openLatestMail(page, 'hannah@creators.test', /Reset your Greenroom password/)
  await page.goto(links.find((l) => l.includes('/reset-password/'))!)
  await page.getByLabel('New password').fill('hannah-new-password')
  await page.getByLabel('Type it again').fill('hannah-new-password')
  await page.getByRole('button', { name: 'Save and sign in' }).click()
  await expect(page).toHaveURL(/\/c\/[a-z0-9]+$/)
  await expect(page.getByText('Your password is changed and you are signed in.')).toBeVisible()
  await logout(page)
  await login(page, 'hannah@creators.test', 'hannah-new-password')
  await expect(page).toHaveURL(/\/c\/[a-z0-9]+$/)
})

test('sign in with a link by email, once, from the sign-in page', async ({ page }) => {
  await page.goto('/login')
  await page.getByRole('link', { name: 'Email me a sign-in link' }).click()
  // The sign-in page has an Email field too: wait for the new page before typing.
  await expect(page.getByRole('heading', { name: 'Sign in by email' })).toBeVisible()
  await page.getByLabel('Email').fill('sofia@creators.test')
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click()
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible()
  const links = await openLatestMail(page, 'sofia@creators.test', /Your Greenroom sign-in link/)
  const link = links.find((l) => l.includes('/sign-in-link/'))!
  await page.goto(link)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(/\/c\/[a-z0-9]+$/)
  await logout(page)
  // Used once: the same link no longer signs anyone in.
  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'This link no longer works' })).toBeVisible()
})
