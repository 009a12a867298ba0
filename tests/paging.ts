import { expect } from 'vitest'

export type Page<T> = { rows: T[]; nextCursor: string | null; prevCursor: string | null }

/** Every page forwards, then every page backwards from the last; both as lists of ids per page. */
export async function walkPages<T>(load: (cursor: string | null) => Promise<Page<T>>, idOf: (r: T) => string) {
  const forward: string[][] = []
  let page = await load(null)
  forward.push(page.rows.map(idOf))
  expect(page.prevCursor).toBeNull()
  while (page.nextCursor) {
    page = await load(page.nextCursor)
    forward.push(page.rows.map(idOf))
  }
  const backward: string[][] = [page.rows.map(idOf)]
  while (page.prevCursor) {
    page = await load(page.prevCursor)
    backward.unshift(page.rows.map(idOf))
  }
  return { forward, backward }
}

/** The ids cut into pages of n, as a paged list should show them. */
export const chunks = <T,>(ids: T[], n: number) => Array.from({ length: Math.ceil(ids.length / n) }, (_, i) => ids.slice(i * n, i * n + n))
