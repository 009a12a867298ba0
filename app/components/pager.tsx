import { Link } from '@remix-run/react'

/** The link to one page of a keyset list: the list's filters as they are, plus the cursor (in `param`). */
export function pagerLink(path: string, filters: Record<string, string | undefined | null>, cursor: string, param = 'cursor'): string {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(filters)) if (v) p.set(k, v)
  p.set(param, cursor)
  return `${path}?${p.toString()}`
}

/** Previous / Next links of a keyset-paged list (as on the roster); nothing when there is one page. */
export function Pager({ prev, next }: { prev: string | null; next: string | null }) {
  if (!prev && !next) return null
  return (
    <nav className="pager" aria-label="Pages">
      {prev ? (
        <Link to={prev} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link to={next} rel="next">
          Next →
        </Link>
      ) : null}
    </nav>
  )
}
