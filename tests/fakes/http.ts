/** What the platform fakes share: a JSON answer, the request body, and a server on a free local port. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export const sendJson = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

export const readBody = (req: http.IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => resolve(body))
  })

/** Listen on 127.0.0.1 (a free port, or `port`); the base URL and a close() for afterAll. */
export async function listenLocal(handler: http.RequestListener, port = 0) {
  const server = http.createServer(handler)
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
