import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components'
import type { ReactNode } from 'react'

/** The frame every Greenroom email shares: wordmark, content, a footer that says why you got it. */
export function EmailLayout({ preview, children, footer }: { preview: string; children: ReactNode; footer?: string }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#f4f6f4', fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif', margin: 0, padding: '24px 0' }}>
        <Container style={{ backgroundColor: '#ffffff', borderRadius: 8, padding: '24px 28px', maxWidth: 560 }}>
          <Text style={{ color: '#1f6f43', fontSize: 18, fontWeight: 700, margin: '0 0 16px' }}>Greenroom</Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: '#e3e7e3', margin: '24px 0 12px' }} />
          <Text style={{ color: '#6b756e', fontSize: 12, margin: 0 }}>
            {footer ?? 'You received this email because of your account on Greenroom.'}
          </Text>
        </Container>
      </Body>
    </Html>
  )
}

export const paragraph = { color: '#1d2420', fontSize: 15, lineHeight: '22px', margin: '0 0 14px' } as const
export const button = {
  backgroundColor: '#1f6f43',
  borderRadius: 6,
  color: '#ffffff',
  display: 'inline-block',
  fontSize: 15,
  fontWeight: 600,
  padding: '10px 18px',
  textDecoration: 'none',
} as const
