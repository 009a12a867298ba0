import { sql } from 'drizzle-orm'
import { db } from '#app/db.server.ts'
import { schema } from '#db/index.ts'
import { CAMPAIGN_CHOICES, type CampaignChoice, type CampaignChoices } from '#app/domain/campaign-choices.ts'
import { compareText } from '#app/domain/compare-text.ts'
import type { CampaignStatus } from '#app/domain/state-machines.ts'
import { rowsOf } from '#app/services/brands/get-at-risk.server.ts'

/**
 * The campaigns a filter offers: the brand's newest CAMPAIGN_CHOICES (campaigns_brand_created_idx, read
 * backwards: the same cost for 50 campaigns or 5,000), and the chosen one when it is older. One statement.
 * A `selected` id of another brand (or of no campaign) adds nothing.
 */
export async function listCampaignChoices(
  brandId: string,
  opts: { selected?: string | null; statuses?: readonly CampaignStatus[]; /** 'newest': newest first, an older chosen one last (the budget's cost form) */ order?: 'name' | 'newest' } = {},
): Promise<CampaignChoices> {
  const k = schema.campaigns
  const statuses = opts.statuses?.length ? sql` and ${k.status} in ${[...opts.statuses]}` : sql``
  const rows = rowsOf<CampaignChoice & { picked: boolean }>(
    await db().execute(sql`
      (select ${k.id} as id, ${k.name} as name, false as picked from ${k} where ${k.brandId} = ${brandId}${statuses}
        order by ${k.createdAt} desc, ${k.id} desc limit ${CAMPAIGN_CHOICES + 1})
      union all
      (select ${k.id}, ${k.name}, true from ${k} where ${k.brandId} = ${brandId} and ${k.id} = ${opts.selected ?? null})`),
  )
  const newest = rows.filter((r) => !r.picked)
  const choices = newest.slice(0, CAMPAIGN_CHOICES).map(({ id, name }) => ({ id, name }))
  const picked = rows.find((r) => r.picked)
  if (picked && !choices.some((c) => c.id === picked.id)) choices.push({ id: picked.id, name: picked.name })
  if (opts.order !== 'newest') choices.sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id))
  return { choices, more: newest.length > CAMPAIGN_CHOICES }
}
