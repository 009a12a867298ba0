import { eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { MAX_BRIEF_FILES, toBriefContent, type BriefFile } from '#app/domain/brief.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { receiveUpload } from '#app/services/files/receive-upload.server.ts'
import { recordFile } from '#app/services/files/record-file.server.ts'
import { InvalidInputError } from '#app/utils/errors.ts'
import { ensureEditableBrief } from './ensure-brief.server.ts'

/** Files one upload may carry. */
export const BRIEF_FILES_PER_UPLOAD = 10

/**
 * A manager attaches images or PDFs to the brief being edited. The files stream through the one upload
 * path (app/services/files: type from the bytes, DOCUMENT_UPLOAD_MAX_BYTES, never held in memory);
 * the file rows, the draft's new file list and the audit event are written in one transaction, and any
 * refusal (another brand's campaign, an archived one, too many files) removes what was stored.
 * They land in the draft: creators see them once the brief is published (publishBrief carries them).
 */
export async function attachBriefFiles(actor: BrandActor, campaignId: string, request: Request): Promise<BriefFile[]> {
  return receiveUpload(request, 'brief_asset', { maxFiles: BRIEF_FILES_PER_UPLOAD }, async (upload) => {
    const stored = upload.files.filter((f) => f.field === 'files')
    if (stored.length === 0) throw new InvalidInputError('Please correct the highlighted fields.', { files: ['Choose one or more images or PDFs to attach.'] })
    return db().transaction(async (tx) => {
      const { brief } = await ensureEditableBrief(tx, actor.brand, campaignId)
      const draft = toBriefContent(brief.draft)
      if (draft.files.length + stored.length > MAX_BRIEF_FILES) {
        const msg = `A brief holds at most ${MAX_BRIEF_FILES} files; this one has ${draft.files.length}. Remove some first.`
        throw new InvalidInputError(msg, { files: [msg] })
      }
      const added: BriefFile[] = []
      for (const s of stored) {
        const row = await recordFile(tx, s, { purpose: 'brief_asset', originalName: s.originalName, brandId: actor.brand.id, uploadedByUserId: actor.user.id })
        added.push({ id: row.id, name: row.originalName, mimeType: row.mimeType, sizeBytes: row.sizeBytes })
      }
      await tx
        .update(schema.briefs)
        .set({ draft: { ...brief.draft, files: [...draft.files, ...added] }, updatedAt: new Date() })
        .where(eq(schema.briefs.id, brief.id))
      await recordAudit(tx, actor.audit, {
        brandId: actor.brand.id,
        action: 'brief.file_attached',
        entityType: 'brief',
        entityId: brief.id,
        after: { files: added },
      })
      return added
    })
  })
}
