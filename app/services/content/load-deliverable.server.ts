import { and, asc, desc, eq } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { toBriefContent, type BriefContent } from '#app/domain/brief.ts'
import { toJurisdiction, type ConnectionType, type Format, type Jurisdiction, type Platform } from '#app/domain/catalog.ts'
import { attestationsFor, checkCaption, disclosureRequirements, type CaptionCheckInput } from '#app/domain/disclosure/index.ts'
import { NotFoundError } from '#app/utils/errors.ts'

export type DeliverableScope = { creatorId: string } | { brandId: string }

/**
 * One deliverable with what the draft loop needs: brand, campaign, creator, the offer's connection type
 * and revision rounds, the campaign's published brief and the checker input built from it. Scoped to
 * the creator or the brand: anything else is NotFoundError. `forUpdate` locks the deliverable row.
 */
export async function loadDeliverable(tx: DbOrTx, scope: DeliverableScope, deliverableId: string, opts: { forUpdate?: boolean } = {}) {
  const where =
    'creatorId' in scope
      ? and(eq(schema.deliverables.id, deliverableId), eq(schema.deliverables.creatorId, scope.creatorId))
      : and(eq(schema.deliverables.id, deliverableId), eq(schema.deliverables.brandId, scope.brandId))
  const q = tx
    .select({
      deliverable: schema.deliverables,
      brand: { id: schema.brands.id, name: schema.brands.name, slug: schema.brands.slug, jurisdiction: schema.brands.jurisdiction },
      campaign: { id: schema.campaigns.id, name: schema.campaigns.name, createdByUserId: schema.campaigns.createdByUserId },
      creator: { id: schema.creators.id, name: schema.creators.name, email: schema.creators.email },
      offer: {
        id: schema.offers.id,
        connectionType: schema.offers.connectionType,
        revisionRounds: schema.offers.revisionRounds,
        acceptedAt: schema.offers.acceptedAt,
        status: schema.offers.status,
      },
    })
    .from(schema.deliverables)
    .innerJoin(schema.brands, eq(schema.brands.id, schema.deliverables.brandId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.deliverables.campaignId))
    .innerJoin(schema.creators, eq(schema.creators.id, schema.deliverables.creatorId))
    .innerJoin(schema.offers, eq(schema.offers.id, schema.deliverables.offerId))
    .where(where)
    .limit(1)
  const [row] = opts.forUpdate ? await q.for('update', { of: schema.deliverables }) : await q
  if (!row) throw new NotFoundError('That deliverable')
  const [briefRow] = await tx
    .select({ content: schema.briefVersions.content, version: schema.briefVersions.version })
    .from(schema.briefs)
    .innerJoin(schema.briefVersions, and(eq(schema.briefVersions.briefId, schema.briefs.id), eq(schema.briefVersions.version, schema.briefs.currentVersion)))
    .where(eq(schema.briefs.campaignId, row.campaign.id))
    .limit(1)
  const [promo] = await tx
    .select({ code: schema.promoCodes.code })
    .from(schema.promoCodes)
    .where(eq(schema.promoCodes.offerId, row.offer.id))
    .orderBy(asc(schema.promoCodes.createdAt))
    .limit(1)
  const fallback = toJurisdiction(row.brand.jurisdiction)
  const brief: BriefContent | null = briefRow ? toBriefContent(briefRow.content, fallback) : null
  const checkInput: Omit<CaptionCheckInput, 'caption'> = {
    platform: row.deliverable.platform as Platform,
    format: row.deliverable.format as Format,
    connectionType: row.offer.connectionType as ConnectionType,
    jurisdiction: brief?.jurisdiction ?? fallback,
    brandName: row.brand.name,
    mandatory: { hashtags: brief?.hashtags ?? [], handles: brief?.handles ?? [], links: brief?.links ?? [], promoCode: promo?.code ?? null },
    bannedWords: brief?.bannedWords ?? [],
    approvedClaims: brief?.approvedClaims ?? [],
  }
  return {
    ...row,
    brief,
    briefVersion: briefRow?.version ?? 0,
    checkInput,
    requirements: disclosureRequirements({ ...checkInput, mandatory: checkInput.mandatory, mediaAlteration: brief?.mediaAlteration }),
    attestations: attestationsFor(checkInput.platform, checkInput.format, { jurisdiction: checkInput.jurisdiction, mediaAlteration: brief?.mediaAlteration }),
  }
}

export type LoadedDeliverable = Awaited<ReturnType<typeof loadDeliverable>>

/** The checker, exactly as the page runs it while the creator types. */
export function findingsFor(d: Pick<LoadedDeliverable, 'checkInput'>, caption: string) {
  return checkCaption({ ...d.checkInput, caption })
}

/** A draft version of the brand (and its deliverable, locked when `forUpdate`), or NotFoundError. */
export async function loadBrandDraft(tx: DbOrTx, brandId: string, draftId: string, opts: { forUpdate?: boolean } = {}) {
  const [draft] = await tx
    .select()
    .from(schema.draftVersions)
    .where(and(eq(schema.draftVersions.id, draftId), eq(schema.draftVersions.brandId, brandId)))
    .limit(1)
  if (!draft) throw new NotFoundError('That draft')
  const d = await loadDeliverable(tx, { brandId }, draft.deliverableId, opts)
  const [latest] = await tx
    .select({ id: schema.draftVersions.id, version: schema.draftVersions.version })
    .from(schema.draftVersions)
    .where(eq(schema.draftVersions.deliverableId, draft.deliverableId))
    .orderBy(desc(schema.draftVersions.version))
    .limit(1)
  return { ...d, draft, isLatest: latest?.id === draft.id }
}
