/**
 * drizzle hands every statement to postgres.js as `unsafe(text, params, { prepare: false })`, so
 * PostgreSQL parses and plans each one on every call; on the main pages planning took longer than
 * running (tests/bench: 0.4–1.3 ms to plan, 0.03–0.3 ms to execute, ~7 ms of database CPU per creator
 * home). This wraps the postgres.js client drizzle is given so statements with parameters become
 * named prepared statements, which postgres.js keeps per connection keyed by their text: parsed once,
 * planned by PostgreSQL's plan cache (custom plans first, a generic one once it is as good).
 *
 * Left unprepared: statements without parameters (sent with the simple protocol), and very long or
 * many-parameter ones (bulk inserts and imports, whose text varies with the batch size), so the cache
 * holds a bounded set of the app's own query shapes. postgres.js retires each connection after 30–60
 * minutes (max_lifetime), which also frees its statements. Transactions (`begin`) and savepoints get
 * the same wrapping.
 */
import type { Sql } from 'postgres'

export const PREPARE_MAX_PARAMS = 64
export const PREPARE_MAX_TEXT = 8_000

export function shouldPrepare(text: string, params: readonly unknown[] | undefined): boolean {
  const n = params?.length ?? 0
  return n > 0 && n <= PREPARE_MAX_PARAMS && text.length <= PREPARE_MAX_TEXT
}

type Unsafe = Sql['unsafe']
type AnyFn = (...args: unknown[]) => unknown

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function preparing<T extends Sql<any>>(client: T): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        const unsafe = target.unsafe.bind(target) as Unsafe
        return ((text: string, params?: unknown[], options?: { prepare?: boolean }) =>
          unsafe(text, params as never, { ...options, prepare: shouldPrepare(text, params) })) as Unsafe
      }
      if (prop === 'begin' || prop === 'savepoint') {
        const fn = Reflect.get(target, prop, target) as AnyFn | undefined
        if (typeof fn !== 'function') return fn
        return (...args: unknown[]) => {
          const last = args.length - 1
          const body = args[last]
          if (typeof body === 'function') args[last] = (tx: Sql) => (body as AnyFn)(preparing(tx))
          return fn.apply(target, args)
        }
      }
      const value = Reflect.get(target, prop, receiver)
      return typeof value === 'function' ? (value as AnyFn).bind(target) : value
    },
  })
}
