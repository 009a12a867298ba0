import { toJurisdiction } from '#app/domain/catalog.ts'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { diffBriefs, toBriefContent, type BriefChange, type BriefContent } from '#app/domain/brief.ts'
import { effectiveOfferStatus, isCommitted, toDeliverableSpecs, type OfferTermsInput } from '#app/domain/offer-terms.ts'
import { NotFoundError } from '#app/utils/errors.ts'

/** One offer as its creator (or their agent) sees it: brand, campaign, terms, deliverables, the brief and what changed in it. */
export async function getCreatorOffer(creatorId: string, offerId: string, now = new Date()) {
  const [row] = await db()
    .select({
      offer: schema.offers,
      campaign: { id: schema.campaigns.id, name: schema.campaigns.name, objective: schema.campaigns.objective, startsOn: schema.campaigns.startsOn, endsOn: schema.campaigns.endsOn },
      brand: { name: schema.brands.name, jurisdiction: schema.brands.jurisdiction },
      briefId: schema.briefs.id,
      briefVersion: schema.briefs.currentVersion,
    })
    .from(schema.offers)
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .innerJoin(schema.brands, eq(schema.brands.id, schema.offers.brandId))
    .leftJoin(schema.briefs, eq(schema.briefs.campaignId, schema.offers.campaignId))
    .where(and(eq(schema.offers.id, offerId), eq(schema.offers.creatorId, creatorId)))
  if (!row) throw new NotFoundError('That offer')
  const { offer } = row
  const current = row.briefVersion ?? 0
  const acknowledged = offer.acknowledgedBriefVersion ?? 0
  const wanted = [current, ...(acknowledged > 0 && acknowledged < current ? [acknowledged] : [])].filter((v) => v > 0)
  const versions =
    row.briefId && wanted.length
      ? await db()
          .select({ version: schema.briefVersions.version, content: schema.briefVersions.content, publishedAt: schema.briefVersions.publishedAt })
          .from(schema.briefVersions)
          .where(and(eq(schema.briefVersions.briefId, row.briefId), inArray(schema.briefVersions.version, wanted)))
      : []
  const byVersion = new Map(versions.map((v) => [v.version, v]))
  const brief: BriefContent | null = byVersion.get(current) ? toBriefContent(byVersion.get(current)!.content) : null
  const committed = isCommitted(offer.status)
  const needsReack = committed && current > acknowledged
  const changes: BriefChange[] =
    needsReack && brief && byVersion.get(acknowledged) ? diffBriefs(toBriefContent(byVersion.get(acknowledged)!.content), brief) : []
  const deliverables = committed
    ? await db()
        .select()
        .from(schema.deliverables)
        .where(and(eq(schema.deliverables.offerId, offer.id), eq(schema.deliverables.creatorId, creatorId)))
        .orderBy(asc(schema.deliverables.draftDueOn), asc(schema.deliverables.position))
    : []
  const terms: OfferTermsInput = {
    connectionType: offer.connectionType,
    feeMinor: offer.feeMinor,
    currency: offer.currency,
    paymentNetDays: offer.paymentNetDays,
    paymentClockStart: offer.paymentClockStart,
    usageRights: offer.usageRights,
    usageMonths: offer.usageMonths,
    usageTerritory: offer.usageTerritory,
    exclusivityCategory: offer.exclusivityCategory,
    exclusivityMonths: offer.exclusivityMonths,
    revisionRounds: offer.revisionRounds,
    giftDescription: offer.giftDescription,
  }
  return {
    offer: {
      id: offer.id,
      status: effectiveOfferStatus(offer, now),
      message: offer.message,
      expiresAt: offer.expiresAt,
      sentAt: offer.sentAt,
      counterFeeMinor: offer.counterFeeMinor,
      counterNote: offer.counterNote,
      responseNote: offer.responseNote,
      acceptedAt: offer.acceptedAt,
      acceptedBriefVersion: offer.acceptedBriefVersion,
      connectionType: offer.connectionType,
      feeMinor: offer.feeMinor,
      usageFeeMinor: offer.usageFeeMinor,
      currency: offer.currency,
      /** An "extend rights" offer (issue #17): the collaboration whose usage rights it extends. */
      extendsOfferId: offer.extendsOfferId,
      usageMonths: offer.usageMonths,
    },
    terms,
    specs: toDeliverableSpecs(offer.deliverableSpecs),
    deliverables: deliverables.map((d) => ({
      id: d.id,
      platform: d.platform,
      format: d.format,
      position: d.position,
      draftDueOn: d.draftDueOn,
      postWindowStart: d.postWindowStart,
      postWindowEnd: d.postWindowEnd,
      status: d.status,
    })),
    campaign: row.campaign,
    brand: row.brand,
    brief,
    briefVersion: current,
    jurisdiction: brief?.jurisdiction ?? toJurisdiction(row.brand.jurisdiction),
    needsReack,
    acknowledgedVersion: acknowledged,
    changes,
  }
}
