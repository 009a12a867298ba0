import { Button, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export interface InvoiceDecidedEmailProps {
  creatorName: string
  brandName: string
  number: string
  amount: string
  outcome: 'approved' | 'rejected' | 'paid'
  /** rejected: the reason; paid: "on 2026-04-02 by ACH, reference R-1" */
  detail?: string
  dueDate?: string | null
  url: string
}

export function InvoiceDecidedEmail({ creatorName, brandName, number, amount, outcome, detail, dueDate, url }: InvoiceDecidedEmailProps) {
  const preview =
    outcome === 'paid' ? `${brandName} paid invoice ${number}` : outcome === 'approved' ? `${brandName} approved invoice ${number}` : `${brandName} sent invoice ${number} back`
  return (
    <EmailLayout preview={preview}>
      <Text style={paragraph}>Hi {creatorName.split(' ')[0]},</Text>
      {outcome === 'approved' ? (
        <Text style={paragraph}>
          {brandName} approved invoice {number} for {amount}.{dueDate ? ` It is due on ${dueDate}.` : ''} Finance pays it from here.
        </Text>
      ) : null}
      {outcome === 'paid' ? (
        <Text style={paragraph}>
          {brandName} paid invoice {number} for {amount} {detail}.
        </Text>
      ) : null}
      {outcome === 'rejected' ? (
        <>
          <Text style={paragraph}>
            {brandName} did not accept invoice {number} for {amount}. The reason they gave:
          </Text>
          <Text style={{ ...paragraph, borderLeft: '3px solid #d08f1f', paddingLeft: 12 }}>{detail}</Text>
          <Text style={paragraph}>You can send a corrected invoice with a new number.</Text>
        </>
      ) : null}
      <Button href={url} style={button}>
        See the invoice
      </Button>
    </EmailLayout>
  )
}
