import type { Seeder } from './seed-ids.ts'

/** Demo costs, tax forms and invoices. */
export const seedMoney: Seeder = async () => {}
