/**
 * Usage-rights reminders (issue #17) on the job runner: 30 and 7 days before a licence ends (counted in
 * its time zone), each sent exactly once across runs, two processes at once and a restart, delivered to a
 * real SMTP server (the smtp-server package).
 */
import net from 'node:net'
import { eq, inArray } from 'drizzle-orm'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { countersignContract } from '#app/services/contracts/countersign-contract.server.ts'
import { rightsRemindersJob } from '#app/services/contracts/rights-reminders-job.server.ts'
import { signContract } from '#app/services/contracts/sign-contract.server.ts'
import { knownJobNames } from '#app/services/jobs/registry.server.ts'
import { runJobsUntilIdle } from '#app/services/jobs/run-jobs.server.ts'
import { createMailTransport } from '#app/services/outbox/mail-transport.server.ts'
import { deliverOutboxBatch } from '#app/services/outbox/deliver-outbox.server.ts'
import { contractWorld, currentContract } from '#tests/factories-contracts.ts'

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

interface Received {
  to: string[]
  subject: string
}
const received: Received[] = []
let server: SMTPServer
let port: number
beforeAll(async () => {
  port = await freePort()
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let raw = ''
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')))
      stream.on('end', () => {
        const subject = /^Subject:\s*(.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1]?.replace(/\r?\n[ \t]/g, ' ') ?? ''
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject })
        done()
      })
    },
  })
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()))
})
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()))
})

const at = (day: string) => new Date(`${day}T12:00:00Z`)
const drain = async () => {
  const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}` })
  for (let i = 0; i < 20; i++) {
    const r = await deliverOutboxBatch(db(), transport, { from: 'Greenroom <no-reply@greenroom.test>', limit: 50, onlyTemplate: 'rights-ending' })
    if (r.sent + r.failed === 0) break
  }
}

describe('rights reminders job', () => {
  it('is in the registry and emails 30 and 7 days before the end, each once, through a real SMTP server', async () => {
    expect(knownJobNames()).toContain('rights.reminders')
    const w = await contractWorld({ usageMonths: 2, settings: { contracts: { timeZone: 'Europe/Paris' } } })
    await w.accept()
    const v1 = await currentContract(w.offer.id)
    await signContract(w.agentActor, { contractId: v1.id, documentSha256: v1.documentSha256 }, at('2026-12-04'))
    await countersignContract(w.adminActor, { contractId: v1.id, documentSha256: v1.documentSha256 }, at('2026-12-04'))
    const items = await db().select().from(schema.rightsItems).where(eq(schema.rightsItems.offerId, w.offer.id))
    // 2 months from 2026-12-04 (Paris): anniversary 2027-02-04, last day 2027-02-03
    expect(items.map((i) => [i.endsOn, i.timeZone])).toEqual([
      ['2027-02-03', 'Europe/Paris'],
      ['2027-02-03', 'Europe/Paris'],
    ])
    const ids = items.map((i) => i.id)
    const reminders = async () => (await db().select().from(schema.rightsReminders).where(inArray(schema.rightsReminders.rightsItemId, ids))).map((r) => `${r.rightsItemId}:${r.thresholdDays}`).sort()
    const mine = () => received.filter((m) => m.to.includes(w.manager.email))
    const run = (now: Date) => runJobsUntilIdle({ now, only: [rightsRemindersJob] })

    // 2027-01-04 in Paris: 31 days left counting today (4 Jan .. 3 Feb) — nothing yet
    await run(at('2027-01-04'))
    expect(await reminders()).toEqual([])
    // 2027-01-05: 30 days left — one 30-day reminder per item
    await run(at('2027-01-05'))
    expect(await reminders()).toEqual(ids.map((id) => `${id}:30`).sort())
    // the same hour again, then two processes at once, then a restart the next day: nothing new
    await run(at('2027-01-05'))
    await Promise.all([rightsRemindersJob.run(undefined as never, { jobId: 'a', attempt: 1, now: new Date('2027-01-05T13:00:00Z') }), rightsRemindersJob.run(undefined as never, { jobId: 'b', attempt: 1, now: new Date('2027-01-05T13:00:00Z') })])
    await run(at('2027-01-06'))
    expect(await reminders()).toHaveLength(2)
    await drain()
    expect(mine()).toHaveLength(2)
    expect(mine().every((m) => /Usage rights end in 30 days/.test(m.subject) && m.to.includes(w.admin.email))).toBe(true)

    // 2027-01-27: 8 days left — no 7-day reminder yet
    await run(at('2027-01-27'))
    expect(await reminders()).toHaveLength(2)
    // 2027-01-28 at 00:30 Paris (23:30 UTC on the 27th): 7 days left there — the 7-day reminder
    await run(new Date('2027-01-27T23:30:00Z'))
    expect(await reminders()).toEqual([...ids.map((id) => `${id}:30`), ...ids.map((id) => `${id}:7`)].sort())
    await run(at('2027-01-29'))
    await run(at('2027-02-03'))
    await drain()
    expect(mine()).toHaveLength(4)
    expect(mine().filter((m) => /Usage rights end in 7 days/.test(m.subject))).toHaveLength(2)
    // after the end: nothing more
    await run(at('2027-02-05'))
    await drain()
    expect(mine()).toHaveLength(4)
  })

  it('a licence first seen inside 7 days gets the 7-day reminder only', async () => {
    const w = await contractWorld({ usageMonths: 1 })
    await w.accept()
    const v1 = await currentContract(w.offer.id)
    await signContract(w.agentActor, { contractId: v1.id, documentSha256: v1.documentSha256 }, at('2026-12-04'))
    await countersignContract(w.adminActor, { contractId: v1.id, documentSha256: v1.documentSha256 }, at('2026-12-04'))
    const items = await db().select().from(schema.rightsItems).where(eq(schema.rightsItems.offerId, w.offer.id))
    // 1 month from 2026-12-04 (UTC): last day 2027-01-03; on 2026-12-30 there are 5 days left
    expect(items[0]!.endsOn).toBe('2027-01-03')
    // the recurring row already ran at a later clock in the test above: run the job's body at this one
    await rightsRemindersJob.run(undefined as never, { jobId: 'c', attempt: 1, now: at('2026-12-30') })
    const rows = await db().select().from(schema.rightsReminders).where(inArray(schema.rightsReminders.rightsItemId, items.map((i) => i.id)))
    expect(rows.map((r) => r.thresholdDays)).toEqual([7, 7])
    await drain()
    expect(received.filter((m) => m.to.includes(w.manager.email)).map((m) => m.subject.match(/end in (\d+) days/)?.[1])).toEqual(['5', '5'])
  })
})
