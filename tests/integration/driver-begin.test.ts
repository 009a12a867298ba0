/**
 * postgres.js 3.4.9 reserved a transaction's connection in a hook that ran only when the connection could take
 * more queries: a BEGIN written when its pipeline filled up (or its socket pushed back, as under the bench's load)
 * reserved nothing. The caller got UNSAFE_TRANSACTION (a 500 on the brand home, whose at-risk list runs in a
 * transaction), and the server kept the transaction open on a pooled connection, where other requests' statements
 * then ran, never committed. The patch in .ci/patches runs the hook whenever the BEGIN was written
 * (porsager/postgres#823, #1189, #1210). `max_pipeline: 0` makes every BEGIN hit that path, so the defect shows on
 * every call instead of once in a few thousand. PostgreSQL only (PGlite has no pool).
 */
import postgres from 'postgres'
import { describe, expect, it } from 'vitest'
import { uid } from '#tests/factories.ts'

const url = process.env.DATABASE_URL
// a documented postgres.js option its type declarations leave out
const noPipeline = { max_pipeline: 0 }

describe.skipIf(!url)('a transaction on the postgres.js pool', () => {
  it('gets its own connection even when BEGIN fills the pipeline, and leaves nothing open behind it', async () => {
    const app = `gr-begin-${uid()}`
    const sql = postgres(url!, { ...noPipeline, max: 4, onnotice: () => {}, connection: { application_name: app } })
    const watch = postgres(url!, { max: 1, onnotice: () => {} })
    try {
      const results = await Promise.all([1, 2, 3].map((i) => sql.begin(async (tx) => (await tx`select ${i}::int as i, txid_current() as t, pg_backend_pid() as pid`)[0]!)))
      expect(results.map((r) => r.i)).toEqual([1, 2, 3])
      // three transactions, three different transaction ids
      expect(new Set(results.map((r) => String(r.t))).size).toBe(3)
      // plain statements afterwards run in transactions of their own, not in one somebody left open
      const plain = await Promise.all([1, 2, 3, 4].map(() => sql`select txid_current() as t`))
      expect(new Set(plain.map(([r]) => String(r!.t))).size).toBe(4)
      const [open] = await watch`select count(*)::int as n from pg_stat_activity where application_name = ${app} and state like 'idle in transaction%'`
      expect(open!.n).toBe(0)
      // and a rolled-back transaction leaves nothing behind either
      await expect(
        sql.begin(async (tx) => {
          await tx`select 1`
          throw new Error('no')
        }),
      ).rejects.toThrow('no')
      const [after] = await watch`select count(*)::int as n from pg_stat_activity where application_name = ${app} and state like 'idle in transaction%'`
      expect(after!.n).toBe(0)
    } finally {
      await sql.end({ timeout: 2 })
      await watch.end({ timeout: 2 })
    }
  })
})
