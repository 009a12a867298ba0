import { and, eq, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'

export type ViewableFile = typeof schema.files.$inferSelect

/**
 * A file the signed-in user may see: a member of the file's brand, the file's creator, or a member of
 * an agency holding an active grant from that creator (draft files need the 'submit_content' scope).
 * Anyone else gets NotFoundError (404), never a hint that the file exists.
 */
export async function getFileForViewer(userId: string, fileId: string): Promise<ViewableFile> {
  const [file] = await db().select().from(schema.files).where(eq(schema.files.id, fileId)).limit(1)
  if (!file) throw new NotFoundError('That file')
  if (file.brandId) {
    const [m] = await db()
      .select({ id: schema.brandMembers.id })
      .from(schema.brandMembers)
      .where(and(eq(schema.brandMembers.brandId, file.brandId), eq(schema.brandMembers.userId, userId)))
      .limit(1)
    if (m) return file
  }
  if (file.creatorId) {
    const [c] = await db().select({ userId: schema.creators.userId }).from(schema.creators).where(eq(schema.creators.id, file.creatorId)).limit(1)
    if (c?.userId === userId) return file
    const grants = await db()
      .select({ scopes: schema.agentGrants.scopes })
      .from(schema.agentGrants)
      .innerJoin(schema.agencyMembers, eq(schema.agencyMembers.agencyId, schema.agentGrants.agencyId))
      .where(and(eq(schema.agentGrants.creatorId, file.creatorId), isNull(schema.agentGrants.revokedAt), eq(schema.agencyMembers.userId, userId)))
    const needs = file.purpose === 'draft' ? 'submit_content' : null
    if (grants.some((g) => !needs || (g.scopes as string[]).includes(needs))) return file
  }
  throw new NotFoundError('That file')
}
