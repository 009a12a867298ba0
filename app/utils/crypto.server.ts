import { createHash, randomFillSync } from 'node:crypto'

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

/** Bytes of randomness a CSP nonce carries (CSP3 asks for at least 128 bits). */
export const NONCE_BYTES = 16
const POOL_BYTES = 4096
let pool = Buffer.alloc(0)
let offset = POOL_BYTES

/**
 * A fresh CSP nonce per response: 16 bytes from the operating system's CSPRNG, base64. The bytes come from a
 * 4 KB pool filled by one `randomFillSync` and handed out once each, as Node's own `randomUUID` does: a
 * `randomBytes(16)` call per request was 1.3% of an empty page's CPU (issue #18). A slice is never handed out
 * twice; the pool is a new buffer at each refill, so a nonce already given is never overwritten either.
 */
export function cspNonce(): string {
  if (offset + NONCE_BYTES > POOL_BYTES) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES))
    offset = 0
  }
  const nonce = pool.toString('base64', offset, offset + NONCE_BYTES)
  offset += NONCE_BYTES
  return nonce
}
