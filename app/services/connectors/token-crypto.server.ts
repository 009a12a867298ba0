/**
 * The platforms' tokens at rest: AES-256-GCM with CONNECTIONS_KEY, a random 12-byte IV per value and
 * the 16-byte tag, stored as `v1.<iv>.<tag>.<ciphertext>` (base64url). A wrong key or a changed byte
 * fails to decrypt (the tag), never returns garbage.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { config, decodeKey32 } from '#app/config.server.ts'

function key(): Buffer {
  const raw = config().CONNECTIONS_KEY
  const k = raw ? decodeKey32(raw) : null
  if (!k) throw new Error('CONNECTIONS_KEY is not configured: platform connections are off.')
  return k
}

export function encryptToken(plain: string, k: Buffer = key()): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', k, iv)
  const enc = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), enc.toString('base64url')].join('.')
}

export function decryptToken(stored: string, k: Buffer = key()): string {
  const [v, iv, tag, enc] = stored.split('.')
  if (v !== 'v1' || !iv || !tag || enc === undefined) throw new Error('Not an encrypted token')
  const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(enc, 'base64url')), decipher.final()]).toString('utf8')
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url')
/** RFC 7636 S256: base64url(sha256(verifier)). */
export const pkceChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url')
