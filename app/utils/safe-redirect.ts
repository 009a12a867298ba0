/**
 * The one gate for every redirect target that comes from a request (`redirectTo` on the sign-in page and
 * anything like it): only a path on our own origin is accepted, after normalisation; anything else becomes
 * the fallback. Browsers strip tabs and newlines from URLs and read `\` as `/`, so `/\t/evil.example` or
 * `/\evil.example` lead off-site although they start with one slash; encoded forms (%2F%2F, %5C, %09,
 * double-encoded %252F) are refused too, at every decoding depth, so no later decode can turn them into
 * one. Pure: no I/O. Unit-tested with the nasty list in tests/unit/safe-redirect.test.ts.
 */

const BASE = 'http://greenroom.invalid'
const MAX_LENGTH = 2000
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

function tryDecode(s: string): string | null {
  try {
    return decodeURIComponent(s)
  } catch {
    return null
  }
}

/** A path part that could lead off-site once a browser (or a later decode) normalises it. */
function unsafeForm(s: string): boolean {
  if (CONTROL.test(s)) return true
  const path = s.split(/[?#]/, 1)[0]!
  if (path.includes('\\')) return true
  return !s.startsWith('/') || s.startsWith('//')
}

/** `to` when it is a same-origin path (normalised: dot segments resolved), else `fallback`. */
export function safeRedirect(to: unknown, fallback = '/'): string {
  if (typeof to !== 'string' || to.length === 0 || to.length > MAX_LENGTH) return fallback
  let form = to
  for (let depth = 0; depth < 5; depth++) {
    if (unsafeForm(form)) return fallback
    const next = tryDecode(form)
    if (next === null) return fallback
    if (next === form) break
    form = next
  }
  if (form !== to && tryDecode(form) !== form) return fallback // still encoded after 5 levels: not ours
  let url: URL
  try {
    url = new URL(to, BASE)
  } catch {
    return fallback
  }
  if (url.origin !== BASE) return fallback
  const out = url.pathname + url.search + url.hash
  return unsafeForm(out) ? fallback : out
}
