import { eq } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { deliverableMachine, type DeliverableEvent } from '#app/domain/state-machines.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'

type PostChange = Partial<typeof schema.posts.$inferInsert> & { status: string }

/**
 * A manager's decision on a live post (verify, send back): the post's new columns, the deliverable moved
 * by its machine, and the audit event, in the caller's transaction. The caller checked the post's own move.
 */
export async function decidePost(
  tx: DbOrTx,
  actor: Pick<BrandActor, 'brand' | 'audit'>,
  row: { post: { id: string; status: string }; deliverable: { id: string; status: string } },
  decision: { set: PostChange; deliverableEvent: DeliverableEvent; action: string; after: Record<string, unknown> },
  now: Date,
) {
  await tx.update(schema.posts).set({ ...decision.set, updatedAt: now }).where(eq(schema.posts.id, row.post.id))
  await tx.update(schema.deliverables).set({ status: deliverableMachine.next(row.deliverable.status, decision.deliverableEvent), updatedAt: now }).where(eq(schema.deliverables.id, row.deliverable.id))
  await recordAudit(tx, actor.audit, {
    brandId: actor.brand.id,
    action: decision.action,
    entityType: 'post',
    entityId: row.post.id,
    before: { status: row.post.status },
    after: decision.after,
  })
}
