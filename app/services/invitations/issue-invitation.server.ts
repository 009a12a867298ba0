import { createElement } from 'react'
import { schema, type Tx } from '#db/index.ts'
import { newToken } from '#db/ids.ts'
import type { BrandRole, InvitationKind } from '#db/schema.ts'
import { InvitationEmail } from '#emails/invitation.tsx'
import { config } from '#app/config.server.ts'
import { recordAudit, type AuditActor } from '#app/services/audit/record-audit.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { sha256 } from '#app/utils/crypto.server.ts'

export const INVITATION_TTL_DAYS = 7

/** Shared by every kind of invitation: store the hashed token, queue the email, audit. */
export async function issueInvitation(
  tx: Tx,
  actor: AuditActor & { userId: string },
  input: {
    kind: InvitationKind
    email: string
    name?: string | null
    brandId?: string | null
    role?: BrandRole | null
    creatorId?: string | null
    agencyId?: string | null
    inviterName: string
    purpose: string
  },
) {
  const token = newToken()
  const [inv] = await tx
    .insert(schema.invitations)
    .values({
      tokenHash: sha256(token),
      kind: input.kind,
      email: input.email,
      name: input.name ?? null,
      brandId: input.brandId ?? null,
      role: input.role ?? null,
      creatorId: input.creatorId ?? null,
      agencyId: input.agencyId ?? null,
      invitedByUserId: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
    })
    .returning()
  await enqueueEmail(tx, {
    template: 'invitation',
    to: [input.email],
    subject: `${input.inviterName} invited you to ${input.purpose}`,
    element: createElement(InvitationEmail, {
      inviterName: input.inviterName,
      purpose: input.purpose,
      url: `${config().appUrl}/invite/${token}`,
      expiresInDays: INVITATION_TTL_DAYS,
    }),
  })
  await recordAudit(tx, actor, {
    brandId: input.brandId ?? null,
    action: 'invitation.created',
    entityType: 'invitation',
    entityId: inv!.id,
    after: { kind: input.kind, email: input.email, role: input.role ?? null },
  })
  return { invitation: inv!, token }
}
