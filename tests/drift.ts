/**
 * What the summary drift tests share (tests/integration/*-drift.test.ts: campaign money, program days, at-risk
 * counts, review queue and roster counts): each applies random sequences of row changes to a fresh world and
 * checks that the rows the database triggers keep equal a recomputation from scratch.
 */
import fc from 'fast-check'
import { db } from '#app/db.server.ts'

/** A handle or a transaction: ops run on either (a rolled-back op runs its inner ops in a transaction). */
export type Q = Parameters<Parameters<ReturnType<typeof db>['transaction']>[0]>[0] | ReturnType<typeof db>

/** The `i`-th of `xs`, wrapping around (random indexes over lists that grow and shrink); undefined when empty. */
export const pick = <T,>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined)

class RollBack extends Error {}

/**
 * `fn` in a transaction on `q` that is then rolled back, and the world's own bookkeeping (the ids it lists) put
 * back as it was, since the rows `fn` created are gone.
 */
export async function rolledBack<W extends object>(q: Q, w: W, fn: (tx: Q) => Promise<void>): Promise<void> {
  const saved = structuredClone(w)
  await q
    .transaction(async (tx) => {
      await fn(tx)
      throw new RollBack()
    })
    .catch((e) => {
      if (!(e instanceof RollBack)) throw e
    })
  Object.assign(w, saved)
}

/** The property every drift test states: after any sequence of 1–40 ops on a fresh world, nothing drifted. */
export function noDriftAfterAnySequence<W, Op>(o: {
  anyOp: fc.Arbitrary<Op>
  world: () => Promise<W>
  apply: (q: Q, w: W, op: Op) => Promise<void>
  expectNoDrift: (w: W) => Promise<void>
  numRuns: number
}): Promise<void> {
  return fc.assert(
    fc.asyncProperty(fc.array(o.anyOp, { minLength: 1, maxLength: 40 }), async (ops) => {
      const w = await o.world()
      for (const op of ops) await o.apply(db(), w, op)
      await o.expectNoDrift(w)
    }),
    { numRuns: o.numRuns },
  )
}
