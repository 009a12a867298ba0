/**
 * Request-level input guards shared by the HTTP server (app/server.ts, before Remix sees the request)
 * and the route guards (app/auth/guards.server.ts, for loaders called directly). Pure: no I/O.
 *
 * NUL (U+0000) is never valid input anywhere in Greenroom: PostgreSQL refuses it in text and jsonb,
 * so a NUL that reached a query used to be a 500. It is refused at the edge with a 400 and a sentence.
 */

export const NUL_MESSAGE = 'The request contains a character that is not allowed (a NUL byte, U+0000). Remove it and try again.'
export const NUL_FIELD_MESSAGE = 'This contains a character that is not allowed (a NUL byte). Remove it and try again.'

export const hasNul = (s: string) => s.includes('\u0000')

/** True when the URL (path, encoded or not; query keys and values) or the route params carry a NUL. */
export function requestHasNul(url: string, params?: Record<string, string | undefined>): boolean {
  if (hasNul(url) || /%00/i.test(url)) return true
  for (const v of Object.values(params ?? {})) if (v && hasNul(v)) return true
  return false
}

/** Throw a 400 Response when the request's URL or params carry a NUL. */
export function refuseNulRequest(request: Request, params?: Record<string, string | undefined>): void {
  if (requestHasNul(request.url, params)) {
    throw new Response(NUL_MESSAGE, { status: 400, statusText: 'Bad Request', headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  }
}
