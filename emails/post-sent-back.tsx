import { Button, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export interface PostSentBackEmailProps {
  creatorName: string
  brandName: string
  campaignName: string
  note: string
  url: string
}

export function PostSentBackEmail({ creatorName, brandName, campaignName, note, url }: PostSentBackEmailProps) {
  return (
    <EmailLayout preview={`${brandName} asked for a change to your live post`}>
      <Text style={paragraph}>Hi {creatorName.split(' ')[0]},</Text>
      <Text style={paragraph}>
        {brandName} checked your live post for {campaignName} and asked for a change:
      </Text>
      <Text style={{ ...paragraph, borderLeft: '3px solid #d08f1f', paddingLeft: 12 }}>{note}</Text>
      <Text style={paragraph}>Edit the post on the platform, then confirm it in Greenroom so they can verify it.</Text>
      <Button href={url} style={button}>
        Update my post
      </Button>
    </EmailLayout>
  )
}
