/**
 * onGenericPlan (app/db.server.ts): on PostgreSQL the statements inside run with plan_cache_mode set to
 * force_generic_plan for that transaction only; the pool's connections keep the default afterwards, also
 * when the work fails. PGlite runs the work as it is.
 */
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db, dbHandle, onGenericPlan } from '#app/db.server.ts'

const mode = async (d = db()) => {
  const r = (await d.execute(sql`select current_setting('plan_cache_mode') as m`)) as unknown
  const rows = Array.isArray(r) ? r : (r as { rows: { m: string }[] }).rows
  return (rows[0] as { m: string }).m
}

describe('onGenericPlan', () => {
  it('sets the generic plan for its own transaction only', async () => {
    const postgres = dbHandle().driver === 'postgres'
    expect(await onGenericPlan((d) => mode(d))).toBe(postgres ? 'force_generic_plan' : 'auto')
    // Every connection of the pool is back on the default (more reads than connections, in parallel).
    const after = await Promise.all(Array.from({ length: 30 }, () => mode()))
    expect(new Set(after)).toEqual(new Set(['auto']))
  })

  it('a failure inside rolls back and leaves the setting as it was', async () => {
    await expect(onGenericPlan(async (d) => {
      await mode(d)
      throw new Error('boom')
    })).rejects.toThrow('boom')
    expect(await mode()).toBe('auto')
  })
})
