/**
 * A loose matching key for a post address typed into a CSV: scheme, "www."/"m.", query string,
 * fragment and trailing slash do not matter; the host is case-insensitive, the path is not
 * (Instagram shortcodes are case-sensitive). Validation and canonical form are parsePostUrl's job.
 */
export function postUrlKey(raw: string): string {
  const s = raw.trim()
  const m = /^(?:https?:\/\/)?([^/?#]+)([^?#]*)/i.exec(s)
  if (!m) return s
  const host = m[1]!.toLowerCase().replace(/^(www\.|m\.)/, '')
  const path = m[2]!.replace(/\/+$/, '')
  return `${host}${path}`
}
