import { eq, inArray } from 'drizzle-orm'
import { createElement } from 'react'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { InvitationEmail } from '#emails/invitation.tsx'
import { db } from '#app/db.server.ts'
import { backoffSeconds, deliverOutboxBatch, MAX_ATTEMPTS } from '#app/services/outbox/deliver-outbox.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import type { MailTransport, OutgoingMail } from '#app/services/outbox/mail-transport.server.ts'
import { uid } from '#tests/factories.ts'

async function queue(n: number, tag: string) {
  const to: string[] = []
  const template = `test-${tag}`
  for (let i = 0; i < n; i++) {
    const address = `${tag}-${i}@outbox.test`
    to.push(address)
    await enqueueEmail(db(), {
      template,
      to: [address],
      subject: `Hello ${i}`,
      element: createElement(InvitationEmail, { inviterName: 'Test', purpose: 'test <things> & stuff', url: 'http://x.test/invite/abc', expiresInDays: 7 }),
    })
  }
  return Object.assign(to, { template })
}

function recorder(fail = () => false): MailTransport & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = []
  return {
    kind: 'files',
    sent,
    send: async (m) => {
      if (fail()) throw new Error('connection refused')
      sent.push(m)
    },
  }
}

const mine = (sent: OutgoingMail[], to: string[]) => sent.filter((m) => to.includes(m.to[0]!))

describe('outbox', () => {
  it('renders the email (escaped HTML and a text part) when it is queued', async () => {
    const [address] = await queue(1, `render-${uid()}`)
    const [row] = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.subject, 'Hello 0'))
    expect(row).toBeDefined()
    const mineRow = (await db().select().from(schema.outboxMessages)).find((r) => r.toAddresses.includes(address!))!
    expect(mineRow.html).toContain('test &lt;things&gt; &amp; stuff')
    expect(mineRow.html).not.toContain('<things>')
    expect(mineRow.text).toContain('http://x.test/invite/abc')
  })

  it('two workers draining at once deliver each email exactly once', async () => {
    const to = await queue(12, `race-${uid()}`)
    const t = recorder()
    await Promise.all([
      deliverOutboxBatch(db(), t, { from: 'a@test', limit: 5, onlyTemplate: to.template }),
      deliverOutboxBatch(db(), t, { from: 'a@test', limit: 5, onlyTemplate: to.template }),
      deliverOutboxBatch(db(), t, { from: 'a@test', limit: 5, onlyTemplate: to.template }),
    ])
    for (let i = 0; i < 5; i++) await deliverOutboxBatch(db(), t, { from: 'a@test', limit: 50, onlyTemplate: to.template })
    const delivered = mine(t.sent, to).map((m) => m.to[0]).sort()
    expect(delivered).toEqual([...to].sort())
  })

  it('writes .eml and a JSON copy to the mail folder without SMTP', async () => {
    const dir = `${process.env.MAIL_DIR}/files-${uid()}`
    const { createMailTransport } = await import('#app/services/outbox/mail-transport.server.ts')
    await createMailTransport({ mailDir: dir }).send({ id: 'm1', from: 'a@test', to: ['b@test'], cc: [], subject: 'Hi', html: '<p>Hi</p>', text: 'Hi' })
    const { readdir } = await import('node:fs/promises')
    const names = await readdir(dir)
    expect(names.some((n) => n.endsWith('-m1.eml'))).toBe(true)
    expect(names.some((n) => n.endsWith('-m1.json'))).toBe(true)
  })

  it('a failed send is retried later with backoff, then delivered once', async () => {
    const to = await queue(3, `retry-${uid()}`)
    let down = true
    const t = recorder(() => down)
    await deliverOutboxBatch(db(), t, { from: 'a@test', limit: 100, onlyTemplate: to.template })
    const rows = await db().select().from(schema.outboxMessages).where(inArray(schema.outboxMessages.subject, ['Hello 0', 'Hello 1', 'Hello 2']))
    const failed = rows.filter((r) => to.includes(r.toAddresses[0]!))
    expect(failed).toHaveLength(3)
    expect(failed.every((r) => r.status === 'pending' && r.attempts === 1 && r.lastError === 'connection refused')).toBe(true)
    expect(failed.every((r) => r.nextAttemptAt.getTime() > Date.now())).toBe(true)
    // Not due yet: nothing is sent even though the server is back.
    down = false
    await deliverOutboxBatch(db(), t, { from: 'a@test', limit: 100, onlyTemplate: to.template })
    expect(mine(t.sent, to)).toEqual([])
    // Time passes.
    await db().update(schema.outboxMessages).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(inArray(schema.outboxMessages.id, failed.map((r) => r.id)))
    await deliverOutboxBatch(db(), t, { from: 'a@test', limit: 100, onlyTemplate: to.template })
    await deliverOutboxBatch(db(), t, { from: 'a@test', limit: 100, onlyTemplate: to.template })
    expect(mine(t.sent, to).length).toBe(3)
  })

  it('backs off exponentially and caps at an hour', () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([5, 10, 20, 40])
    expect(backoffSeconds(MAX_ATTEMPTS + 5)).toBe(3600)
  })

  it('gives up on a message after the last attempt', async () => {
    const to = await queue(1, `dead-${uid()}`)
    const all = await db().select().from(schema.outboxMessages)
    const row = all.find((r) => r.toAddresses.includes(to[0]!))!
    await db().update(schema.outboxMessages).set({ attempts: MAX_ATTEMPTS }).where(eq(schema.outboxMessages.id, row.id))
    await deliverOutboxBatch(db(), recorder(() => true), { from: 'a@test', limit: 100, onlyTemplate: to.template })
    const [after] = await db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.id, row.id))
    expect(after!.status).toBe('dead')
  })
})
