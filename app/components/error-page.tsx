import { isRouteErrorResponse, Link } from '@remix-run/react'
import type { ReactNode } from 'react'

interface AgencyEnded {
  kind: 'agency-ended'
  message: string
  remaining: { id: string; name: string }[]
}
function isAgencyEnded(data: unknown): data is AgencyEnded {
  const d = data as Partial<AgencyEnded> | null
  return !!d && typeof d === 'object' && d.kind === 'agency-ended' && typeof d.message === 'string' && Array.isArray(d.remaining)
}

/** 404 / 403 / 500 pages that say what to do next. Used by the root and the area layouts. */
export function ErrorPage({ error }: { error: unknown }) {
  let title = 'Something went wrong'
  let body: ReactNode =
    'We could not finish that. It is our fault, not yours: try again in a moment. If it keeps happening, tell us what you were doing.'
  let status = 500
  if (isRouteErrorResponse(error) && isAgencyEnded(error.data)) {
    const d = error.data
    return (
      <main className="error-page" id="main">
        <p className="error-code">{error.status}</p>
        <h1>Agency ended</h1>
        <p role="alert">{d.message}</p>
        {d.remaining.length > 0 ? (
          <>
            <p>Creators you still act for:</p>
            <ul className="plain stack-sm" aria-label="Creators you still act for">
              {d.remaining.map((c) => (
                <li key={c.id}>
                  <Link to={`/c/${c.id}`} className="tap-link">
                    {c.name}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>No creator has an active agency grant with you now.</p>
        )}
        <HomeLink />
      </main>
    )
  }
  if (isRouteErrorResponse(error)) {
    status = error.status
    const text = typeof error.data === 'string' && error.data.length < 300 ? error.data : null
    if (error.status === 404) {
      title = 'Page not found'
      body = text ?? 'This page does not exist, or it belongs to an account you do not have access to. Check the link, or go back to your home page.'
    } else if (error.status === 403) {
      title = 'Not allowed'
      body = text ?? 'Your role does not allow this. Ask an admin of this brand if you need it.'
    } else if (error.status < 500) {
      title = 'That did not work'
      body = text ?? 'The request could not be completed.'
    }
  }
  return (
    <main className="error-page" id="main">
      <p className="error-code">{status}</p>
      <h1>{title}</h1>
      <p>{body}</p>
      <HomeLink />
    </main>
  )
}

function HomeLink() {
  return (
    <p className="cluster">
      <Link to="/" className="btn btn-primary">
        Go to my home page
      </Link>
    </p>
  )
}
