import { describe, expect, it } from 'vitest'
import { refuseNulRequest, requestHasNul } from '#app/utils/request-guard.ts'

describe('NUL bytes in the request line', () => {
  it('finds a NUL raw or percent-encoded in the path or query, and in route params', () => {
    expect(requestHasNul('/b/acme/roster?q=a%00b')).toBe(true)
    expect(requestHasNul('/b/acme%00/roster')).toBe(true)
    expect(requestHasNul('/b/acme/roster?q=%2500')).toBe(false) // "%00" typed as text, not a NUL
    expect(requestHasNul('/b/acme/roster?q=a\u0000b')).toBe(true)
    expect(requestHasNul('/b/acme/roster', { brand: 'acme\u0000' })).toBe(true)
    expect(requestHasNul('/b/acme/roster?q=100%25', { brand: 'acme' })).toBe(false)
  })
  it('throws a 400 Response with a sentence', async () => {
    let thrown: unknown
    try {
      refuseNulRequest(new Request('http://x.test/login?redirectTo=%00'))
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(Response)
    expect((thrown as Response).status).toBe(400)
    expect(await (thrown as Response).text()).toMatch(/NUL/)
  })
})
