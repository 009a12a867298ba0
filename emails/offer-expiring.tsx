import { Button, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export interface OfferExpiringEmailProps {
  creatorName: string
  brandName: string
  campaignName: string
  expiresAt: string
  url: string
}

/** To the creator (agents copied), once, about 48 hours before an unanswered offer expires. */
export function OfferExpiringEmail({ creatorName, brandName, campaignName, expiresAt, url }: OfferExpiringEmailProps) {
  return (
    <EmailLayout preview={`${brandName}'s offer for ${campaignName} expires soon`} footer={`You received this because ${brandName} sent an offer to ${creatorName} on Greenroom.`}>
      <Text style={paragraph}>
        {brandName}'s offer to {creatorName} for <strong>{campaignName}</strong> expires on {expiresAt}. After that it can no longer be accepted.
      </Text>
      <Button href={url} style={button}>
        Answer the offer
      </Button>
    </EmailLayout>
  )
}
