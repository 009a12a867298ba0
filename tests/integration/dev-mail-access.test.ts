/**
 * The demo's mail folder shows every email (sign-in links, reset links): only a request from this
 * machine (loopback) may read it, and never in production without demo mode.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as mailIndex from '#app/routes/dev+/mail._index.tsx'
import * as mailOne from '#app/routes/dev+/mail.$id.tsx'
import { call, makeRequest } from '#tests/factories.ts'

const saved = { NODE_ENV: process.env.NODE_ENV, GREENROOM_DEMO: process.env.GREENROOM_DEMO }
afterEach(() => {
  process.env.NODE_ENV = saved.NODE_ENV
  process.env.GREENROOM_DEMO = saved.GREENROOM_DEMO
})

const list = (ip: string | null) => call(() => mailIndex.loader({ request: makeRequest('/dev/mail'), params: {}, context: { ip } }))
const one = (ip: string | null) => call(() => mailOne.loader({ request: makeRequest('/dev/mail/x'), params: { id: 'nope' }, context: { ip } }))

describe('/dev/mail', () => {
  it('answers a loopback request in demo mode', async () => {
    process.env.NODE_ENV = 'production'
    process.env.GREENROOM_DEMO = '1'
    for (const ip of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect((await list(ip)).status, ip).toBe(200)
  })

  it('is a 404 for any other address, or with no address, even in demo mode', async () => {
    process.env.NODE_ENV = 'production'
    process.env.GREENROOM_DEMO = '1'
    for (const ip of ['10.0.0.7', '192.168.1.20', '203.0.113.9', '::ffff:10.0.0.7', null]) {
      expect((await list(ip)).status, String(ip)).toBe(404)
      expect((await one(ip)).status, String(ip)).toBe(404)
    }
  })

  it('is a 404 in production without demo mode, even from loopback', async () => {
    process.env.NODE_ENV = 'production'
    delete process.env.GREENROOM_DEMO
    expect((await list('127.0.0.1')).status).toBe(404)
  })
})
