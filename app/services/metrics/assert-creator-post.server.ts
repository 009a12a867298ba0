import { and, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'

/**
 * Refuse before reading an upload: the deliverable must be this creator's and have a live post.
 * Another creator's or brand's id is a 404 whatever the body is (never a 415 or 413 that would
 * answer differently for rows that exist).
 */
export async function assertCreatorPost(creatorId: string, deliverableId: string): Promise<void> {
  const [post] = await db()
    .select({ id: schema.posts.id })
    .from(schema.posts)
    .where(and(eq(schema.posts.deliverableId, deliverableId), eq(schema.posts.creatorId, creatorId)))
    .limit(1)
  if (!post) throw new NotFoundError('That post')
}
