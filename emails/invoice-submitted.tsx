import { Button, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export interface InvoiceSubmittedEmailProps {
  brandName: string
  creatorName: string
  campaignName: string
  number: string
  amount: string
  matched: boolean
  url: string
}

export function InvoiceSubmittedEmail({ brandName, creatorName, campaignName, number, amount, matched, url }: InvoiceSubmittedEmailProps) {
  return (
    <EmailLayout preview={`${creatorName} sent invoice ${number} (${amount})`}>
      <Text style={paragraph}>
        {creatorName} sent invoice {number} for {amount} for {campaignName} at {brandName}.
      </Text>
      <Text style={paragraph}>
        {matched
          ? 'It matches the contract, the delivered posts and the tax form on file.'
          : 'It does not fully match the contract, delivery or payee records: open it to see which check failed.'}
      </Text>
      <Button href={url} style={button}>
        Review the invoice
      </Button>
    </EmailLayout>
  )
}
