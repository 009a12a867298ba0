import { Button, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export interface DraftApprovedEmailProps {
  creatorName: string
  brandName: string
  campaignName: string
  deliverable: string
  version: number
  /** Creator-visible comment left with the approval, if any. */
  comment: string | null
  postWindow: string | null
  url: string
}

/** To the creator (agents copied): a draft was approved and can go live. */
export function DraftApprovedEmail({ creatorName, brandName, campaignName, deliverable, version, comment, postWindow, url }: DraftApprovedEmailProps) {
  return (
    <EmailLayout preview={`${brandName} approved your draft v${version}`}>
      <Text style={paragraph}>Hi {creatorName.split(' ')[0]},</Text>
      <Text style={paragraph}>
        Good news: {brandName} approved draft v{version} of your {deliverable} for {campaignName}.
      </Text>
      {comment ? <Text style={{ ...paragraph, borderLeft: '3px solid #2f7d4f', paddingLeft: 12, whiteSpace: 'pre-wrap' }}>{comment}</Text> : null}
      <Text style={paragraph}>
        Post it exactly as approved{postWindow ? ` ${postWindow}` : ''}, then add the link in Greenroom.
      </Text>
      <Button href={url} style={button}>
        Open the deliverable
      </Button>
    </EmailLayout>
  )
}
