/**
 * drizzle's migrator applies a migration only when its journal `when` is later than the last one the
 * database recorded, so a journal entry dated earlier than the one before it is silently skipped on every
 * database that is being upgraded (0023_connectors was: fresh databases got it, upgraded ones did not).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const dir = path.resolve(import.meta.dirname, '../../../db/migrations')
const journal = JSON.parse(readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string; when: number }[] }

describe('migrations journal', () => {
  it('every entry is dated after the one before it, so an upgraded database applies it', () => {
    const late = journal.entries.filter((e, i) => i > 0 && e.when <= journal.entries[i - 1]!.when).map((e) => e.tag)
    expect(late).toEqual([])
  })

  it('every SQL file has exactly one journal entry, and every entry its file', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).map((f) => f.replace(/\.sql$/, '')).sort()
    expect(journal.entries.map((e) => e.tag).sort()).toEqual(files)
    expect(new Set(journal.entries.map((e) => e.idx)).size).toBe(journal.entries.length)
  })
})
