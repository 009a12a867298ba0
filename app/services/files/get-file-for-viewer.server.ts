import { and, eq, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'
import { roleCan } from '#app/auth/capabilities.ts'
import type { BrandRole } from '#app/domain/roles.ts'
import { FILE_ACCESS, fileAccessRule } from '#app/domain/file-access.ts'
import { brandPayeeScope } from '#app/services/tax/list-brand-tax-forms.server.ts'
import { briefHasFile } from '#app/services/briefs/brief-has-file.server.ts'

export type ViewableFile = typeof schema.files.$inferSelect

/**
 * A file the signed-in user may see, by the rule of the page it belongs to (fileAccessRule, one entry
 * per purpose): a member of the file's brand whose role has that page's capability (draft media only
 * to reviewers, stats evidence only to those who verify posts...), the file's creator, or a member of an
 * agency holding an active grant from that creator with the page's scope. Tax forms are stricter (see
 * taxFormViewable): only their owner and finance. Brief files have no creator: they are served to the
 * creators with an offer in a campaign whose published brief carries them (briefFileViewable). Anyone
 * else gets NotFoundError (404), never a hint that the file exists.
 */
export async function getFileForViewer(userId: string, fileId: string): Promise<ViewableFile> {
  const [file] = await db().select().from(schema.files).where(eq(schema.files.id, fileId)).limit(1)
  if (!file) throw new NotFoundError('That file')
  const rule = fileAccessRule(file.purpose)
  if (!rule) throw new NotFoundError('That file')
  if (file.purpose === 'tax_form') {
    if (await taxFormViewable(userId, file)) return file
    throw new NotFoundError('That file')
  }
  if (file.brandId) {
    const [m] = await db()
      .select({ role: schema.brandMembers.role })
      .from(schema.brandMembers)
      .where(and(eq(schema.brandMembers.brandId, file.brandId), eq(schema.brandMembers.userId, userId)))
      .limit(1)
    if (m && roleCan(m.role as BrandRole, rule.brand)) return file
  }
  if (file.purpose === 'brief_asset') {
    if (await briefFileViewable(userId, file)) return file
    throw new NotFoundError('That file')
  }
  if (file.creatorId) {
    const [c] = await db().select({ userId: schema.creators.userId }).from(schema.creators).where(eq(schema.creators.id, file.creatorId)).limit(1)
    if (c?.userId === userId) return file
    const grants = await agentScopes(userId, file.creatorId)
    if (grants.some((scopes) => rule.agentScope === 'view' || scopes.includes(rule.agentScope))) return file
  }
  throw new NotFoundError('That file')
}

/**
 * A tax form file is served only to its owner and to finance: the payee agency's members when the agency
 * is the payee (agencyId set), otherwise the creator and agents acting for them with the 'invoice' scope;
 * and brand members whose role may verify tax forms (finance) in a brand that pays this payee. Managers,
 * admins and viewers never get it.
 */
async function taxFormViewable(userId: string, file: ViewableFile): Promise<boolean> {
  if (file.uploadedByUserId === userId) return true
  if (file.agencyId) {
    const [m] = await db()
      .select({ id: schema.agencyMembers.id })
      .from(schema.agencyMembers)
      .where(and(eq(schema.agencyMembers.agencyId, file.agencyId), eq(schema.agencyMembers.userId, userId)))
      .limit(1)
    if (m) return true
  } else if (file.creatorId) {
    const [c] = await db().select({ userId: schema.creators.userId }).from(schema.creators).where(eq(schema.creators.id, file.creatorId)).limit(1)
    if (c?.userId === userId) return true
    if ((await agentScopes(userId, file.creatorId)).some((scopes) => scopes.includes(FILE_ACCESS.tax_form.agentScope))) return true
  }
  const memberships = await db().select({ brandId: schema.brandMembers.brandId, role: schema.brandMembers.role }).from(schema.brandMembers).where(eq(schema.brandMembers.userId, userId))
  for (const m of memberships) {
    if (!roleCan(m.role as BrandRole, FILE_ACCESS.tax_form.brand)) continue
    const scope = await brandPayeeScope(db(), m.brandId)
    if (file.agencyId ? scope.agencyIds.includes(file.agencyId) : file.creatorId && scope.creatorIds.includes(file.creatorId)) return true
  }
  return false
}

/**
 * A brief file, on the creator side: the current published version of a campaign's brief carries it,
 * and the user is a creator with an offer in that campaign (any status: the offer page shows the brief),
 * or a member of an agency holding an active grant from such a creator (FILE_ACCESS.brief_asset: 'view').
 * A file only in the draft, or removed by a later version, is not served to creators.
 */
async function briefFileViewable(userId: string, file: ViewableFile): Promise<boolean> {
  if (!file.brandId) return false
  const offersCarrying = () =>
    db()
      .select({ id: schema.offers.id })
      .from(schema.briefVersions)
      .innerJoin(schema.briefs, and(eq(schema.briefs.id, schema.briefVersions.briefId), eq(schema.briefs.currentVersion, schema.briefVersions.version)))
      .innerJoin(schema.offers, and(eq(schema.offers.campaignId, schema.briefs.campaignId), eq(schema.offers.brandId, schema.briefVersions.brandId)))
      .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
      .$dynamic()
  const carries = and(eq(schema.briefVersions.brandId, file.brandId), briefHasFile(schema.briefVersions.content, file.id))
  const [own] = await offersCarrying().where(and(carries, eq(schema.creators.userId, userId))).limit(1)
  if (own) return true
  const [viaAgency] = await offersCarrying()
    .innerJoin(schema.agentGrants, and(eq(schema.agentGrants.creatorId, schema.offers.creatorId), isNull(schema.agentGrants.revokedAt)))
    .innerJoin(schema.agencyMembers, and(eq(schema.agencyMembers.agencyId, schema.agentGrants.agencyId), eq(schema.agencyMembers.userId, userId)))
    .where(carries)
    .limit(1)
  return Boolean(viaAgency)
}

/** The scopes of each active grant from this creator to an agency the user belongs to. */
async function agentScopes(userId: string, creatorId: string): Promise<string[][]> {
  const grants = await db()
    .select({ scopes: schema.agentGrants.scopes })
    .from(schema.agentGrants)
    .innerJoin(schema.agencyMembers, eq(schema.agencyMembers.agencyId, schema.agentGrants.agencyId))
    .where(and(eq(schema.agentGrants.creatorId, creatorId), isNull(schema.agentGrants.revokedAt), eq(schema.agencyMembers.userId, userId)))
  return grants.map((g) => g.scopes as string[])
}
