import { mkdtempSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { openDatabase, type DbHandle } from '../../db/index.ts'
import { setDbHandle } from '../../app/db.server.ts'
import { templatePath } from './template-path.ts'
import { createFileDatabase, dropDatabase } from './pg-databases.ts'

process.env.NODE_ENV = 'test'
process.env.MAIL_DIR = mkdtempSync(path.join(os.tmpdir(), 'greenroom-mail-'))
process.env.UPLOAD_DIR = mkdtempSync(path.join(os.tmpdir(), 'greenroom-uploads-'))
process.env.APP_URL = 'http://greenroom.test'

// PostgreSQL: this file's own copy of the migrated database. DATABASE_URL names it from here on, so tests
// that open their own connections (locks, concurrent transactions) reach the same database.
// The migrated template keeps its own name, in case a worker process runs a second file.
if (process.env.DATABASE_URL) process.env.GREENROOM_TEST_TEMPLATE_URL ??= process.env.DATABASE_URL
const templateUrl = process.env.GREENROOM_TEST_TEMPLATE_URL
const fileDatabaseUrl = templateUrl ? await createFileDatabase(templateUrl) : undefined
if (fileDatabaseUrl) process.env.DATABASE_URL = fileDatabaseUrl

let handle: DbHandle
beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 5 })
  } else {
    const template = await readFile(templatePath())
    handle = await openDatabase({ pgliteDir: 'memory://', pgliteLoadDataDir: new Blob([template]) })
  }
  setDbHandle(handle)
})

afterAll(async () => {
  setDbHandle(undefined)
  await handle?.close()
  if (fileDatabaseUrl) await dropDatabase(fileDatabaseUrl)
})
