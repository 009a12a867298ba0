import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz' // Crockford base32, lower case

/** 20 chars of base32 = 100 bits of randomness; URL-safe and easy to read aloud. */
export function newId(length = 20): string {
  const bytes = randomBytes(length)
  let out = ''
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i]! & 31]
  return out
}

/** A secret token for links and cookies (never stored: store its sha-256). */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}
