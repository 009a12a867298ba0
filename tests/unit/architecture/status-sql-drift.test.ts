import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { COMMITTED_OFFER_STATUSES, invoiceMachine, OFFER_RECORD_STATUSES, INVOICE_STATUSES, DELIVERABLE_STATUSES } from '#app/domain/state-machines.ts'

/**
 * The roster sort-key triggers (db/migrations/0004_roster.sql, redefined by later migrations) hold a
 * SQL copy of the offer and invoice statuses. The migration that defines roster_stats_refresh last is
 * what the database runs; this test reads it and fails when its lists drift from app/domain.
 */
const dir = join(import.meta.dirname, '../../../db/migrations')
const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()
const sql = (f: string) => readFileSync(join(dir, f), 'utf8')

function lastDefinition(fn: string): { file: string; body: string } {
  const re = new RegExp(`CREATE (?:OR REPLACE )?FUNCTION ${fn}\\b[\\s\\S]*?\\$\\$([\\s\\S]*?)\\$\\$`, 'gi')
  let found: { file: string; body: string } | undefined
  for (const f of files) for (const m of sql(f).matchAll(re)) found = { file: f, body: m[1]! }
  if (!found) throw new Error(`no migration defines ${fn}`)
  return found
}
const quoted = (list: string) => [...list.matchAll(/'([^']*)'/g)].map((m) => m[1]!)

describe('status lists in the migration SQL match app/domain', () => {
  const refresh = lastDefinition('roster_stats_refresh')

  it('finds the live definition of roster_stats_refresh in a later migration than 0004', () => {
    expect(refresh.file >= '0004').toBe(true)
    expect(refresh.body).toMatch(/o\.status IN/)
  })

  it('every "o.status IN (...)" lists exactly the committed offer statuses', () => {
    const lists = [...refresh.body.matchAll(/o\.status IN \(([^)]*)\)/g)].map((m) => quoted(m[1]!))
    expect(lists.length).toBeGreaterThan(0)
    for (const l of lists) expect([...l].sort()).toEqual([...COMMITTED_OFFER_STATUSES].sort())
  })

  it('the paid total counts the state the invoice machine reaches by "pay"', () => {
    const paid = [...refresh.body.matchAll(/i\.status = '([^']*)'/g)].map((m) => m[1])
    expect(paid.length).toBeGreaterThan(0)
    for (const p of paid) expect(p).toBe(invoiceMachine.next('approved', 'pay'))
  })

  it('no migration compares an offer, invoice or deliverable status with a value the domain does not know', () => {
    const known: Record<string, readonly string[]> = { o: OFFER_RECORD_STATUSES, i: INVOICE_STATUSES, d: DELIVERABLE_STATUSES }
    const unknown: string[] = []
    for (const f of files) {
      for (const m of sql(f).matchAll(/\b([oid])\.status\s*(?:IN\s*\(([^)]*)\)|=\s*('[^']*'))/gi)) {
        for (const v of quoted(m[2] ?? m[3] ?? '')) if (!known[m[1]!]!.includes(v)) unknown.push(`${f}: ${m[1]}.status ${v}`)
      }
    }
    expect(unknown).toEqual([])
  })
})
