import { isRouteErrorResponse, Link } from '@remix-run/react'
import type { ReactNode } from 'react'

/** 404 / 403 / 500 pages that say what to do next. Used by the root and the area layouts. */
export function ErrorPage({ error }: { error: unknown }) {
  let title = 'Something went wrong'
  let body: ReactNode =
    'We could not finish that. It is our fault, not yours: try again in a moment. If it keeps happening, tell us what you were doing.'
  let status = 500
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
      <p className="cluster">
        <Link to="/" className="btn btn-primary">
          Go to my home page
        </Link>
      </p>
    </main>
  )
}
