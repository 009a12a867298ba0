import { eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { loadCreatorDeliverable } from './get-deliverable-for-post.server.ts'
import { listPostSnapshots } from './list-post-snapshots.server.ts'

/** What the creator's post page shows: the deliverable, the post, its snapshots, their link and code. */
export async function getCreatorPostPage(creatorId: string, deliverableId: string) {
  const d = await loadCreatorDeliverable(db(), creatorId, deliverableId)
  const [snapshots, [link], codes] = await Promise.all([
    d.post ? listPostSnapshots(db(), d.post.id) : Promise.resolve([]),
    db()
      .select({
        code: schema.trackingLinks.code,
        clicks: db().$count(schema.linkClicks, eq(schema.linkClicks.linkId, schema.trackingLinks.id)),
      })
      .from(schema.trackingLinks)
      .where(eq(schema.trackingLinks.offerId, d.deliverable.offerId))
      .limit(1),
    db().select({ code: schema.promoCodes.code }).from(schema.promoCodes).where(eq(schema.promoCodes.offerId, d.deliverable.offerId)),
  ])
  return {
    ...d,
    snapshots,
    link: link ? { code: link.code, clicks: Number(link.clicks) } : null,
    promoCodes: codes.map((c) => c.code),
  }
}
