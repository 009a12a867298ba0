/**
 * Click ids: the tracked-link redirect appends `gr_click=<id>` to the destination, and a store that
 * reports a conversion sends it back. The id carries the link code and the click time, signed, so the
 * conversion endpoint knows which link and when without storing a row per click, and a made-up id is
 * refused. Format: CODE.<seconds base36>.<signature, 16 base64url chars>. The signer is passed in
 * (HMAC with the server's secret), so this file stays free of Node APIs.
 */
export type Signer = (text: string) => string

export function makeClickId(code: string, at: Date, sign: Signer): string {
  const payload = `${code}.${Math.floor(at.getTime() / 1000).toString(36)}`
  return `${payload}.${sign(`click:${payload}`).slice(0, 16)}`
}

export function readClickId(id: string, sign: Signer): { code: string; clickedAt: Date } | null {
  const m = /^([A-Z0-9]{4,16})\.([0-9a-z]{1,9})\.([A-Za-z0-9_-]{16})$/.exec(id.trim())
  if (!m) return null
  const expected = sign(`click:${m[1]}.${m[2]}`).slice(0, 16)
  let diff = expected.length ^ m[3]!.length
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ (m[3]!.charCodeAt(i) || 0)
  if (diff !== 0) return null
  const seconds = parseInt(m[2]!, 36)
  if (!Number.isSafeInteger(seconds)) return null
  return { code: m[1]!, clickedAt: new Date(seconds * 1000) }
}
