import { and, eq, isNull, or, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { loadCreatorDeliverable } from './get-deliverable-for-post.server.ts'
import { listPostSnapshots } from './list-post-snapshots.server.ts'
import type { Jurisdiction, Platform } from '#app/domain/catalog.ts'
import { platformLabelHint } from '#app/domain/disclosure/platform-label.ts'

/** What the creator's post page shows: the deliverable, the post, its snapshots, their link and code. */
export async function getCreatorPostPage(creatorId: string, deliverableId: string) {
  const d = await loadCreatorDeliverable(db(), creatorId, deliverableId)
  const [snapshots, [link], codes] = await Promise.all([
    d.post ? listPostSnapshots(db(), d.post.id) : Promise.resolve([]),
    db()
      .select({
        code: schema.trackingLinks.code,
        deliverableId: schema.trackingLinks.deliverableId,
        clicks: db().$count(schema.linkClicks, eq(schema.linkClicks.linkId, schema.trackingLinks.id)),
      })
      .from(schema.trackingLinks)
      // This post's own link; an older link for the whole collaboration if it has none.
      .where(and(eq(schema.trackingLinks.offerId, d.deliverable.offerId), or(eq(schema.trackingLinks.deliverableId, d.deliverable.id), isNull(schema.trackingLinks.deliverableId))))
      .orderBy(sql`${schema.trackingLinks.deliverableId} is null`)
      .limit(1),
    db().select({ code: schema.promoCodes.code }).from(schema.promoCodes).where(eq(schema.promoCodes.offerId, d.deliverable.offerId)),
  ])
  return {
    ...d,
    snapshots,
    /** forThisPost: the post's own link; false: an older link for the whole collaboration. */
    link: link ? { code: link.code, clicks: Number(link.clicks), forThisPost: link.deliverableId === d.deliverable.id } : null,
    promoCodes: codes.map((c) => c.code),
    platformLabelHint: platformLabelHint(d.deliverable.platform as Platform, d.brand.jurisdiction as Jurisdiction),
  }
}
