import type { ReactElement } from 'react'
import type { DbOrTx } from '#db/index.ts'
import { getAgentEmails } from '#app/services/creators/get-agent-emails.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'

/** Queue an email to the creator with every agent who represents them copied (same transaction). */
export async function notifyCreator(tx: DbOrTx, creator: { id: string; email: string }, email: { template: string; subject: string; element: ReactElement }) {
  const agents = await getAgentEmails(tx, creator.id)
  await enqueueEmail(tx, { ...email, to: [creator.email], cc: agents })
}
