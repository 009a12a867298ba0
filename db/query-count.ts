/**
 * Counts SQL statements per request (AsyncLocalStorage), for the request log line and the
 * benchmarks' "queries per page must not grow with the data" check. One store shared through
 * globalThis, because app/server.ts and the Remix build are separate bundles. The store is made per
 * HTTP request by app/server.ts, so it is also where one request's loaders share reads.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

export interface QueryCounter {
  queries: number
  /** Reads shared by the loaders of this one request (app/db.server.ts perRequest). */
  memo?: Map<string, Promise<unknown>>
}

const g = globalThis as unknown as { __greenroomQueryCounter?: AsyncLocalStorage<QueryCounter> }
export const queryCounter: AsyncLocalStorage<QueryCounter> = (g.__greenroomQueryCounter ??= new AsyncLocalStorage<QueryCounter>())

export function countQuery() {
  const store = queryCounter.getStore()
  if (store) store.queries++
}
