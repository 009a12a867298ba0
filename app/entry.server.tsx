import type { Writable } from 'node:stream'
import { type AppLoadContext, type EntryContext, type HandleErrorFunction } from '@remix-run/node'
import { isRouteErrorResponse } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { queryCounter } from '#db/query-count.ts'
import { NonceProvider } from './utils/nonce.tsx'
import { RemixServer } from './utils/remix-server.server.tsx'

export { boot, demoBanner, shutdown } from './boot.server.ts'

const ABORT_DELAY = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = (loadContext as { cspNonce?: string }).cspNonce ?? ''
  exposeQueryCount(responseHeaders)
  noStore(responseHeaders)
  return new Promise((resolve, reject) => {
    let shellRendered = false
    let failed = false
    // Cleared once the page is complete: a pending timer keeps the whole render reachable for ABORT_DELAY,
    // hundreds of them under load, and the garbage collector paid for it (issue #18).
    let timer: ReturnType<typeof setTimeout> | undefined
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        // No loader returns a promise (no defer), so a page is complete a few microtasks after its shell:
        // it is sent whole, as one buffer with its length, instead of as a stream of React's 2 KB chunks
        // (a socket write each, chunked encoding, a Node-to-web stream bridge): the socket writes alone were 9% of
        // an empty page's CPU (issue #18, DECISIONS.md "Pages sent whole"). Crawlers got onAllReady before; now
        // everyone does. A page that needs defer one day must bring streaming back for itself.
        onShellReady() {
          shellRendered = true
        },
        onAllReady() {
          if (failed) return
          // The sink is the few methods React's pipe() calls (write, end, on, destroy). React 18.3's server
          // renderer writes each 2 KB view once and never reuses it, so the views are kept as they are (re-read
          // react-dom-server.node's writeChunk when upgrading React). A stream.Writable here paid for its
          // buffering and ticks, and built an error object for React's second end() call (1% of /login's CPU in
          // a profile); side by side the two were within the machine's noise.
          const chunks: Uint8Array[] = []
          let ended = false
          const sink = {
            write(chunk: Uint8Array) {
              chunks.push(chunk)
              return true
            },
            end() {
              if (ended) return
              ended = true
              clearTimeout(timer)
              const body = Buffer.concat(chunks)
              responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
              responseHeaders.set('Content-Length', String(body.length))
              resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }))
            },
            on() {
              return sink
            },
            destroy(error: unknown) {
              clearTimeout(timer)
              reject(error)
            },
          }
          pipe(sink as unknown as Writable)
        },
        onShellError(error: unknown) {
          failed = true
          clearTimeout(timer)
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    timer = setTimeout(abort, ABORT_DELAY)
  })
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  // Aborted requests and expected responses (404 no route, thrown 4xx) are not bugs.
  if (request.signal.aborted || isRouteErrorResponse(error)) return
  console.error('[remix] unhandled error', error)
}

/** Benchmarks only (BENCH_QUERY_HEADER=1): how many SQL statements the loaders of this request ran. */
function exposeQueryCount(headers: Headers) {
  if (process.env.BENCH_QUERY_HEADER !== '1') return
  const store = queryCounter.getStore()
  if (store) headers.set('X-Query-Count', String(store.queries))
}

/**
 * Every HTML page and loader answer is made for one person (and carries a one-time CSP nonce): no
 * browser or shared cache may keep it, so the back button after logout or a shared proxy never shows
 * someone's page. Files set their own (also private, no-store); a route may set something else.
 */
export function noStore(headers: Headers) {
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-store')
}

export function handleDataRequest(response: Response) {
  exposeQueryCount(response.headers)
  noStore(response.headers)
  return response
}
