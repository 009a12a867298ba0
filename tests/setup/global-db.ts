/**
 * Once per integration run: PostgreSQL (DATABASE_URL) is migrated here and then serves as the template
 * each test file copies (tests/setup/pg-databases.ts); for PGlite a migrated template is dumped once so
 * each test file starts from it in milliseconds instead of re-running initdb.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { openDatabase } from '../../db/index.ts'
import { templatePath } from './template-path.ts'
import { dropFileDatabases } from './pg-databases.ts'

export const TEMPLATE = templatePath()

export default async function setup() {
  if (process.env.DATABASE_URL) {
    const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL })
    await handle.migrate()
    await handle.close()
    const url = process.env.DATABASE_URL
    await dropFileDatabases(url)
    return () => dropFileDatabases(url)
  }
  const handle = await openDatabase({ pgliteDir: 'memory://' })
  await handle.migrate()
  const pg = (handle as unknown as { pglite: PGlite }).pglite
  const dump = await pg.dumpDataDir('gzip')
  await mkdir(path.dirname(TEMPLATE), { recursive: true })
  await writeFile(TEMPLATE, Buffer.from(await dump.arrayBuffer()))
  await handle.close()
}
