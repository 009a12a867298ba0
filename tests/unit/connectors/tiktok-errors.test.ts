import { describe, expect, it } from 'vitest'
import { classifyTikTokError } from '#app/services/connectors/tiktok-client.server.ts'

const api = (code: string, message = 'm') => ({ error: { code, message, log_id: '1' } })

describe('TikTok error answers -> what the job does', () => {
  it('maps the API v2 error codes and the OAuth error categories', () => {
    expect(classifyTikTokError(429, api('rate_limit_exceeded')).kind).toBe('rate_limited')
    expect(classifyTikTokError(401, api('access_token_invalid')).kind).toBe('token_expired')
    expect(classifyTikTokError(401, api('scope_not_authorized')).kind).toBe('permission')
    expect(classifyTikTokError(500, api('internal_error')).kind).toBe('unavailable')
    expect(classifyTikTokError(400, api('invalid_params')).kind).toBe('other')
    expect(classifyTikTokError(400, { error: 'invalid_grant', error_description: 'Refresh token is invalid or expired.' })).toMatchObject({ kind: 'token_expired', message: 'Refresh token is invalid or expired.' })
    // An OAuth refusal answered with HTTP 200 is still a refusal.
    expect(classifyTikTokError(200, { error: 'invalid_grant', error_description: '' }).kind).toBe('token_expired')
    expect(classifyTikTokError(400, { error: 'invalid_client', error_description: 'bad key' }).kind).toBe('other')
    // A success body ("ok") that failed our schema is not an error the job acts on.
    expect(classifyTikTokError(200, api('ok')).kind).toBe('other')
    expect(classifyTikTokError(503, 'gateway').kind).toBe('unavailable')
  })
})
