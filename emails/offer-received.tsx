import { Button, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export interface OfferReceivedEmailProps {
  creatorName: string
  brandName: string
  campaignName: string
  fee: string
  deliverables: string[]
  expiresOn: string
  url: string
}

/** To the creator (agents copied): a brand sent an offer. */
export function OfferReceivedEmail({ creatorName, brandName, campaignName, fee, deliverables, expiresOn, url }: OfferReceivedEmailProps) {
  return (
    <EmailLayout preview={`${brandName} sent ${creatorName} an offer for ${campaignName}`} footer={`You received this because ${brandName} sent an offer to ${creatorName} on Greenroom.`}>
      <Text style={paragraph}>
        {brandName} sent {creatorName} an offer for <strong>{campaignName}</strong>: {fee} for {deliverables.join(', ')}.
      </Text>
      <Text style={paragraph}>Read the brief and the terms, then accept, counter or decline before {expiresOn}.</Text>
      <Button href={url} style={button}>
        See the offer
      </Button>
    </EmailLayout>
  )
}
