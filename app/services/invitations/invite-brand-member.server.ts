import { and, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import type { BrandRole } from '#db/schema.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { ROLE_LABEL } from '#app/auth/capabilities.ts'
import { ConflictError } from '#app/utils/errors.ts'
import { issueInvitation } from './issue-invitation.server.ts'

/** A brand admin invites someone to the brand with a role. Nobody self-registers into a brand. */
export async function inviteBrandMember(actor: BrandActor, input: { email: string; role: BrandRole }) {
  const existing = await db()
    .select({ id: schema.brandMembers.id })
    .from(schema.brandMembers)
    .innerJoin(schema.users, eq(schema.users.id, schema.brandMembers.userId))
    .where(and(eq(schema.brandMembers.brandId, actor.brand.id), eq(schema.users.email, input.email)))
    .limit(1)
  if (existing.length) {
    throw new ConflictError(`${input.email} is already a member of ${actor.brand.name}.`, {
      email: ['Already a member of this brand.'],
    })
  }
  return db().transaction((tx) =>
    issueInvitation(tx, { ...actor.audit, userId: actor.user.id }, {
      kind: 'brand_member',
      email: input.email,
      brandId: actor.brand.id,
      role: input.role,
      inviterName: actor.user.name,
      purpose: `join ${actor.brand.name} as ${ROLE_LABEL[input.role].toLowerCase()}`,
    }),
  )
}
