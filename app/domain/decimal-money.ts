/**
 * Parse a decimal amount as written in an export ("59.00", "1,234.5", "$12") into integer minor units
 * without floating point. Returns null for anything that is not a plain non-negative amount.
 */
export function parseDecimalToMinor(raw: string, decimals = 2): number | null {
  const s = raw.trim().replace(/^[$£€]/, '').replace(/,(?=\d{3}(\D|$))/g, '')
  const m = /^(\d{1,13})(?:\.(\d+))?$/.exec(s)
  if (!m) return null
  const frac = m[2] ?? ''
  if (frac.length > decimals) return null
  return Number(m[1]) * 10 ** decimals + Number((frac + '0'.repeat(decimals)).slice(0, decimals) || '0')
}
