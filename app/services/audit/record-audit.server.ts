import { schema, type DbOrTx } from '#db/index.ts'

/** Who did it, for whom, from where. Guards build this from the request. */
export interface AuditActor {
  userId: string | null
  actingForCreatorId?: string | null
  ip?: string | null
  userAgent?: string | null
}

export interface AuditEntry {
  brandId?: string | null
  action: string
  entityType: string
  entityId: string
  before?: unknown
  after?: unknown
}

/** Append one audit event. Call it inside the transaction that makes the change. */
export async function recordAudit(tx: DbOrTx, actor: AuditActor, entry: AuditEntry) {
  await tx.insert(schema.auditEvents).values({
    actorUserId: actor.userId,
    actingForCreatorId: actor.actingForCreatorId ?? null,
    brandId: entry.brandId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor.ip ?? null,
    userAgent: actor.userAgent?.slice(0, 400) ?? null,
  })
}
