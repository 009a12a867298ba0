import { Button, Link, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export function PasswordResetEmail({ name, url, expiresInMinutes }: { name: string; url: string; expiresInMinutes: number }) {
  return (
    <EmailLayout
      preview="Reset your Greenroom password"
      footer="If you did not ask to reset your password, ignore this email: your password stays as it is."
    >
      <Text style={paragraph}>Hi {name},</Text>
      <Text style={paragraph}>Someone (hopefully you) asked to reset your Greenroom password. This link works once, for {expiresInMinutes} minutes:</Text>
      <Button href={url} style={button}>
        Choose a new password
      </Button>
      <Text style={{ ...paragraph, fontSize: 13, marginTop: 16 }}>
        Or paste this link into your browser: <Link href={url}>{url}</Link>
      </Text>
    </EmailLayout>
  )
}
