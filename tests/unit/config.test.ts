import { describe, expect, it } from 'vitest'
import { ConfigError, parseConfig } from '#app/config.server.ts'

describe('configuration', () => {
  it('applies defaults for a bare development environment', () => {
    const c = parseConfig({})
    expect(c.PORT).toBe(3000)
    expect(c.DATABASE_URL).toBeUndefined()
    expect(c.appUrl).toBe('http://localhost:3000')
    expect(c.secureCookies).toBe(false)
  })

  it('lists every problem at once instead of stopping at the first', () => {
    let error: unknown
    try {
      parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://mail', SESSION_TTL_DAYS: '0' })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(ConfigError)
    const problems = (error as ConfigError).problems.join('\n')
    expect(problems).toMatch(/PORT/)
    expect(problems).toMatch(/DATABASE_URL: must start with postgres/)
    expect(problems).toMatch(/SMTP_URL: must start with smtp/)
    expect(problems).toMatch(/SESSION_TTL_DAYS/)
  })

  it('requires a session secret in production, except in demo mode', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/)
    expect(parseConfig({ NODE_ENV: 'production', GREENROOM_DEMO: '1' }).secureCookies).toBe(false)
    const prod = parseConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32), APP_URL: 'https://gr.example.com/' })
    expect(prod.secureCookies).toBe(true)
    expect(prod.appUrl).toBe('https://gr.example.com')
  })

  it('treats an empty DATABASE_URL as unset (embedded PGlite)', () => {
    expect(parseConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
  })

  it('listens on 127.0.0.1 by default in demo mode, on all interfaces otherwise; HOST always wins', () => {
    expect(parseConfig({ NODE_ENV: 'production', GREENROOM_DEMO: '1' }).host).toBe('127.0.0.1')
    expect(parseConfig({ NODE_ENV: 'production', GREENROOM_DEMO: '1', HOST: '0.0.0.0' }).host).toBe('0.0.0.0')
    expect(parseConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32) }).host).toBe('0.0.0.0')
    expect(parseConfig({ HOST: '10.0.0.5' }).host).toBe('10.0.0.5')
  })

  it('TRUST_PROXY is 0/1 (validated, not read ad hoc)', () => {
    expect(parseConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(true)
    expect(parseConfig({}).TRUST_PROXY).toBe(false)
    expect(() => parseConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/)
  })

  it('reads the job worker and reminder switches: on by default, 0/false turns them off, anything else is an error', () => {
    expect(parseConfig({})).toMatchObject({ OUTBOX_WORKER: true, GREENROOM_REMINDERS: true, JOBS_CONCURRENCY: 2, JOBS_POLL_MS: 1000 })
    expect(parseConfig({ OUTBOX_WORKER: '0', GREENROOM_REMINDERS: 'false' })).toMatchObject({ OUTBOX_WORKER: false, GREENROOM_REMINDERS: false })
    expect(parseConfig({ OUTBOX_WORKER: '1', GREENROOM_REMINDERS: 'true' })).toMatchObject({ OUTBOX_WORKER: true, GREENROOM_REMINDERS: true })
    expect(() => parseConfig({ OUTBOX_WORKER: 'off' })).toThrow(/OUTBOX_WORKER/)
    expect(() => parseConfig({ JOBS_CONCURRENCY: '0' })).toThrow(/JOBS_CONCURRENCY/)
  })

  it('platform apps: id and secret come together, and need a 32-byte token key', () => {
    const key = 'a1'.repeat(32)
    expect(parseConfig({}).INSTAGRAM_CLIENT_ID).toBeUndefined()
    expect(() => parseConfig({ INSTAGRAM_CLIENT_ID: '123' })).toThrow(/INSTAGRAM_CLIENT_SECRET: is required with INSTAGRAM_CLIENT_ID/)
    expect(() => parseConfig({ TIKTOK_CLIENT_SECRET: 's' })).toThrow(/TIKTOK_CLIENT_KEY/)
    expect(() => parseConfig({ GOOGLE_CLIENT_ID: 'g', GOOGLE_CLIENT_SECRET: 's' })).toThrow(/CONNECTIONS_KEY: is required/)
    expect(() => parseConfig({ CONNECTIONS_KEY: 'short' })).toThrow(/CONNECTIONS_KEY: must be 32 bytes/)
    const c = parseConfig({ INSTAGRAM_CLIENT_ID: '123', INSTAGRAM_CLIENT_SECRET: 's', CONNECTIONS_KEY: key, INSTAGRAM_GRAPH_URL: 'http://127.0.0.1:9999' })
    expect(c.INSTAGRAM_GRAPH_URL).toBe('http://127.0.0.1:9999')
    expect(c.INSTAGRAM_AUTH_URL).toBe('https://api.instagram.com')
    expect(parseConfig({ CONNECTIONS_KEY: Buffer.alloc(32, 7).toString('base64') }).CONNECTIONS_KEY).toBeTruthy()
  })
})
