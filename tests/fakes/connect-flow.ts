/** The connect flow as a browser walks it: press "Connect <platform>", let the fake consent, come back to the callback. */
import { afterAll, beforeAll, expect } from 'vitest'
import { eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config, setConfig, type Config } from '#app/config.server.ts'
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

/** The creator's connection row (or undefined). */
export const connectionOf = async (creatorId: string) =>
  (await db().select().from(schema.platformConnections).where(eq(schema.platformConnections.creatorId, creatorId)))[0]

/**
 * Start a platform fake before the file's tests and point the configuration at it (only this platform
 * configured, a test CONNECTIONS_KEY); restore the configuration and stop the fake after. Returns a getter.
 */
export function useFakePlatform<F extends { close(): Promise<void> }>(start: () => Promise<F>, configFor: (f: F) => Partial<Config>): () => F {
  let fake: F | undefined
  let saved: Config
  beforeAll(async () => {
    fake = await start()
    saved = config()
    setConfig({ INSTAGRAM_CLIENT_ID: undefined, INSTAGRAM_CLIENT_SECRET: undefined, CONNECTIONS_KEY: 'cd'.repeat(32), ...configFor(fake) })
  })
  afterAll(async () => {
    setConfig(saved)
    await fake?.close()
  })
  return () => fake!
}
