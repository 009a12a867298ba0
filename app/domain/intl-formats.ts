/**
 * Intl formatters kept per key. Building an Intl.NumberFormat or DateTimeFormat costs ~50–100 µs, and
 * formatting with one costs ~2 µs. A page that formats a figure per row, or a date per <time>, builds each
 * shape once. A key whose options Intl refuses (an unknown currency or time zone) throws as before and is not kept.
 */
export function keptFormat<F>(cache: Map<string, F>, key: string, make: () => F): F {
  let f = cache.get(key)
  if (f === undefined) {
    f = make()
    cache.set(key, f)
  }
  return f
}
