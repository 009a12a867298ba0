import { Text } from '@react-email/components'
import { EmailLayout, paragraph } from './layout.tsx'

export interface OfferWithdrawnEmailProps {
  creatorName: string
  brandName: string
  campaignName: string
}

/** To the creator (agents copied): the brand withdrew an offer before it was accepted. */
export function OfferWithdrawnEmail({ creatorName, brandName, campaignName }: OfferWithdrawnEmailProps) {
  return (
    <EmailLayout preview={`${brandName} withdrew its offer for ${campaignName}`} footer={`You received this because ${brandName} sent an offer to ${creatorName} on Greenroom.`}>
      <Text style={paragraph}>
        {brandName} withdrew its offer to {creatorName} for <strong>{campaignName}</strong>. There is nothing you need to do; it can no longer be accepted.
      </Text>
    </EmailLayout>
  )
}
