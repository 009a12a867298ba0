import { and, eq, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'

export async function revokeInvitation(actor: BrandActor, invitationId: string) {
  await db().transaction(async (tx) => {
    const [inv] = await tx
      .update(schema.invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(schema.invitations.id, invitationId),
          eq(schema.invitations.brandId, actor.brand.id),
          isNull(schema.invitations.acceptedAt),
          isNull(schema.invitations.revokedAt),
        ),
      )
      .returning({ id: schema.invitations.id })
    if (!inv) throw new NotFoundError('That invitation')
    await recordAudit(tx, actor.audit, { brandId: actor.brand.id, action: 'invitation.revoked', entityType: 'invitation', entityId: inv.id })
  })
}
