import { describe, expect, it } from 'vitest'
import { classifyGoogleError } from '#app/services/connectors/youtube-client.server.ts'

const api = (code: number, reason: string, domain = 'global') => ({ error: { code, message: `m ${reason}`, errors: [{ message: 'm', domain, reason }] } })

describe('Google / YouTube error answers -> what the job does', () => {
  it('maps the Data API error reasons and the token endpoint errors', () => {
    expect(classifyGoogleError(403, api(403, 'quotaExceeded', 'youtube.quota')).kind).toBe('rate_limited')
    expect(classifyGoogleError(403, api(403, 'userRateLimitExceeded', 'usageLimits')).kind).toBe('rate_limited')
    expect(classifyGoogleError(403, api(403, 'forbidden')).kind).toBe('permission')
    expect(classifyGoogleError(401, api(401, 'authError')).kind).toBe('token_expired')
    expect(classifyGoogleError(404, api(404, 'videoNotFound', 'youtube.video')).kind).toBe('not_found')
    expect(classifyGoogleError(503, api(503, 'backendError')).kind).toBe('unavailable')
    expect(classifyGoogleError(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' })).toMatchObject({ kind: 'token_expired', message: 'Token has been expired or revoked.' })
    expect(classifyGoogleError(401, { error: 'invalid_client', error_description: 'The OAuth client was not found.' }).kind).toBe('other')
  })
})
