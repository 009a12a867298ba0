import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { diffBriefs, emptyBrief, toBriefContent, type BriefContent } from '#app/domain/brief.ts'
import type { Jurisdiction } from '#app/domain/catalog.ts'
import { COMMITTED_OFFER_STATUSES, effectiveOfferStatus, toDeliverableSpecs, type OfferDeliverableSpec } from '#app/domain/offer-terms.ts'
import { NotFoundError } from '#app/utils/errors.ts'
import { getCommitted } from '#app/services/budget/get-committed.server.ts'

export interface CampaignOfferRow {
  id: string
  creatorId: string
  creatorName: string
  status: string
  feeMinor: number
  currency: string
  counterFeeMinor: number | null
  counterNote: string | null
  responseNote: string | null
  expiresAt: Date | null
  sentAt: Date
  acceptedAt: Date | null
  acceptedBriefVersion: number | null
  acknowledgedBriefVersion: number | null
  representedBy: string | null
  deliverables: OfferDeliverableSpec[]
}

/** One campaign of the brand with its brief and offers (404 for anyone else's). */
export async function getCampaign(brandId: string, campaignId: string, now = new Date()) {
  const [campaign] = await db()
    .select()
    .from(schema.campaigns)
    .where(and(eq(schema.campaigns.id, campaignId), eq(schema.campaigns.brandId, brandId)))
  if (!campaign) throw new NotFoundError('That campaign')
  const [[brief], offers, committedMinor] = await Promise.all([
    db().select().from(schema.briefs).where(and(eq(schema.briefs.campaignId, campaignId), eq(schema.briefs.brandId, brandId))),
    db()
      .select({ offer: schema.offers, creatorName: schema.creators.name, representedBy: schema.rosterEntries.representedBy })
      .from(schema.offers)
      .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
      .leftJoin(schema.rosterEntries, and(eq(schema.rosterEntries.creatorId, schema.offers.creatorId), eq(schema.rosterEntries.brandId, brandId)))
      .where(and(eq(schema.offers.brandId, brandId), eq(schema.offers.campaignId, campaignId)))
      .orderBy(asc(schema.creators.name), desc(schema.offers.sentAt)),
    getCommitted(db(), brandId, campaignId),
  ])
  const versions = brief
    ? await db()
        .select()
        .from(schema.briefVersions)
        .where(and(eq(schema.briefVersions.briefId, brief.id), eq(schema.briefVersions.brandId, brandId)))
        .orderBy(desc(schema.briefVersions.version))
    : []
  const fallback = 'US' as Jurisdiction
  const published: BriefContent | null = versions[0] ? toBriefContent(versions[0].content, fallback) : null
  return {
    campaign,
    committedMinor,
    brief: !brief
      ? { id: null, draft: emptyBrief(fallback), currentVersion: 0, published: null, versions: [] }
      : {
          id: brief.id,
          draft: toBriefContent(brief.draft, fallback),
          currentVersion: brief.currentVersion,
          published,
          versions: versions.map((v, i) => ({
            version: v.version,
            publishedAt: v.publishedAt,
            changed: versions[i + 1] ? diffBriefs(toBriefContent(versions[i + 1]!.content, fallback), toBriefContent(v.content, fallback)).map((c) => c.label) : null,
          })),
        },
    offers: offers.map(
      (r): CampaignOfferRow => ({
        id: r.offer.id,
        creatorId: r.offer.creatorId,
        creatorName: r.creatorName,
        status: effectiveOfferStatus(r.offer, now),
        feeMinor: r.offer.feeMinor,
        currency: r.offer.currency,
        counterFeeMinor: r.offer.counterFeeMinor,
        counterNote: r.offer.counterNote,
        responseNote: r.offer.responseNote,
        expiresAt: r.offer.expiresAt,
        sentAt: r.offer.sentAt,
        acceptedAt: r.offer.acceptedAt,
        acceptedBriefVersion: r.offer.acceptedBriefVersion,
        acknowledgedBriefVersion: r.offer.acknowledgedBriefVersion,
        representedBy: r.representedBy,
        deliverables: toDeliverableSpecs(r.offer.deliverableSpecs),
      }),
    ),
  }
}
