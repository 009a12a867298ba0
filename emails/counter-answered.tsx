import { Button, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export interface CounterAnsweredEmailProps {
  accepted: boolean
  creatorName: string
  brandName: string
  campaignName: string
  fee: string
  note: string | null
  url: string
}

/** To the creator (agents copied): the brand accepted or declined their counter-offer. */
export function CounterAnsweredEmail({ accepted, creatorName, brandName, campaignName, fee, note, url }: CounterAnsweredEmailProps) {
  return (
    <EmailLayout
      preview={`${brandName} ${accepted ? 'accepted' : 'declined'} the counter-offer for ${campaignName}`}
      footer={`You received this because of ${creatorName}'s offer from ${brandName} on Greenroom.`}
    >
      <Text style={paragraph}>
        {accepted
          ? `${brandName} accepted ${creatorName}'s counter-offer of ${fee} for ${campaignName}. The collaboration is on.`
          : `${brandName} declined ${creatorName}'s counter-offer for ${campaignName}. The original offer of ${fee} still stands until it expires.`}
      </Text>
      {note ? <Text style={paragraph}>Their note: “{note}”</Text> : null}
      <Button href={url} style={button}>
        Open the offer
      </Button>
    </EmailLayout>
  )
}
