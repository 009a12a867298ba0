import { and, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { toBriefContent } from '#app/domain/brief.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { storageFor } from '#app/services/files/storage.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'
import { briefHasFile } from './brief-has-file.server.ts'
import { ensureEditableBrief } from './ensure-brief.server.ts'

/**
 * A manager removes a file from the brief being edited. The published versions keep theirs: creators
 * stop seeing it when the next version is published (the diff lists it as removed). A file no published
 * version ever carried is deleted outright (its row in the transaction, its bytes after the commit).
 */
export async function removeBriefFile(actor: BrandActor, campaignId: string, fileId: string) {
  const result = await db().transaction(async (tx) => {
    const { brief } = await ensureEditableBrief(tx, actor.brand, campaignId)
    const draft = toBriefContent(brief.draft)
    const file = draft.files.find((f) => f.id === fileId)
    if (!file) throw new NotFoundError('That file')
    await tx
      .update(schema.briefs)
      .set({ draft: { ...brief.draft, files: draft.files.filter((f) => f.id !== fileId) }, updatedAt: new Date() })
      .where(eq(schema.briefs.id, brief.id))
    const [published] = await tx
      .select({ id: schema.briefVersions.id })
      .from(schema.briefVersions)
      .where(and(eq(schema.briefVersions.briefId, brief.id), briefHasFile(schema.briefVersions.content, fileId)))
      .limit(1)
    const [gone] = published
      ? []
      : await tx
          .delete(schema.files)
          .where(and(eq(schema.files.id, fileId), eq(schema.files.brandId, actor.brand.id), eq(schema.files.purpose, 'brief_asset')))
          .returning({ storage: schema.files.storage, storageKey: schema.files.storageKey })
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'brief.file_removed',
      entityType: 'brief',
      entityId: brief.id,
      before: { file },
      after: { deleted: Boolean(gone), keptForPublishedVersions: Boolean(published) },
    })
    return { file, gone }
  })
  if (result.gone) await storageFor(result.gone.storage).remove(result.gone.storageKey)
  return result.file
}
