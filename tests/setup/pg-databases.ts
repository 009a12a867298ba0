/**
 * PostgreSQL test databases: the CI database (DATABASE_URL) is migrated once by the global setup and then
 * used only as a template; each test file gets `create database <ci>_f<random> template <ci>` (a file copy,
 * no migrations) and drops it when it ends. Files therefore never see each other's rows or jobs, and can
 * run side by side, as on PGlite.
 */
import { randomBytes } from 'node:crypto'
import postgres from 'postgres'

const admin = (url: string) => {
  const u = new URL(url)
  u.pathname = '/postgres'
  return postgres(u.toString(), { max: 1, onnotice: () => {} })
}

export const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1))
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`

/** A fresh copy of the migrated template database; returns its URL. */
export async function createFileDatabase(templateUrl: string): Promise<string> {
  const template = databaseName(templateUrl)
  const name = `${template.slice(0, 50)}_f${randomBytes(5).toString('hex')}`
  const sql = admin(templateUrl)
  try {
    await sql.unsafe(`create database ${ident(name)} template ${ident(template)}`)
  } finally {
    await sql.end()
  }
  const u = new URL(templateUrl)
  u.pathname = `/${name}`
  return u.toString()
}

export async function dropDatabase(url: string): Promise<void> {
  const sql = admin(url)
  try {
    await sql.unsafe(`drop database if exists ${ident(databaseName(url))} with (force)`)
  } finally {
    await sql.end()
  }
}

/** Every per-file copy of this template still there (a crashed worker's): dropped by the global teardown. */
export async function dropFileDatabases(templateUrl: string): Promise<void> {
  const sql = admin(templateUrl)
  try {
    const prefix = `${databaseName(templateUrl).slice(0, 50)}_f`
    const rows = await sql<{ datname: string }[]>`select datname from pg_database where left(datname, ${prefix.length}) = ${prefix}`
    for (const r of rows) await sql.unsafe(`drop database if exists ${ident(r.datname)} with (force)`)
  } finally {
    await sql.end()
  }
}
