import { Button, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export interface RightsEndingEmailProps {
  brandName: string
  creatorName: string
  deliverable: string
  campaignName: string
  endsOn: string
  daysLeft: number
  paidAds: boolean
  adsStillOpen: boolean
  url: string
}

/** To the brand's managers and admins: a usage licence ends in 30 or 7 days. */
export function RightsEndingEmail(p: RightsEndingEmailProps) {
  return (
    <EmailLayout preview={`Usage rights for ${p.creatorName}'s ${p.deliverable} end in ${p.daysLeft} days`}>
      <Text style={paragraph}>
        The licence to use {p.creatorName}'s {p.deliverable} ({p.campaignName}) ends on {p.endsOn}: {p.daysLeft} day{p.daysLeft === 1 ? '' : 's'} left, counting today.
      </Text>
      <Text style={paragraph}>
        {p.paidAds ? 'Stop any ads and whitelisting that use it by the end of that day, ' : 'Stop reposting it after that day, '}
        or offer {p.creatorName.split(' ')[0]} an extension.
        {p.adsStillOpen ? ' The ads permission the creator granted is still open past that date: do not keep running it.' : ''}
      </Text>
      <Button href={p.url} style={button}>
        Open usage rights
      </Button>
    </EmailLayout>
  )
}
