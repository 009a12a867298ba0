import type { DbOrTx } from '#db/index.ts'
import { getMoneyFigures } from './get-money-figures.server.ts'

/** A campaign's committed amount (app/domain/money-figures.ts), read in the caller's transaction: for budget warnings. */
export async function getCommitted(tx: DbOrTx, brandId: string, campaignId: string): Promise<number> {
  const [line] = await getMoneyFigures(brandId, { campaignIds: [campaignId], tx })
  return line?.committedMinor ?? 0
}
