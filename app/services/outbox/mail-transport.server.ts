import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import { config } from '#app/config.server.ts'

export interface OutgoingMail {
  id: string
  from: string
  to: string[]
  cc: string[]
  subject: string
  html: string
  text: string
}

export interface MailTransport {
  kind: 'smtp' | 'files'
  send: (mail: OutgoingMail) => Promise<void>
}

/** The same message for both transports; the outbox id makes the Message-ID. */
function nodemailerMessage(m: OutgoingMail) {
  return { from: m.from, to: m.to, cc: m.cc, subject: m.subject, html: m.html, text: m.text, messageId: `<${m.id}@greenroom>` }
}

/** SMTP when SMTP_URL is set; otherwise .eml files (+ a .json for the dev mail page) in MAIL_DIR. */
export function createMailTransport(opts: { smtpUrl?: string; mailDir?: string } = {}): MailTransport {
  const c = config()
  const smtpUrl = opts.smtpUrl ?? c.SMTP_URL
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as never)
    return {
      kind: 'smtp',
      send: async (m) => {
        await transport.sendMail(nodemailerMessage(m))
      },
    }
  }
  const dir = path.resolve(opts.mailDir ?? c.MAIL_DIR)
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    kind: 'files',
    send: async (m) => {
      await mkdir(dir, { recursive: true })
      const info = await composer.sendMail(nodemailerMessage(m))
      const stamp = new Date().toISOString().replace(/[:.]/g, '-')
      const base = path.join(dir, `${stamp}-${m.id}`)
      await writeFile(`${base}.eml`, info.message as Buffer)
      await writeFile(
        `${base}.json`,
        JSON.stringify({ id: m.id, to: m.to, cc: m.cc, subject: m.subject, html: m.html, text: m.text, date: new Date().toISOString() }),
      )
    },
  }
}
