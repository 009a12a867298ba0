/** The connect flow as a browser walks it: press "Connect <platform>", let the fake consent, come back to the callback. */
import { expect } from 'vitest'
import type { LoaderFunctionArgs } from '@remix-run/node'
import * as connectionsRoute from '#app/routes/c+/$creator+/connections.tsx'
import { call, makeRequest } from '#tests/factories.ts'

const ctx = { requestId: 'test', ip: '127.0.0.1' }

export async function connectThroughFake(
  platform: 'tiktok' | 'youtube',
  callbackLoader: (args: LoaderFunctionArgs) => Promise<unknown>,
  creatorId: string,
  cookie: string | undefined,
  opts: { asCookie?: string; beforeCallback?: () => Promise<void> } = {},
) {
  const start = await call(() => connectionsRoute.action({ request: makeRequest(`/c/${creatorId}/connections`, { form: { intent: 'connect', platform }, cookie }), params: { creator: creatorId }, context: ctx }))
  expect(start.status).toBe(302)
  const authorize = new URL(start.location!)
  const consent = await fetch(authorize, { redirect: 'manual' })
  expect(consent.status).toBe(302)
  const back = new URL(consent.headers.get('location')!)
  await opts.beforeCallback?.()
  const path = `${back.pathname}${back.search}`
  const done = await call(() => callbackLoader({ request: makeRequest(path, { cookie: opts.asCookie ?? cookie }), params: {}, context: ctx }))
  return { authorize, back, path, done }
}
