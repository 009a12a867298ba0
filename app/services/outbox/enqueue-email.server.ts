import { plainTextSelectors, render } from '@react-email/render'
import { compile } from 'html-to-text'
import type { ReactElement } from 'react'
import { schema, type DbOrTx } from '#db/index.ts'

export interface EmailToQueue {
  template: string
  to: string[]
  cc?: string[]
  subject: string
  element: ReactElement
  /** The same logical email (e.g. 'offer-expiring:<offerId>') is queued only once. */
  dedupeKey?: string
}

/**
 * Queue an email in the outbox, inside the caller's transaction: it is sent if and only if the
 * change commits. The worker (deliver-outbox) delivers it with retries.
 */
export async function enqueueEmail(tx: DbOrTx, email: EmailToQueue) {
  const { html, text } = await renderEmail(email.element)
  const to = [...new Set(email.to.map((a) => a.toLowerCase()))]
  const cc = [...new Set((email.cc ?? []).map((a) => a.toLowerCase()))].filter((a) => !to.includes(a))
  await tx
    .insert(schema.outboxMessages)
    .values({
      template: email.template,
      toAddresses: to,
      ccAddresses: cc,
      subject: email.subject,
      html,
      text,
      dedupeKey: email.dedupeKey ?? null,
    })
    .onConflictDoNothing()
}

/**
 * The plain-text part's converter, built once: the options of `render(el, { plainText: true })` (react-email's
 * toPlainText), whose `convert` call builds html-to-text's selector tree again for every e-mail.
 */
const toPlainText = compile({ wordwrap: false, selectors: plainTextSelectors })

/**
 * The e-mail's HTML and its plain-text part from one React render. `render(el, { plainText: true })` renders the
 * element a second time and converts that markup; converting the first render's markup gives the same text
 * (tests/unit/emails/render-once.test.tsx, every template). The second render and the converter's set-up were
 * over half of an e-mail's cost, paid inside the caller's transaction on every approval, offer and invoice (issue #18).
 */
export async function renderEmail(element: ReactElement) {
  const html = await render(element)
  return { html, text: toPlainText(html) }
}
