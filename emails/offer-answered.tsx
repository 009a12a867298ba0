import { Button, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export interface OfferAnsweredEmailProps {
  answer: 'accepted' | 'declined' | 'countered'
  creatorName: string
  /** "Nora Quinn (Northstar Talent)" when an agent answered for the creator. */
  answeredBy: string | null
  campaignName: string
  detail: string | null
  url: string
}

const VERB = { accepted: 'accepted', declined: 'declined', countered: 'countered' } as const

/** To the brand's managers and admins: a creator answered an offer. */
export function OfferAnsweredEmail({ answer, creatorName, answeredBy, campaignName, detail, url }: OfferAnsweredEmailProps) {
  return (
    <EmailLayout preview={`${creatorName} ${VERB[answer]} your offer for ${campaignName}`} footer="You received this because you manage campaigns for this brand on Greenroom.">
      <Text style={paragraph}>
        {creatorName} {VERB[answer]} your offer for <strong>{campaignName}</strong>
        {answeredBy ? ` (answered by ${answeredBy})` : ''}.
      </Text>
      {detail ? <Text style={paragraph}>{detail}</Text> : null}
      <Button href={url} style={button}>
        {answer === 'countered' ? 'Answer the counter-offer' : 'Open the campaign'}
      </Button>
    </EmailLayout>
  )
}
