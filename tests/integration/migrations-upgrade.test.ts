/**
 * Upgrading a database that stopped at 0022 (issue found while adding migrations): the old journal dated
 * 0023_connectors before 0022, so drizzle's migrator skipped it and the connector tables never came.
 * This replays that upgrade on its own PGlite with the old journal, then with today's, and checks the
 * tables are there and a database that has them is left as it was. PGlite only: it needs a database of
 * its own, whatever DATABASE_URL says.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import { describe, expect, it } from 'vitest'

const SOURCE = path.resolve(import.meta.dirname, '../../db/migrations')
type Journal = { entries: { tag: string; when: number }[] }
const current = JSON.parse(readFileSync(path.join(SOURCE, 'meta/_journal.json'), 'utf8')) as Journal

/** A copy of the migrations folder whose journal holds the entries up to `lastTag`, with `when` overrides. */
function folder(lastTag: string, when: Record<string, number> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'))
  cpSync(SOURCE, dir, { recursive: true })
  const upTo = current.entries.findIndex((e) => e.tag === lastTag)
  const entries = current.entries.slice(0, upTo + 1).map((e) => ({ ...e, when: when[e.tag] ?? e.when }))
  writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...current, entries }))
  return dir
}
const tableExists = async (pg: PGlite, name: string) => (await pg.query<{ t: string | null }>(`select to_regclass('public.${name}')::text as t`)).rows[0]!.t !== null

describe('upgrading an existing database', () => {
  it('a database upgraded from 0022 past the misdated 0023 gets the connector tables from the repair; one that has them is untouched', { timeout: 180_000 }, async () => {
    const pg = new PGlite()
    const db = drizzle(pg)
    await migrate(db, { migrationsFolder: folder('0022_campaign_money') })
    expect(await tableExists(pg, 'platform_connections')).toBe(false)
    // the journal as it was: 0023 dated 1796301600000, before 0022's 1796301800000 -> skipped
    await migrate(db, { migrationsFolder: folder('0024_ads_permission_account', { '0023_connectors': 1796301600000 }) })
    expect(await tableExists(pg, 'platform_connections')).toBe(false)
    expect(await tableExists(pg, 'ads_permissions')).toBe(true)
    // today's journal: the repair creates 0023's tables
    await migrate(db, { migrationsFolder: SOURCE })
    for (const t of ['platform_connections', 'oauth_states', 'platform_post_reads']) expect(await tableExists(pg, t)).toBe(true)
    await pg.close()

    // a fresh database gets 0023 itself; the repair then does nothing (no error, one table, no duplicate constraint)
    const fresh = new PGlite()
    await migrate(drizzle(fresh), { migrationsFolder: SOURCE })
    const fks = await fresh.query<{ n: number }>(`select count(*)::int as n from pg_constraint where conname = 'platform_connections_creator_id_creators_id_fk'`)
    expect(fks.rows[0]!.n).toBe(1)
    await fresh.close()
  })
})
