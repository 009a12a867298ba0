/**
 * The CSP nonce (app/utils/crypto.server.ts): 16 random bytes per response, base64, from a pooled CSPRNG buffer.
 * Every nonce is new, across many pool refills, and each carries 16 bytes of its own (no slice handed out twice or
 * shifted into the next).
 */
import { describe, expect, it } from 'vitest'
import { cspNonce, NONCE_BYTES } from '#app/utils/crypto.server.ts'

describe('cspNonce', () => {
  it('hands out 16 fresh bytes each time, never the same nonce twice across refills', () => {
    const seen = new Set<string>()
    // 4096-byte pool / 16 = 256 nonces per fill: 20,000 nonces cross ~78 refills
    for (let i = 0; i < 20_000; i++) {
      const n = cspNonce()
      expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/)
      expect(Buffer.from(n, 'base64')).toHaveLength(NONCE_BYTES)
      seen.add(n)
    }
    expect(seen.size).toBe(20_000)
  })

  it('spreads its bits: every byte value occurs, and no part of one nonce is part of another', () => {
    const bytes = Array.from({ length: 4_000 }, () => Buffer.from(cspNonce(), 'base64'))
    const values = new Set(bytes.flatMap((b) => [...b]))
    expect(values.size).toBe(256)
    // no 8-byte half appears twice, in either position (a slice reused or overlapping the next one would)
    const halves = new Set(bytes.flatMap((b) => [b.subarray(0, 8).toString('hex'), b.subarray(8).toString('hex')]))
    expect(halves.size).toBe(2 * bytes.length)
  })
})
