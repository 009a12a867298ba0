import { mkdtempSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { openDatabase, type DbHandle } from '../../db/index.ts'
import { setDbHandle } from '../../app/db.server.ts'
import { templatePath } from './template-path.ts'

process.env.NODE_ENV = 'test'
process.env.MAIL_DIR = mkdtempSync(path.join(os.tmpdir(), 'greenroom-mail-'))
process.env.UPLOAD_DIR = mkdtempSync(path.join(os.tmpdir(), 'greenroom-uploads-'))
process.env.APP_URL = 'http://greenroom.test'

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
})
