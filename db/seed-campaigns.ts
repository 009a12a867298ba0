import type { Seeder } from './seed-ids.ts'

/** Demo campaigns, briefs and offers. */
export const seedCampaigns: Seeder = async () => {}
