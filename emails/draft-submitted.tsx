import { Button, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export interface DraftSubmittedEmailProps {
  creatorName: string
  /** "Nora Quinn (Northstar Talent)" when an agent submitted for the creator. */
  submittedBy: string | null
  campaignName: string
  deliverable: string
  version: number
  blockingCount: number
  url: string
}

/** To the brand's reviewers (managers and admins): a draft is waiting for review. */
export function DraftSubmittedEmail({ creatorName, submittedBy, campaignName, deliverable, version, blockingCount, url }: DraftSubmittedEmailProps) {
  return (
    <EmailLayout preview={`${creatorName} submitted draft v${version} for ${campaignName}`} footer="You received this because you review content for this brand on Greenroom.">
      <Text style={paragraph}>
        {creatorName} submitted <strong>draft v{version}</strong> of their {deliverable} for <strong>{campaignName}</strong>
        {submittedBy ? ` (submitted by ${submittedBy})` : ''}.
      </Text>
      <Text style={paragraph}>
        {blockingCount > 0
          ? `The disclosure checker found ${blockingCount} blocking issue${blockingCount === 1 ? '' : 's'} in the caption: it cannot be approved as it is.`
          : 'The disclosure checker found no blocking issue in the caption.'}
      </Text>
      <Button href={url} style={button}>
        Review the draft
      </Button>
    </EmailLayout>
  )
}
