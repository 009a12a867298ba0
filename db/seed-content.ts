import type { Seeder } from './seed-ids.ts'

/** Demo drafts and reviews. */
export const seedContent: Seeder = async () => {}
