import type { Tx } from './index.ts'

/** Ids made by the base demo seed, keyed by slug (brands) and email (creators, users). */
export interface SeedIds {
  brands: Map<string, string>
  creators: Map<string, string>
  users: Map<string, string>
  agencyId: string
  now: Date
}

export type Seeder = (tx: Tx, ids: SeedIds) => Promise<void>
