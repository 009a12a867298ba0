import { and, eq, inArray } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { creatorAccess, RELATIONSHIP_OFFER_STATUSES, type CreatorAccess } from '#app/domain/creator-privacy.ts'

/** What this brand may see of each creator (app/domain/creator-privacy.ts): two set-based reads, whatever the number of creators. */
export async function getCreatorAccess(brandId: string, creatorIds: readonly string[], tx: DbOrTx = db()): Promise<Map<string, CreatorAccess>> {
  const out = new Map<string, CreatorAccess>()
  if (!creatorIds.length) return out
  const ids = [...new Set(creatorIds)]
  const [entries, offers] = await Promise.all([
    tx
      .select({ creatorId: schema.rosterEntries.creatorId, consentedAt: schema.rosterEntries.consentedAt })
      .from(schema.rosterEntries)
      .where(and(eq(schema.rosterEntries.brandId, brandId), inArray(schema.rosterEntries.creatorId, ids))),
    tx
      .selectDistinct({ creatorId: schema.offers.creatorId, status: schema.offers.status })
      .from(schema.offers)
      .where(and(eq(schema.offers.brandId, brandId), inArray(schema.offers.creatorId, ids), inArray(schema.offers.status, [...RELATIONSHIP_OFFER_STATUSES]))),
  ])
  const consent = new Map(entries.map((e) => [e.creatorId, e.consentedAt]))
  const statuses = new Map<string, string[]>()
  for (const o of offers) statuses.set(o.creatorId, [...(statuses.get(o.creatorId) ?? []), o.status])
  for (const id of ids) out.set(id, creatorAccess({ offerStatuses: statuses.get(id) ?? [], consentedAt: consent.get(id) ?? null }))
  return out
}

export async function getOneCreatorAccess(brandId: string, creatorId: string, tx: DbOrTx = db()): Promise<CreatorAccess> {
  return (await getCreatorAccess(brandId, [creatorId], tx)).get(creatorId) ?? 'public'
}
