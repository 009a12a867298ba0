import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PageHeader } from '#app/components/ui.tsx'
import { config } from '#app/config.server.ts'
import { notFound, requireDevelopment } from '#app/auth/guards.server.ts'

export const meta: MetaFunction = () => [{ title: 'Email (development) · Greenroom' }]

// Development and demo only (404 in production, and for any request not from this machine): one email, its text and links.
export async function loader(args: LoaderFunctionArgs) {
  requireDevelopment(args)
  const id = args.params.id ?? ''
  if (!/^[\w-]{1,200}$/.test(id)) notFound('That email')
  const file = path.join(path.resolve(config().MAIL_DIR), `${id}.json`)
  const raw = await readFile(file, 'utf8').catch(() => null)
  if (!raw) notFound('That email')
  const m = JSON.parse(raw) as { to: string[]; cc: string[]; subject: string; text: string; html: string; date: string }
  const links = [...m.html.matchAll(/href="([^"]+)"/g)].map((x) => x[1]!.replaceAll('&amp;', '&'))
  return { to: m.to, cc: m.cc, subject: m.subject, text: m.text, date: m.date, links: [...new Set(links)] }
}

export default function MailMessage() {
  const m = useLoaderData<typeof loader>()
  return (
    <main id="main" className="page-plain">
      <p>
        <Link to="/dev/mail">← All emails</Link>
      </p>
      <PageHeader title={m.subject} subtitle={`To ${m.to.join(', ')}${m.cc.length ? ` · cc ${m.cc.join(', ')}` : ''} · ${m.date}`} />
      <pre className="mail-text">{m.text}</pre>
      {m.links.length ? (
        <>
          <h2>Links in this email</h2>
          <ul>
            {m.links.map((l) => (
              <li key={l}>
                <a href={l}>{l}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </main>
  )
}
