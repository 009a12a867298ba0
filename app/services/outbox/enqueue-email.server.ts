import { render } from '@react-email/render'
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
  const [html, text] = await Promise.all([
    render(email.element),
    render(email.element, { plainText: true }),
  ])
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
