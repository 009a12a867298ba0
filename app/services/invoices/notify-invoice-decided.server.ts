import { createElement } from 'react'
import { eq } from 'drizzle-orm'
import { schema, type Tx } from '#db/index.ts'
import { config } from '#app/config.server.ts'
import { moneyWords } from '#app/domain/offer-terms.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { getAgentEmails } from '#app/services/creators/get-agent-emails.server.ts'
import { InvoiceDecidedEmail } from '#emails/invoice-decided.tsx'

/** Queue "approved / rejected / paid" to the creator, agents copied. Inside the deciding transaction. */
export async function notifyInvoiceDecided(
  tx: Tx,
  invoice: typeof schema.invoices.$inferSelect,
  brandName: string,
  outcome: 'approved' | 'rejected' | 'paid',
  detail?: string,
) {
  const [creator] = await tx.select({ name: schema.creators.name, email: schema.creators.email }).from(schema.creators).where(eq(schema.creators.id, invoice.creatorId))
  if (!creator) return
  const agents = await getAgentEmails(tx, invoice.creatorId)
  const amount = moneyWords(invoice.totalMinor, invoice.currency)
  const subject =
    outcome === 'paid'
      ? `${brandName} paid invoice ${invoice.number}`
      : outcome === 'approved'
        ? `${brandName} approved invoice ${invoice.number}`
        : `${brandName} did not accept invoice ${invoice.number}`
  await enqueueEmail(tx, {
    template: `invoice-${outcome}`,
    to: [creator.email],
    cc: agents,
    subject,
    element: createElement(InvoiceDecidedEmail, {
      creatorName: creator.name,
      brandName,
      number: invoice.number,
      amount,
      outcome,
      detail,
      dueDate: invoice.dueDate,
      url: `${config().appUrl}/c/${invoice.creatorId}/invoices/${invoice.id}`,
    }),
    dedupeKey: `invoice-${outcome}:${invoice.id}:${invoice.updatedAt.getTime()}`,
  })
}
