import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The README "Architecture" section tells a newcomer where each rule lives; a renamed or deleted file
 * must not leave it pointing nowhere. Every `backticked` path in that section (anything with a slash,
 * or a file name with an extension) must exist. Placeholders in angle brackets (`<area>`) and
 * trailing ellipses are cut back to the folder before them.
 */
const root = join(import.meta.dirname, '../../..')

export function architectureSection(readme: string): string {
  const start = readme.indexOf('## Architecture')
  if (start < 0) return ''
  const rest = readme.slice(start + 3)
  const end = rest.search(/\n## /)
  return end < 0 ? rest : rest.slice(0, end)
}

export function namedPaths(section: string): string[] {
  const out = new Set<string>()
  for (const m of section.matchAll(/`([^`\n]+)`/g)) {
    const raw = m[1]!.trim()
    if (!/^[\w.$+\-\[\]<>/…]+$/.test(raw)) continue // code such as `machine.next(from, event)`
    if (!raw.includes('/') && !/\.(ts|tsx|md|sql|mjs|json)$/.test(raw)) continue
    // Cut at the first placeholder segment (`<area>`, `…`) and keep the folder before it.
    const segs = raw.split('/')
    const cut = segs.findIndex((s) => s.includes('<') || s.includes('…'))
    const path = (cut < 0 ? segs : segs.slice(0, cut)).join('/').replace(/\/$/, '')
    if (path) out.add(path)
  }
  return [...out]
}

describe('README architecture section', () => {
  const section = architectureSection(readFileSync(join(root, 'README.md'), 'utf8'))

  it('exists and names the places a newcomer looks for', () => {
    expect(section).not.toBe('')
    for (const word of ['approve', 'match', 'EMV', 'due date', 'status', 'job']) expect(section).toContain(word)
  })

  it('names only paths that exist', () => {
    const paths = namedPaths(section)
    expect(paths.length).toBeGreaterThan(20)
    const missing = paths.filter((p) => !existsSync(join(root, p)))
    expect(missing).toEqual([])
  })

  it('the path reader keeps folders before placeholders and skips code', () => {
    expect(namedPaths('`app/routes/<area>+/x.tsx` `machine.next(from, event)` `db/schema.ts` `tests/x/…`')).toEqual(['app/routes', 'db/schema.ts', 'tests/x'])
  })
})
