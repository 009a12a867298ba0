/**
 * Fault gates: the mail server down while 50 emails wait (then back: each delivered exactly once, to a
 * real SMTP server from the smtp-server package); the PostgreSQL connection killed in the middle of a
 * request (pg_terminate_backend; PostgreSQL only); an upload aborted mid-stream; the disk full during an
 * upload (a 1 MB tmpfs when the test may mount one, otherwise ENOSPC simulated at the storage boundary).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { count, eq } from 'drizzle-orm'
import { createElement } from 'react'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { InvitationEmail } from '#emails/invitation.tsx'
import { config, setConfig } from '#app/config.server.ts'
import { db } from '#app/db.server.ts'
import { storeLocal } from '#app/services/files/local-disk.server.ts'
import { parseUpload } from '#app/services/files/parse-upload.server.ts'
import { deliverOutboxBatch } from '#app/services/outbox/deliver-outbox.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { createMailTransport } from '#app/services/outbox/mail-transport.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { ACCESS_MATRIX } from '#tests/access-matrix.ts'
import { buildGates, invoke, loadRoute, matrixForm, postAs, type Gates } from '#tests/gates/harness.ts'
import { fakeMp4 } from '#tests/factories-content.ts'
import { uid } from '#tests/factories.ts'

let g: Gates
beforeAll(async () => {
  g = await buildGates()
})

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: false })
    .map(String)
    .filter((f) => statSync(path.join(dir, f)).isFile())
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

describe('mail server down, then back', () => {
  const received: string[] = []
  let server: SMTPServer | undefined
  afterAll(async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()))
  })

  it('50 queued emails are each delivered exactly once', async () => {
    const port = await freePort()
    const template = `gates-smtp-${uid()}`
    for (let i = 0; i < 50; i++) {
      await enqueueEmail(db(), {
        template,
        to: [`smtp-${i}-${template}@example.test`],
        subject: `Fault test ${i}`,
        element: createElement(InvitationEmail, { inviterName: 'Gates', purpose: 'a fault test', url: 'http://greenroom.test/x', expiresInDays: 7 }),
      })
    }
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}` })
    const drain = () => deliverOutboxBatch(db(), transport, { from: 'Greenroom <no-reply@greenroom.test>', limit: 10, onlyTemplate: template })

    // Down: every attempt fails and is rescheduled; nothing is lost or marked sent.
    const down = await Promise.all([drain(), drain(), drain(), drain(), drain()])
    expect(down.reduce((n, r) => n + r.sent, 0)).toBe(0)
    expect(down.reduce((n, r) => n + r.failed, 0)).toBe(50)
    const mine = () => db().select().from(schema.outboxMessages).where(eq(schema.outboxMessages.template, template))
    expect((await mine()).every((m) => m.status === 'pending' && m.lastError && m.nextAttemptAt > new Date())).toBe(true)

    // Back up (time passes: the retries are due now); two workers drain at once.
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, done) {
        let raw = ''
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')))
        stream.on('end', () => {
          received.push(/^Message-ID:\s*<([^@>]+)@greenroom>/im.exec(raw)?.[1] ?? 'no-id')
          done()
        })
      },
    })
    await new Promise<void>((r) => server!.listen(port, '127.0.0.1', () => r()))
    await db().update(schema.outboxMessages).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(schema.outboxMessages.template, template))
    for (let round = 0; round < 10; round++) {
      const [a, b] = await Promise.all([drain(), drain()])
      if (a!.sent + b!.sent + a!.failed + b!.failed === 0) break
    }
    const rows = await mine()
    expect(rows.every((m) => m.status === 'sent')).toBe(true)
    const ids = rows.map((m) => m.id).sort()
    expect([...received].sort()).toEqual(ids)
  })
})

describe('database connection killed mid-request', () => {
  it.skipIf(!process.env.DATABASE_URL)('the request fails cleanly, nothing is half-written, the next request succeeds', async () => {
    const postgres = (await import('postgres')).default
    const route = 'b+/$brand+/invoices.$invoice.tsx'
    const ids = await ACCESS_MATRIX[route]!.params!(g.ctx)
    await db().update(schema.invoices).set({ status: 'submitted' }).where(eq(schema.invoices.id, ids.invoice!))
    const audits = async () => Number((await db().select({ n: count() }).from(schema.auditEvents).where(eq(schema.auditEvents.entityId, ids.invoice!)))[0]!.n)
    // Hold the invoice row so the request's transaction stops, mid-way, waiting for it.
    const locker = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
    try {
      const reserved = await locker.reserve()
      await reserved`begin`
      await reserved`select id from invoices where id = ${ids.invoice!} for update`
      const [{ pid: lockerPid }] = (await reserved`select pg_backend_pid() as pid`) as unknown as [{ pid: number }]
      const request = postAs(g, route, 'managerX', matrixForm(g, route, 'approve', ids), ids).then(
        (r) => ({ ok: true as const, status: r.status }),
        (e: unknown) => ({ ok: false as const, error: String(e) }),
      )
      let victim: number | undefined
      for (let i = 0; i < 100 && !victim; i++) {
        await new Promise((r) => setTimeout(r, 50))
        const rows = (await reserved`select pid from pg_stat_activity where ${lockerPid} = any(pg_blocking_pids(pid))`) as unknown as { pid: number }[]
        victim = rows[0]?.pid
      }
      expect(victim, 'the request never reached the database').toBeDefined()
      await reserved`select pg_terminate_backend(${victim!})`
      const outcome = await request
      await reserved`rollback`
      reserved.release()
      // Failed: an error (a 500 from Remix), not a hang, not a success.
      expect(outcome.ok === false || outcome.status >= 500).toBe(true)
      const [inv] = await db().select().from(schema.invoices).where(eq(schema.invoices.id, ids.invoice!))
      expect(inv!.status).toBe('submitted')
      expect(await audits()).toBe(0)
      // The pool replaced the dead connection: the very next request works.
      const again = await postAs(g, route, 'managerX', matrixForm(g, route, 'approve', ids), ids)
      expect(again.status).toBe(302)
      expect((await db().select().from(schema.invoices).where(eq(schema.invoices.id, ids.invoice!)))[0]!.status).toBe('approved')
      expect(await audits()).toBe(1)
    } finally {
      await locker.end()
    }
  })
})

describe('uploads that do not finish', () => {
  const multipartHead = (boundary: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nW-9\r\n--${boundary}\r\nContent-Disposition: form-data; name="legalName"\r\n\r\nGates Legal\r\n--${boundary}\r\nContent-Disposition: form-data; name="entityType"\r\n\r\nindividual\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="w9.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 `

  function abortedRequest(url: string, boundary: string, cookie?: string) {
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode(multipartHead(boundary)))
        else if (sent < 20) controller.enqueue(new Uint8Array(16 * 1024).fill(65))
        else controller.error(new Error('client went away'))
        sent++
      },
    })
    const headers = new Headers({ 'Content-Type': `multipart/form-data; boundary=${boundary}` })
    if (cookie) headers.set('Cookie', cookie)
    return new Request(`http://greenroom.test${url}`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit)
  }

  it('a tax form upload aborted mid-stream leaves no file and no row', async () => {
    const fn = (await loadRoute('c+/$creator+/invoices.tax-form.tsx')).action!
    const filesBefore = filesUnder(config().UPLOAD_DIR)
    const rows = async () => ({
      files: Number((await db().select({ n: count() }).from(schema.files).where(eq(schema.files.creatorId, g.ctx.creatorA.id)))[0]!.n),
      forms: Number((await db().select({ n: count() }).from(schema.taxForms).where(eq(schema.taxForms.creatorId, g.ctx.creatorA.id)))[0]!.n),
    })
    const before = await rows()
    const r = await invoke(fn, abortedRequest('/c/tax-form', 'gatesabort', g.cookies.creatorA), g.params)
    expect(r.status).toBe(400)
    expect((r.data as { formError: string }).formError).toMatch(/could not be read|did not complete/)
    expect(await rows()).toEqual(before)
    expect(filesUnder(config().UPLOAD_DIR)).toEqual(filesBefore)
  })

  it('a streamed draft upload aborted mid-stream leaves nothing', async () => {
    const before = filesUnder(config().UPLOAD_DIR)
    const err = await parseUpload(abortedRequest('/x', 'gatesabort2'), { purpose: 'tax_form', maxBytes: 10 * 1024 * 1024 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).status).toBe(400)
    expect(filesUnder(config().UPLOAD_DIR)).toEqual(before)
  })
})

describe('disk full during an upload', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gates-full-'))
  let mounted = false
  let previous = ''
  beforeAll(() => {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' })
      mounted = true
    } catch {
      mounted = false
    }
    previous = config().UPLOAD_DIR
    setConfig({ UPLOAD_DIR: dir })
  })
  afterAll(() => {
    setConfig({ UPLOAD_DIR: previous })
    if (mounted) execFileSync('umount', [dir], { stdio: 'ignore' })
    rmSync(dir, { recursive: true, force: true })
  })

  /** 2 MB of video onto a 1 MB disk; without a tmpfs, the write stream fails with ENOSPC at 512 KB. */
  function bigVideo(): Readable {
    const chunks = Array.from({ length: 32 }, (_, i) => (i === 0 ? fakeMp4(64 * 1024) : Buffer.alloc(64 * 1024, 7)))
    if (mounted) return Readable.from(chunks)
    let n = 0
    return new Readable({
      read() {
        if (n === 8) {
          this.destroy(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))
          return
        }
        this.push(chunks[n++])
      },
    })
  }

  it('is a clear 507 and leaves nothing behind', async () => {
    if (!mounted) console.info('gates: no tmpfs (not root?): simulating ENOSPC at the storage boundary')
    const err = await storeLocal(bigVideo(), { purpose: 'draft', maxBytes: 100 * 1024 * 1024 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect((err as AppError).status).toBe(507)
    expect((err as AppError).message).toMatch(/out of storage space/)
    expect(filesUnder(dir)).toEqual([])
    // The disk is usable again for a file that fits.
    mkdirSync(dir, { recursive: true })
    const ok = await storeLocal(Readable.from([fakeMp4(4096)]), { purpose: 'draft', maxBytes: 100 * 1024 * 1024 })
    expect(ok.sizeBytes).toBe(4096)
  })
})

