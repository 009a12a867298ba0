import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, schema, type DbHandle } from '#db/index.ts'
import { PREPARE_MAX_PARAMS, shouldPrepare } from '#db/prepared.ts'

describe('which statements are prepared', () => {
  it('only those with 1 to 64 parameters and a text of at most 8,000 characters', () => {
    expect(shouldPrepare('select 1', [])).toBe(false)
    expect(shouldPrepare('select $1', ['a'])).toBe(true)
    expect(shouldPrepare('x'.repeat(8_001), ['a'])).toBe(false)
    expect(shouldPrepare('insert …', Array.from({ length: PREPARE_MAX_PARAMS }, () => 1))).toBe(true)
    expect(shouldPrepare('insert …', Array.from({ length: PREPARE_MAX_PARAMS + 1 }, () => 1))).toBe(false)
  })
})

// On PostgreSQL, through the same handle the app opens (one connection, so pg_prepared_statements is its own).
describe.runIf(Boolean(process.env.DATABASE_URL))('prepared statements on PostgreSQL', () => {
  let handle: DbHandle
  beforeAll(async () => {
    handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 1 })
  })
  afterAll(async () => {
    await handle.close()
  })
  const prepared = async () =>
    (await handle.db.execute(sql`select statement from pg_prepared_statements`)) as unknown as { statement: string }[]

  it('a parameterized read is prepared once and reused; a statement without parameters and a bulk insert are not', async () => {
    const marker = `prep-${Date.now()}`
    for (let i = 0; i < 3; i++) await handle.db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, `${marker}@example.test`))
    await handle.db.execute(sql.raw(`select '${marker}-plain' as x`))
    const rows = Array.from({ length: 20 }, (_, i) => ({ email: `${marker}-${i}@example.test`, name: 'Bulk', passwordHash: 'x' }))
    await handle.db.insert(schema.users).values(rows) // 20 rows x 3+ columns: more than 64 parameters
    const statements = (await prepared()).map((r) => r.statement)
    expect(statements.filter((s) => s.includes('from "users" where "users"."email" = $1'))).toHaveLength(1)
    expect(statements.some((s) => s.includes(`${marker}-plain`))).toBe(false)
    expect(statements.some((s) => s.startsWith('insert into "users"'))).toBe(false)
    await handle.db.execute(sql`delete from ${schema.users} where ${schema.users.email} like ${`${marker}-%`}`)
  })

  it('a transaction’s statements are prepared too, and a rollback leaves nothing behind', async () => {
    const marker = `tx-${Date.now()}`
    await expect(
      handle.db.transaction(async (tx) => {
        await tx.insert(schema.users).values({ email: `${marker}@example.test`, name: 'Tx', passwordHash: 'x' })
        await tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.name, marker))
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    const statements = (await prepared()).map((r) => r.statement)
    expect(statements.some((s) => s.includes('from "users" where "users"."name" = $1'))).toBe(true)
    const left = await handle.db.select().from(schema.users).where(eq(schema.users.email, `${marker}@example.test`))
    expect(left).toEqual([])
  })
})
