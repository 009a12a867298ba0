import { Button, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export interface ConnectionLostEmailProps {
  creatorName: string
  platformLabel: string
  username: string | null
  reason: string
  url: string
}

/** A creator's platform connection expired or was revoked on the platform: reconnect, or numbers go back to manual. */
export function ConnectionLostEmail({ creatorName, platformLabel, username, reason, url }: ConnectionLostEmailProps) {
  return (
    <EmailLayout preview={`Your ${platformLabel} connection needs you`}>
      <Text style={paragraph}>Hi {creatorName.split(' ')[0]},</Text>
      <Text style={paragraph}>
        Greenroom can no longer read {username ? `@${username} on ` : 'your account on '}
        {platformLabel}: {reason}
      </Text>
      <Text style={paragraph}>
        Until you reconnect, your live posts are not found or measured automatically; you can still enter their numbers by hand.
      </Text>
      <Button href={url} style={button}>
        Reconnect {platformLabel}
      </Button>
    </EmailLayout>
  )
}
