import { Button, Link, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export function SignInLinkEmail({ name, url, expiresInMinutes }: { name: string; url: string; expiresInMinutes: number }) {
  return (
    <EmailLayout
      preview="Your Greenroom sign-in link"
      footer="If you did not ask for a sign-in link, ignore this email: nobody can use it without opening it from your inbox."
    >
      <Text style={paragraph}>Hi {name},</Text>
      <Text style={paragraph}>Use this link to sign in to Greenroom without your password. It works once, for {expiresInMinutes} minutes:</Text>
      <Button href={url} style={button}>
        Sign in to Greenroom
      </Button>
      <Text style={{ ...paragraph, fontSize: 13, marginTop: 16 }}>
        Or paste this link into your browser: <Link href={url}>{url}</Link>
      </Text>
    </EmailLayout>
  )
}
