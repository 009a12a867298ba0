/**
 * onGenericPlan (app/db.server.ts): on PostgreSQL the statements inside run with plan_cache_mode set to
 * force_generic_plan, on connections of their own carved out of the pool (db/index.ts), so the pool's other
 * connections keep the default and the process opens no more than DB_POOL_SIZE connections. A pool too
 * small to spare them (under 5) runs the work in a transaction with `set local`, and the setting ends with
 * it, also when the work fails. PGlite runs the work as it is.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db, dbHandle, onGenericPlan, setDbHandle } from '#app/db.server.ts'
import { genericPlanConnections, openDatabase, type Db, type DbHandle } from '#db/index.ts'
import { rowsOf as rowsOfResult } from '#app/services/brands/get-at-risk.server.ts'

const rowsOf = (r: unknown) => rowsOfResult<Record<string, unknown>>(r)
const mode = async (d: Db = db()) => rowsOf(await d.execute(sql`select current_setting('plan_cache_mode') as m`))[0]!.m as string
const postgres = Boolean(process.env.DATABASE_URL)

describe('onGenericPlan', () => {
  it('runs on the generic plan; every other connection of the pool keeps the default', async () => {
    expect(await onGenericPlan((d) => mode(d))).toBe(postgres ? 'force_generic_plan' : 'auto')
    // More reads than connections, in parallel: none of them lands on a generic-plan connection.
    const after = await Promise.all(Array.from({ length: 30 }, () => mode()))
    expect(new Set(after)).toEqual(new Set(['auto']))
  })

  it('a failure inside reaches the caller and leaves the pool as it was', async () => {
    await expect(
      onGenericPlan(async (d) => {
        await mode(d)
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await mode()).toBe('auto')
    expect(await onGenericPlan((d) => mode(d))).toBe(postgres ? 'force_generic_plan' : 'auto')
  })
})

describe.runIf(postgres)('onGenericPlan on PostgreSQL: the pool and its generic-plan connections', () => {
  const url = process.env.DATABASE_URL!
  const opened: DbHandle[] = []
  let original: DbHandle
  beforeAll(() => {
    original = dbHandle()
  })
  afterAll(async () => {
    setDbHandle(original)
    await Promise.all(opened.map((h) => h.close()))
  })
  const open = async (poolSize: number, name: string) => {
    const h = await openDatabase({ databaseUrl: `${url}${url.includes('?') ? '&' : '?'}application_name=${name}`, poolSize })
    opened.push(h)
    return h
  }

  it('a fifth of the pool, carved out of it: a pool of 10 opens 10 connections, 2 of them on the generic plan', async () => {
    expect([4, 5, 10, 20].map(genericPlanConnections)).toEqual([0, 1, 2, 4])
    const name = `gp${Date.now()}`
    const h = await open(10, name)
    setDbHandle(h)
    const busy = async (d: Db) => rowsOf(await d.execute(sql`select pg_backend_pid() as pid, current_setting('plan_cache_mode') as m from pg_sleep(0.05)`))[0]!
    // 40 statements at once on each side: each side fills every connection it has.
    const [main, generic] = await Promise.all([Promise.all(Array.from({ length: 40 }, () => busy(h.db))), Promise.all(Array.from({ length: 40 }, () => onGenericPlan((d) => busy(d))))])
    const pids = (rows: Record<string, unknown>[]) => new Set(rows.map((r) => r.pid))
    expect([pids(main).size, pids(generic).size]).toEqual([8, 2])
    expect([...pids(generic)].some((p) => pids(main).has(p))).toBe(false)
    expect([new Set(main.map((r) => r.m)), new Set(generic.map((r) => r.m))]).toEqual([new Set(['auto']), new Set(['force_generic_plan'])])
    const backends = rowsOf(await h.db.execute(sql`select count(*)::int as n from pg_stat_activity where application_name = ${name}`))[0]!.n
    expect(backends).toBe(10)
    setDbHandle(original)
  })

  it('a pool of 4 spares none: the work runs in a transaction with set local, and the setting ends with it', async () => {
    const h = await open(4, `gp4${Date.now()}`)
    expect(h.genericPlanDb).toBeUndefined()
    setDbHandle(h)
    expect(await onGenericPlan((d) => mode(d))).toBe('force_generic_plan')
    expect(new Set(await Promise.all(Array.from({ length: 12 }, () => mode(h.db))))).toEqual(new Set(['auto']))
    await expect(
      onGenericPlan(async (d) => {
        await mode(d)
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(new Set(await Promise.all(Array.from({ length: 12 }, () => mode(h.db))))).toEqual(new Set(['auto']))
    setDbHandle(original)
  })
})
