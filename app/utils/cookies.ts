/**
 * Reading the Cookie header defensively (issue #14). The header carries every cookie the browser has for
 * this host, set by us or by anything else on the domain, so it is untrusted text: a stray `%`, bad UTF-8,
 * a huge value, the same name twice. lucia's parser calls decodeURIComponent on every cookie and throws on
 * the first bad one, which took every page down; this reader never throws and ignores what is not ours.
 * Pure: no I/O.
 */

/** Only the first 16 KB are read (Node refuses larger header blocks anyway; a loader called directly may get more). */
const MAX_HEADER = 16 * 1024

function decode(raw: string): string | null {
  if (!raw.includes('%')) return raw
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}

/**
 * Every value of the cookie `name`, in header order (the most specific path first, per RFC 6265 §5.4),
 * percent-decoded; values that do not decode, or that carry control characters, are left out.
 */
export function readCookieValues(header: string | null | undefined, name: string): string[] {
  if (!header) return []
  const out: string[] = []
  for (const part of header.slice(0, MAX_HEADER).split(';')) {
    const eq = part.indexOf('=')
    if (eq === -1) continue
    if (part.slice(0, eq).trim() !== name) continue
    let raw = part.slice(eq + 1).trim()
    if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) raw = raw.slice(1, -1)
    const value = decode(raw)
    // eslint-disable-next-line no-control-regex
    if (value === null || /[\u0000-\u001f\u007f]/.test(value)) continue
    out.push(value)
  }
  return out
}

/** The first value of `name` that passes `accept` (e.g. the token format), or null. */
export function readCookie(header: string | null | undefined, name: string, accept: (value: string) => boolean = () => true): string | null {
  return readCookieValues(header, name).find(accept) ?? null
}
