import { and, asc, eq } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { CONNECTION_LABEL, toJurisdiction, type ConnectionType, type Jurisdiction } from '#app/domain/catalog.ts'
import type { ContractFacts } from '#app/domain/contracts.ts'
import { toBriefContent } from '#app/domain/brief.ts'
import { disclosureRequirements } from '#app/domain/disclosure/index.ts'
import { PAYMENT_CLOCK_LABEL, deliverableLabel, moneyWords, termsSentences, toDeliverableSpecs, type PaymentClockStart } from '#app/domain/offer-terms.ts'

type OfferRow = typeof schema.offers.$inferSelect

/** Everything a template's placeholders stand for, from the offer's current terms and the brief version it was accepted with. */
export async function buildContractFacts(tx: DbOrTx, offer: OfferRow, contractVersion: number, now: Date): Promise<{ facts: ContractFacts; jurisdiction: string }> {
  const [row] = await tx
    .select({ brand: schema.brands, creator: schema.creators, campaign: schema.campaigns, briefId: schema.briefs.id })
    .from(schema.offers)
    .innerJoin(schema.brands, eq(schema.brands.id, schema.offers.brandId))
    .innerJoin(schema.creators, eq(schema.creators.id, schema.offers.creatorId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .leftJoin(schema.briefs, eq(schema.briefs.campaignId, schema.offers.campaignId))
    .where(eq(schema.offers.id, offer.id))
  if (!row) throw new Error(`offer ${offer.id} missing`)
  const briefVersion = offer.acceptedBriefVersion ?? 0
  const [bv] =
    row.briefId && briefVersion
      ? await tx
          .select({ content: schema.briefVersions.content })
          .from(schema.briefVersions)
          .where(and(eq(schema.briefVersions.briefId, row.briefId), eq(schema.briefVersions.version, briefVersion)))
      : []
  const brief = bv ? toBriefContent(bv.content) : null
  const jurisdiction: string = brief?.jurisdiction ?? row.brand.jurisdiction
  const disclosureJurisdiction: Jurisdiction = toJurisdiction(jurisdiction)
  const deliverables = await tx.select().from(schema.deliverables).where(eq(schema.deliverables.offerId, offer.id)).orderBy(asc(schema.deliverables.draftDueOn), asc(schema.deliverables.position))
  const specs = toDeliverableSpecs(offer.deliverableSpecs)
  const lines = deliverables.length
    ? deliverables.map((d) => `• ${deliverableLabel(d)}${d.position > 1 ? ` #${d.position}` : ''}: draft due ${d.draftDueOn ?? 'when agreed'}, posted between ${d.postWindowStart ?? 'acceptance'} and ${d.postWindowEnd ?? 'the campaign end'}.`)
    : specs.map((d) => `• ${deliverableLabel(d)}`)
  const terms = termsSentences(offer)
  const usage = terms.find((s) => s.startsWith('The brand may')) ?? 'The brand may not reuse the content.'
  const exclusivity = offer.exclusivityCategory && offer.exclusivityMonths > 0
    ? `The Creator will not work with other ${offer.exclusivityCategory} brands for ${offer.exclusivityMonths} month${offer.exclusivityMonths === 1 ? '' : 's'} from the signature.`
    : 'No exclusivity: the Creator is free to work with other brands.'
  const disclosure = [
    ...new Set(
      specs.map((s) => disclosureRequirements({ platform: s.platform, format: s.format, connectionType: offer.connectionType as ConnectionType, jurisdiction: disclosureJurisdiction, brandName: row.brand.name, mandatory: brief ? { hashtags: brief.hashtags, handles: brief.handles, links: brief.links } : null }).captionRules[0] ?? ''),
    ),
  ]
    .filter(Boolean)
    .join(' ')
  // A rights-extension offer (issue #17): the fee is for the extra months, and the licence runs on from the current one.
  const extension = offer.extendsOfferId
    ? `The Brand's licence to the content of the collaboration in ${row.campaign.name} is extended by ${offer.usageMonths} month${offer.usageMonths === 1 ? '' : 's'} (${offer.usageRights === 'paid' ? 'organic repost and paid ads / whitelisting' : 'organic repost'}${offer.usageTerritory ? `, ${offer.usageTerritory}` : ''}), from the day after the current licence ends, or from the day this version is countersigned if it has already ended.`
    : null
  const clock = PAYMENT_CLOCK_LABEL[offer.paymentClockStart as PaymentClockStart] ?? offer.paymentClockStart
  const fee = offer.feeMinor + offer.usageFeeMinor
  const facts: ContractFacts = {
    'brand.name': row.brand.name,
    'brand.legalName': row.brand.legalName || row.brand.name,
    'creator.name': row.creator.name,
    'creator.email': row.creator.email,
    'creator.country': row.creator.country ?? 'not given',
    'campaign.name': row.campaign.name,
    'offer.connection': CONNECTION_LABEL[offer.connectionType as ConnectionType] ?? offer.connectionType,
    'offer.fee': extension ? `${moneyWords(fee, offer.currency)} for extending the usage rights` : offer.usageFeeMinor > 0 ? `${moneyWords(fee, offer.currency)} (${moneyWords(offer.feeMinor, offer.currency)} for the content and ${moneyWords(offer.usageFeeMinor, offer.currency)} for the usage rights)` : moneyWords(offer.feeMinor, offer.currency),
    'offer.paymentTerms': fee > 0 ? `Paid within ${offer.paymentNetDays} days ${clock}, against the Creator's invoice.` : 'There is no cash fee.',
    'offer.deliverables': lines.join('\n') || '• No deliverables (this contract covers usage rights only).',
    'offer.usageRights': extension ?? usage.replace('your content', 'the content'),
    'offer.exclusivity': exclusivity,
    'offer.revisionRounds': offer.revisionRounds === 0 ? 'Drafts are approved as submitted (no revision rounds).' : `${offer.revisionRounds} round${offer.revisionRounds === 1 ? '' : 's'} of revisions included.`,
    'offer.gift': offer.giftDescription ? `Product given: ${offer.giftDescription}.` : '',
    'offer.disclosure': disclosure || 'the disclosure the brief asks for.',
    'offer.jurisdiction': jurisdiction,
    'brief.version': briefVersion ? String(briefVersion) : 'none published',
    'contract.version': String(contractVersion),
    'contract.date': now.toISOString().slice(0, 10),
  }
  return { facts, jurisdiction }
}
