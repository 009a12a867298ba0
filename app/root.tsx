import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { ErrorPage } from './components/error-page.tsx'
import { Flash } from './components/ui.tsx'
import styles from './styles/app.css'
import { useNonce } from './utils/nonce.tsx'
import { getSessionUser } from './auth/session.server.ts'
import { readFlash } from './utils/flash.server.ts'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [
  { title: 'Greenroom' },
  { name: 'description', content: 'Run your influencer program end to end: offers, content review, posts, performance and payables.' },
]

// Root: public (every page renders inside it); reads the optional user and the one-time flash message.
export async function loader({ request }: LoaderFunctionArgs) {
  const [{ user, setCookie }, flash] = await Promise.all([getSessionUser(request), readFlash(request)])
  const headers = new Headers()
  if (setCookie) headers.append('Set-Cookie', setCookie)
  if (flash.setCookie) headers.append('Set-Cookie', flash.setCookie)
  return data({ user, flash: flash.flash }, { headers })
}

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  const { flash } = useLoaderData<typeof loader>()
  return (
    <Document>
      <Outlet />
      <Flash key={flash?.message} message={flash?.message ?? null} tone={flash?.tone ?? 'success'} />
    </Document>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  return (
    <Document>
      <ErrorPage error={error} />
    </Document>
  )
}
