/**
 * Word-level diff of two captions (LCS over whitespace-separated tokens, whitespace kept with the
 * word before it). Captions are short (≤ 5,000 chars), so the O(n·m) table is fine; above 1,500
 * tokens on each side it falls back to "all removed / all added".
 */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string }

function tokens(s: string): string[] {
  return s.match(/\S+\s*|\s+/g) ?? []
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before)
  const b = tokens(after)
  if (a.length * b.length > 1500 * 1500) return merge([...a.map((t) => ({ kind: 'removed' as const, text: t })), ...b.map((t) => ({ kind: 'added' as const, text: t }))])
  const key = (t: string) => t.trimEnd()
  const n = a.length
  const m = b.length
  const table: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = key(a[i]!) === key(b[j]!) ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  const out: DiffPart[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (key(a[i]!) === key(b[j]!)) {
      out.push({ kind: 'same', text: b[j]! })
      i++
      j++
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) out.push({ kind: 'removed', text: a[i++]! })
    else out.push({ kind: 'added', text: b[j++]! })
  }
  while (i < n) out.push({ kind: 'removed', text: a[i++]! })
  while (j < m) out.push({ kind: 'added', text: b[j++]! })
  return merge(out)
}

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = []
  for (const p of parts) {
    const last = out.at(-1)
    if (last && last.kind === p.kind) last.text += p.text
    else out.push({ ...p })
  }
  return out
}

export const captionsDiffer = (before: string, after: string) => before.trim().replace(/\s+/g, ' ') !== after.trim().replace(/\s+/g, ' ')
