import { Button, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export interface DraftChangesRequestedEmailProps {
  creatorName: string
  brandName: string
  campaignName: string
  deliverable: string
  version: number
  /** Only the creator-visible comment: internal notes never go here. */
  comment: string
  revisionsSentence: string
  url: string
}

/** To the creator (agents copied): the brand asked for changes to a draft. */
export function DraftChangesRequestedEmail({ creatorName, brandName, campaignName, deliverable, version, comment, revisionsSentence, url }: DraftChangesRequestedEmailProps) {
  return (
    <EmailLayout preview={`${brandName} asked for changes to your draft v${version}`}>
      <Text style={paragraph}>Hi {creatorName.split(' ')[0]},</Text>
      <Text style={paragraph}>
        {brandName} reviewed draft v{version} of your {deliverable} for {campaignName} and asked for changes:
      </Text>
      <Text style={{ ...paragraph, borderLeft: '3px solid #d08f1f', paddingLeft: 12, whiteSpace: 'pre-wrap' }}>{comment}</Text>
      <Text style={paragraph}>{revisionsSentence} Upload the new version in Greenroom; the checker shows what must be in the caption as you type.</Text>
      <Button href={url} style={button}>
        Answer the feedback
      </Button>
    </EmailLayout>
  )
}
