/**
 * Refused forms keep what was typed without JavaScript: with JavaScript off, each form is filled, sent
 * with one bad value and refused by the server; the page it answers with shows the message and every
 * value as typed (never the password).
 */
import { expect, test, type Page } from '@playwright/test'
import { DEMO_PASSWORD } from '../../db/seed-data.ts'

test.use({ javaScriptEnabled: false })

async function signIn(page: Page, email: string) {
  await page.goto('/login')
  await page.locator('input[name=email]').fill(email)
  await page.locator('input[name=password]').fill(DEMO_PASSWORD)
  await page.locator('form button[type=submit]').click()
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
}

/** Fill the form holding `intent` (or the only form), send it, and return the form on the answer page. */
async function sendForm(page: Page, values: Record<string, string>, intent?: string) {
  const form = intent ? page.locator(`form:has(input[name=intent][value="${intent}"])`) : page.locator('main form, form.stack').first()
  for (const [name, value] of Object.entries(values)) await form.locator(`[name="${name}"]`).first().fill(value)
  await form.locator('button[type=submit]').first().click()
  await page.waitForLoadState('load')
  return intent ? page.locator(`form:has(input[name=intent][value="${intent}"])`) : page.locator('main form, form.stack').first()
}

async function expectKept(form: ReturnType<Page['locator']>, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) await expect(form.locator(`[name="${name}"]`).first(), name).toHaveValue(value)
}

test('sign in: a wrong password keeps the email, never the password', async ({ page }) => {
  await page.goto('/login')
  const form = await sendForm(page, { email: 'ava@acme.test', password: 'not the right one' })
  await expect(page.getByText('That email and password do not match an account.').first()).toBeVisible()
  await expectKept(form, { email: 'ava@acme.test', password: '' })
  expect(await page.content()).not.toContain('not the right one')
})

test('forgot password and sign-in link: a bad email is kept', async ({ page }) => {
  for (const path of ['/forgot-password', '/sign-in-link']) {
    await page.goto(path)
    const form = await sendForm(page, { email: 'maya at creators' })
    await expectKept(form, { email: 'maya at creators' })
  }
})

test('creator profile: a bad country keeps every contact field as typed', async ({ page }) => {
  await signIn(page, 'maya@creators.test')
  await page.goto(`${new URL(page.url()).pathname}/profile`)
  const typed = { name: 'Maya Chen-Typed', phone: '+1 555 0100', city: 'Portland Typed', country: 'Narnia' }
  const form = await sendForm(page, typed, 'save-contact')
  await expect(page.locator('.field-error').first()).toBeVisible()
  await expectKept(form, typed)
})

test('budget: a bad amount keeps the amount and the note', async ({ page }) => {
  await signIn(page, 'marco@acme.test')
  await page.goto('/b/acme-running/budget')
  const typed = { amount: 'lots of money', note: 'Gift box typed' }
  const form = await sendForm(page, typed, 'add-cost')
  await expect(page.locator('.field-error').first()).toBeVisible()
  await expectKept(form, typed)
})

test('invoice: a bad tax amount keeps the number, the tax and the line amounts', async ({ page }) => {
  await signIn(page, 'maya@creators.test')
  await page.locator('a', { hasText: 'Send invoice' }).first().click()
  await page.waitForURL(/\/invoices\/new\?offer=/)
  const typed = { number: 'MC-NOJS-1', tax: 'twelve', lineAmount: '1234.56' }
  const form = await sendForm(page, typed, 'submit-invoice')
  await expect(page.locator('.field-error').first()).toBeVisible()
  await expectKept(form, typed)
})

test('members: a bad invitation email is kept', async ({ page }) => {
  await signIn(page, 'ava@acme.test')
  await page.goto('/b/acme-running/members')
  const form = await sendForm(page, { email: 'not an email' }, 'invite-member')
  await expect(page.locator('.field-error').first()).toBeVisible()
  await expectKept(form, { email: 'not an email' })
})
