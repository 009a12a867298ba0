import { eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { toBriefContent, type BriefText } from '#app/domain/brief.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ensureEditableBrief } from './ensure-brief.server.ts'

/** Save the brief being edited (creators see only published versions). The draft's files stay as they are. */
export async function saveBriefDraft(actor: BrandActor, campaignId: string, content: BriefText) {
  return db().transaction(async (tx) => {
    const { brief } = await ensureEditableBrief(tx, actor.brand, campaignId)
    await tx.update(schema.briefs).set({ draft: { ...content, files: toBriefContent(brief.draft).files }, updatedAt: new Date() }).where(eq(schema.briefs.id, brief.id))
    await recordAudit(tx, actor.audit, { brandId: actor.brand.id, action: 'brief.draft_saved', entityType: 'brief', entityId: brief.id })
  })
}
