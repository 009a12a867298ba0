import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm'
import { createElement } from 'react'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config } from '#app/config.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { diffBriefs, toBriefContent, type BriefContent, type BriefText } from '#app/domain/brief.ts'
import { COMMITTED_OFFER_STATUSES } from '#app/domain/offer-terms.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { getAgentEmails } from '#app/services/creators/get-agent-emails.server.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { ConflictError, InvalidInputError } from '#app/utils/errors.ts'
import { ensureEditableBrief } from './ensure-brief.server.ts'
import { BriefUpdatedEmail } from '#emails/brief-updated.tsx'

/**
 * Publish the brief as version n+1. Creators who already accepted get a "re-acknowledge" to-do
 * (their offer's acknowledgedBriefVersion is now behind) and an email listing what changed.
 * `baseVersion` is the version the editor was opened on: publishing over someone else's newer version is refused.
 * The version carries the files attached to the draft (attach-brief-files), so creators see them with it.
 */
export async function publishBrief(actor: BrandActor, campaignId: string, text: BriefText, baseVersion: number) {
  return db().transaction(async (tx) => {
    const { brief, campaign } = await ensureEditableBrief(tx, actor.brand, campaignId)
    const content: BriefContent = { ...text, files: toBriefContent(brief.draft).files }
    if (brief.currentVersion !== baseVersion) {
      throw new ConflictError(`Someone published version ${brief.currentVersion} while you were editing. Reload to see it, then publish again.`)
    }
    if (!content.overview.trim()) throw new InvalidInputError('Write an overview before publishing.', { overview: ['Write an overview before publishing.'] })
    let changes: ReturnType<typeof diffBriefs> = []
    if (brief.currentVersion > 0) {
      const [prev] = await tx
        .select({ content: schema.briefVersions.content })
        .from(schema.briefVersions)
        .where(and(eq(schema.briefVersions.briefId, brief.id), eq(schema.briefVersions.version, brief.currentVersion)))
      changes = diffBriefs(toBriefContent(prev?.content), content)
      if (changes.length === 0) throw new ConflictError('Nothing changed since the published version.')
    }
    const version = brief.currentVersion + 1
    await tx.insert(schema.briefVersions).values({
      briefId: brief.id,
      brandId: actor.brand.id,
      version,
      content: { ...content },
      publishedByUserId: actor.user.id,
    })
    await tx.update(schema.briefs).set({ draft: { ...content }, currentVersion: version, updatedAt: new Date() }).where(eq(schema.briefs.id, brief.id))

    // Creators who accepted an earlier version must re-acknowledge.
    const toAsk = await tx
      .select({ offerId: schema.offers.id, creatorId: schema.creators.id, creatorName: schema.creators.name, email: schema.creators.email })
      .from(schema.offers)
      .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
      .where(
        and(
          eq(schema.offers.brandId, actor.brand.id),
          eq(schema.offers.campaignId, campaignId),
          inArray(schema.offers.status, [...COMMITTED_OFFER_STATUSES]),
          or(isNull(schema.offers.acknowledgedBriefVersion), lt(schema.offers.acknowledgedBriefVersion, version)),
        ),
      )
    const labels = changes.map((c) => c.label)
    for (const r of toAsk) {
      await enqueueEmail(tx, {
        template: 'brief-updated',
        to: [r.email],
        cc: await getAgentEmails(tx, r.creatorId),
        subject: `${actor.brand.name} updated the brief for ${campaign.name}`,
        element: createElement(BriefUpdatedEmail, {
          creatorName: r.creatorName,
          brandName: actor.brand.name,
          campaignName: campaign.name,
          version,
          changes: labels,
          url: `${config().appUrl}/c/${r.creatorId}/offers/${r.offerId}`,
        }),
        dedupeKey: `brief-updated:${r.offerId}:${version}`,
      })
    }
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'brief.published',
      entityType: 'brief',
      entityId: brief.id,
      before: { version: brief.currentVersion },
      after: { version, changed: labels, reacknowledge: toAsk.length },
    })
    return { version, changes, reacknowledge: toAsk.length }
  })
}
