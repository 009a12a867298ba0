import { and, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { COMMITTED_OFFER_STATUSES } from '#app/domain/offer-terms.ts'

/**
 * The creator's to-do list: one typed item per thing to act on, each with its date and one link.
 * Extension points: drafts due, feedback to answer, posts due and invoices add their own `kind`
 * (and a query below) — the home page renders any item by its title/detail/href/date.
 */
export type CreatorTodo =
  | { kind: 'offer'; id: string; date: string | null; title: string; detail: string; href: string; feeMinor: number; currency: string }
  | { kind: 'brief_reack'; id: string; date: string | null; title: string; detail: string; href: string; version: number }
// | { kind: 'draft_due' ... } | { kind: 'feedback' ... } | { kind: 'post_due' ... } | { kind: 'invoice' ... }

export async function getCreatorTodos(creatorId: string, now = new Date()): Promise<CreatorTodo[]> {
  const base = `/c/${creatorId}`
  const [open, reack] = await Promise.all([
    db()
      .select({
        id: schema.offers.id,
        expiresAt: schema.offers.expiresAt,
        feeMinor: schema.offers.feeMinor,
        currency: schema.offers.currency,
        campaign: schema.campaigns.name,
        brand: schema.brands.name,
        responseNote: schema.offers.responseNote,
      })
      .from(schema.offers)
      .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
      .innerJoin(schema.brands, eq(schema.brands.id, schema.offers.brandId))
      .where(and(eq(schema.offers.creatorId, creatorId), eq(schema.offers.status, 'invited'), or(isNull(schema.offers.expiresAt), gt(schema.offers.expiresAt, now)))),
    db()
      .select({
        id: schema.offers.id,
        version: schema.briefs.currentVersion,
        campaign: schema.campaigns.name,
        brand: schema.brands.name,
        publishedAt: sql<Date | string | null>`(select max(${schema.briefVersions.publishedAt}) from ${schema.briefVersions} where ${schema.briefVersions.briefId} = ${schema.briefs.id})`,
      })
      .from(schema.offers)
      .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
      .innerJoin(schema.brands, eq(schema.brands.id, schema.offers.brandId))
      .innerJoin(schema.briefs, eq(schema.briefs.campaignId, schema.offers.campaignId))
      .where(
        and(
          eq(schema.offers.creatorId, creatorId),
          inArray(schema.offers.status, [...COMMITTED_OFFER_STATUSES]),
          or(isNull(schema.offers.acknowledgedBriefVersion), lt(schema.offers.acknowledgedBriefVersion, schema.briefs.currentVersion)),
        ),
      ),
  ])
  const todos: CreatorTodo[] = [
    ...open.map(
      (o): CreatorTodo => ({
        kind: 'offer',
        id: o.id,
        date: o.expiresAt ? new Date(o.expiresAt).toISOString() : null,
        title: `Answer ${o.brand}'s offer: ${o.campaign}`,
        detail: o.responseNote ? `The brand declined your counter: “${o.responseNote}”` : 'Accept, counter or decline before it expires.',
        href: `${base}/offers/${o.id}`,
        feeMinor: o.feeMinor,
        currency: o.currency,
      }),
    ),
    ...reack.map(
      (r): CreatorTodo => ({
        kind: 'brief_reack',
        id: r.id,
        date: r.publishedAt ? new Date(r.publishedAt).toISOString() : null,
        title: `Re-read the updated brief: ${r.campaign}`,
        detail: `${r.brand} published version ${r.version}. Confirm you have seen the changes.`,
        href: `${base}/offers/${r.id}#reack`,
        version: r.version,
      }),
    ),
  ]
  // Soonest first; undated items last.
  return todos.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'))
}
