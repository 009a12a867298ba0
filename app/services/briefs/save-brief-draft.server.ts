import { eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { toBriefContent, type BriefText } from '#app/domain/brief.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError } from '#app/utils/errors.ts'
import { ensureBrief } from './ensure-brief.server.ts'

/** Save the brief being edited (creators see only published versions). The draft's files stay as they are. */
export async function saveBriefDraft(actor: BrandActor, campaignId: string, content: BriefText) {
  return db().transaction(async (tx) => {
    const { campaign, brief } = await ensureBrief(tx, actor.brand, campaignId)
    const row = { id: brief.id, status: campaign.status }
    if (row.status === 'archived') throw new ConflictError('This campaign is archived and its brief can no longer change.')
    await tx.update(schema.briefs).set({ draft: { ...content, files: toBriefContent(brief.draft).files }, updatedAt: new Date() }).where(eq(schema.briefs.id, row.id))
    await recordAudit(tx, actor.audit, { brandId: actor.brand.id, action: 'brief.draft_saved', entityType: 'brief', entityId: row.id })
  })
}
