import { Button, Text } from '@react-email/components'
import { EmailLayout, button, paragraph } from './layout.tsx'

export interface ReminderLine {
  what: string
  context: string
  due: string | null
}

export interface DailyReminderEmailProps {
  name: string
  audience: 'creator' | 'manager'
  items: ReminderLine[]
  url: string
}

/** The once-a-day nudge: what is overdue for you, one line each, and one button. */
export function DailyReminderEmail({ name, audience, items, url }: DailyReminderEmailProps) {
  const first = name.split(' ')[0]
  return (
    <EmailLayout
      preview={`${items.length} ${items.length === 1 ? 'thing needs' : 'things need'} your attention`}
      footer="Greenroom sends this at most once a day, only when something is overdue."
    >
      <Text style={paragraph}>Hi {first},</Text>
      <Text style={paragraph}>
        {audience === 'creator' ? 'These are overdue for your collaborations:' : 'These are waiting on your team:'}
      </Text>
      {items.map((i, n) => (
        <Text key={n} style={{ ...paragraph, margin: '0 0 8px' }}>
          • <strong>{i.what}</strong> — {i.context}
          {i.due ? ` (due ${i.due})` : ''}
        </Text>
      ))}
      <Button href={url} style={button}>
        {audience === 'creator' ? 'Open my to-do list' : 'Open Greenroom'}
      </Button>
    </EmailLayout>
  )
}
