import { Button, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export interface BriefUpdatedEmailProps {
  creatorName: string
  brandName: string
  campaignName: string
  version: number
  changes: string[]
  url: string
}

/** To creators who accepted (agents copied): the brief changed; re-acknowledge it. */
export function BriefUpdatedEmail({ creatorName, brandName, campaignName, version, changes, url }: BriefUpdatedEmailProps) {
  return (
    <EmailLayout preview={`${brandName} updated the brief for ${campaignName}`} footer={`You received this because ${creatorName} works on ${campaignName} with ${brandName}.`}>
      <Text style={paragraph}>
        {brandName} published version {version} of the brief for <strong>{campaignName}</strong>. What changed: {changes.length ? changes.join('; ') : 'details'}.
      </Text>
      <Text style={paragraph}>Please read it and confirm you have seen the changes before you post.</Text>
      <Button href={url} style={button}>
        Review the changes
      </Button>
    </EmailLayout>
  )
}
