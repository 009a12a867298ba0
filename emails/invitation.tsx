import { Button, Link, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export interface InvitationEmailProps {
  inviterName: string
  /** e.g. "join Acme Running as a manager" or "work with Acme Running as a creator" */
  purpose: string
  url: string
  expiresInDays: number
}

export function InvitationEmail({ inviterName, purpose, url, expiresInDays }: InvitationEmailProps) {
  return (
    <EmailLayout preview={`${inviterName} invited you to ${purpose}`}>
      <Text style={paragraph}>
        {inviterName} invited you to {purpose} on Greenroom.
      </Text>
      <Text style={paragraph}>Set your name and password to get started (or sign in if you already have an account):</Text>
      <Button href={url} style={button}>
        Accept invitation
      </Button>
      <Text style={{ ...paragraph, fontSize: 13, marginTop: 16 }}>
        Or paste this link into your browser: <Link href={url}>{url}</Link>. It expires in {expiresInDays} days.
      </Text>
    </EmailLayout>
  )
}
