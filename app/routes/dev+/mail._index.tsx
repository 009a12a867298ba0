import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EmptyState, PageHeader } from '#app/components/ui.tsx'
import { config } from '#app/config.server.ts'
import { requireDevelopment } from '#app/auth/guards.server.ts'

export const meta: MetaFunction = () => [{ title: 'Mail folder (development) · Greenroom' }]

// Development and demo only (404 in production, and for any request not from this machine): the emails written to MAIL_DIR.
export async function loader(args: LoaderFunctionArgs) {
  requireDevelopment(args)
  const dir = path.resolve(config().MAIL_DIR)
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort().reverse().slice(0, 200)
  const mails = await Promise.all(
    files.map(async (f) => {
      const m = JSON.parse(await readFile(path.join(dir, f), 'utf8')) as { id: string; to: string[]; subject: string; date: string }
      return { id: f.replace(/\.json$/, ''), to: m.to, subject: m.subject, date: m.date }
    }),
  )
  return { mails, dir }
}

export default function MailFolder() {
  const { mails, dir } = useLoaderData<typeof loader>()
  return (
    <main id="main" className="page-plain">
      <PageHeader title="Mail folder" subtitle={`Development only: emails written to ${dir} instead of being sent.`} />
      {mails.length === 0 ? (
        <EmptyState title="No emails yet">Invitations and password resets land here when SMTP_URL is not set.</EmptyState>
      ) : (
        <ul className="list">
          {mails.map((m) => (
            <li key={m.id} className="list-row">
              <Link to={`/dev/mail/${m.id}`}>
                <strong>{m.subject}</strong>
              </Link>
              <span className="muted small">
                to {m.to.join(', ')} · {m.date}
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}
