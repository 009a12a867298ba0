import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { toDeliverableSpecs, isCommitted } from '#app/domain/offer-terms.ts'
import { followerSanityFlags, isRising, RISING_MAX_AGE_DAYS } from '#app/domain/roster.ts'
import { tierFor } from '#app/domain/tiers.ts'
import { engagements, type EngagementKey } from '#app/domain/metrics.ts'
import { reportSettings } from '#app/domain/report-metrics.ts'
import { NotFoundError } from '#app/utils/errors.ts'
import { loadCreatorPerformance } from './load-creator-performance.server.ts'
import { getOneCreatorAccess } from './get-creator-access.server.ts'
import { accountOwnerLabel, contactFor, followersVisibleTo } from '#app/domain/creator-privacy.ts'
import { getMoneyFigures } from '#app/services/budget/get-money-figures.server.ts'

/** Deliverable rows as offer lines (one line per platform + format, with its quantity). */
function specsOf(ds: { platform: string; format: string }[]) {
  const lines = new Map<string, { platform: string; format: string; quantity: number }>()
  for (const d of ds) {
    const k = `${d.platform}:${d.format}`
    const line = lines.get(k) ?? { platform: d.platform, format: d.format, quantity: 0 }
    line.quantity++
    lines.set(k, line)
  }
  return [...lines.values()]
}

interface FindingLike {
  ruleId?: string
  severity?: string
  message?: string
}

/**
 * Everything the brand knows about one creator on its roster: what the creator shares with it
 * (app/domain/creator-privacy.ts: contacts and their own accounts' counts only with a relationship),
 * the accounts the brand tracks itself, and the brand's own (status, tags, notes, rates, collaborations,
 * payments, disclosure findings). Every brand-owned query is scoped to the brand; a creator who is
 * not on this brand's roster is a 404.
 */
export async function getRosterProfile(brand: { id: string; currency: string; settings: Record<string, unknown> }, creatorId: string, now = new Date()) {
  const [row] = await db()
    .select({ creator: schema.creators, entry: schema.rosterEntries })
    .from(schema.rosterEntries)
    .innerJoin(schema.creators, eq(schema.creators.id, schema.rosterEntries.creatorId))
    .where(and(eq(schema.rosterEntries.brandId, brand.id), eq(schema.rosterEntries.creatorId, creatorId)))
  if (!row) throw new NotFoundError('That creator')

  const [access, allAccounts, notes, offers, invoices, agencies, money] = await Promise.all([
    getOneCreatorAccess(brand.id, creatorId),
    // The creator's own accounts and the ones this brand tracks; never another brand's.
    db()
      .select()
      .from(schema.socialAccounts)
      .where(and(eq(schema.socialAccounts.creatorId, creatorId), or(isNull(schema.socialAccounts.brandId), eq(schema.socialAccounts.brandId, brand.id))))
      .orderBy(asc(schema.socialAccounts.platform), asc(schema.socialAccounts.handle)),
    db()
      .select({ id: schema.creatorNotes.id, body: schema.creatorNotes.body, createdAt: schema.creatorNotes.createdAt, authorName: schema.users.name })
      .from(schema.creatorNotes)
      .leftJoin(schema.users, eq(schema.users.id, schema.creatorNotes.authorUserId))
      .where(and(eq(schema.creatorNotes.brandId, brand.id), eq(schema.creatorNotes.creatorId, creatorId)))
      .orderBy(desc(schema.creatorNotes.createdAt), desc(schema.creatorNotes.id)),
    db()
      .select({ offer: schema.offers, campaignName: schema.campaigns.name })
      .from(schema.offers)
      .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
      .where(and(eq(schema.offers.brandId, brand.id), eq(schema.offers.creatorId, creatorId)))
      .orderBy(desc(schema.offers.sentAt)),
    db()
      .select({
        id: schema.invoices.id,
        number: schema.invoices.number,
        status: schema.invoices.status,
        totalMinor: schema.invoices.totalMinor,
        currency: schema.invoices.currency,
        issueDate: schema.invoices.issueDate,
        dueDate: schema.invoices.dueDate,
        paidAt: schema.invoices.paidAt,
        paymentReference: schema.invoices.paymentReference,
      })
      .from(schema.invoices)
      .where(and(eq(schema.invoices.brandId, brand.id), eq(schema.invoices.creatorId, creatorId)))
      .orderBy(desc(schema.invoices.issueDate)),
    db()
      .select({ name: schema.agencies.name, grantedAt: schema.agentGrants.grantedAt })
      .from(schema.agentGrants)
      .innerJoin(schema.agencies, eq(schema.agencies.id, schema.agentGrants.agencyId))
      .where(and(eq(schema.agentGrants.creatorId, creatorId), isNull(schema.agentGrants.revokedAt))),
    getMoneyFigures(brand.id, { creatorId }),
  ])
  // Follower counts and history of the creator's own accounts only with a relationship (app/domain/creator-privacy.ts).
  const accounts = allAccounts.map((a) => ({ ...a, enteredBy: accountOwnerLabel(a, brand.id)!, countsVisible: followersVisibleTo(a, brand.id, access) }))
  // This creator's share of each campaign's money (app/domain/money-figures.ts), as on the campaign's cost table.
  const moneyByOffer = new Map(money.flatMap((m) => m.collaborations.map((c) => [c.offerId, c] as const)))
  const accountIds = accounts.filter((a) => a.countsVisible).map((a) => a.id)
  const offerIds = offers.map((o) => o.offer.id)
  const [snapshots, deliverables, drafts, posts] = await Promise.all([
    accountIds.length
      ? db().select().from(schema.followerSnapshots).where(inArray(schema.followerSnapshots.socialAccountId, accountIds)).orderBy(asc(schema.followerSnapshots.capturedAt))
      : [],
    offerIds.length
      ? db()
          .select()
          .from(schema.deliverables)
          .where(and(eq(schema.deliverables.brandId, brand.id), inArray(schema.deliverables.offerId, offerIds)))
          .orderBy(asc(schema.deliverables.position))
      : [],
    offerIds.length
      ? db()
          .select({
            deliverableId: schema.draftVersions.deliverableId,
            version: schema.draftVersions.version,
            findings: schema.draftVersions.findings,
            submittedAt: schema.draftVersions.submittedAt,
            decision: schema.draftVersions.decision,
          })
          .from(schema.draftVersions)
          .innerJoin(schema.deliverables, eq(schema.deliverables.id, schema.draftVersions.deliverableId))
          .where(and(eq(schema.draftVersions.brandId, brand.id), eq(schema.deliverables.creatorId, creatorId)))
          .orderBy(desc(schema.draftVersions.submittedAt))
      : [],
    db()
      .select({ id: schema.posts.id, deliverableId: schema.posts.deliverableId, platform: schema.posts.platform, url: schema.posts.url, postedAt: schema.posts.postedAt, status: schema.posts.status, findings: schema.posts.findings })
      .from(schema.posts)
      .where(and(eq(schema.posts.brandId, brand.id), eq(schema.posts.creatorId, creatorId)))
      .orderBy(desc(schema.posts.postedAt)),
  ])
  // Latest snapshot per post, for engagement around follower jumps (this brand's posts only).
  const postIds = posts.map((p) => p.id)
  const metricRows = postIds.length
    ? await db()
        .selectDistinctOn([schema.metricSnapshots.postId])
        .from(schema.metricSnapshots)
        .where(and(eq(schema.metricSnapshots.brandId, brand.id), inArray(schema.metricSnapshots.postId, postIds)))
        .orderBy(schema.metricSnapshots.postId, desc(schema.metricSnapshots.capturedAt), desc(schema.metricSnapshots.createdAt))
    : []
  const followers = new Map(accounts.filter((a) => a.countsVisible).map((a) => [`${creatorId}:${a.platform}`, a.followers]))
  const perf = (await loadCreatorPerformance(brand, [creatorId], followers)).get(creatorId) ?? null
  const settings = reportSettings(brand.settings)
  const set = settings.engagementSet.map((f) => (f === 'postClicks' ? 'clicks' : f)) as EngagementKey[]
  const metricsByPost = new Map(metricRows.map((m) => [m.postId, m]))
  const recent = now.getTime() - RISING_MAX_AGE_DAYS * 86_400_000

  const postsByDeliverable = new Map(posts.map((p) => [p.deliverableId, p]))
  const deliverablesByOffer = new Map<string, typeof deliverables>()
  for (const d of deliverables) deliverablesByOffer.set(d.offerId, [...(deliverablesByOffer.get(d.offerId) ?? []), d])

  const collaborations = offers.map(({ offer: o, campaignName }) => {
    const ds = deliverablesByOffer.get(o.id) ?? []
    let impressions: number | null = null
    let eng: number | null = null
    let measured = 0
    for (const d of ds) {
      const p = postsByDeliverable.get(d.id)
      const m = p ? metricsByPost.get(p.id) : undefined
      if (!m) continue
      measured++
      if (m.impressions !== null) impressions = (impressions ?? 0) + m.impressions
      const e = engagements(m, set)
      if (e !== null) eng = (eng ?? 0) + e
    }
    const m = moneyByOffer.get(o.id)
    const costMinor = m?.costMinor ?? 0
    return {
      offerId: o.id,
      campaignId: o.campaignId,
      campaignName,
      status: o.status,
      sentAt: o.sentAt,
      acceptedAt: o.acceptedAt,
      feeMinor: o.feeMinor,
      usageFeeMinor: o.usageFeeMinor,
      currency: o.currency,
      money: { costMinor, giftingMinor: m?.giftingMinor ?? 0, invoicedMinor: m?.invoicedMinor ?? 0, paidMinor: m?.paidMinor ?? 0 },
      specs: toDeliverableSpecs(o.deliverableSpecs),
      deliverables: ds.map((d) => ({ id: d.id, platform: d.platform, format: d.format, status: d.status, draftDueOn: d.draftDueOn, postWindowEnd: d.postWindowEnd })),
      results: { posts: measured, impressions, engagements: eng, cpe: eng ? costMinor / eng : null, cpm: impressions ? (costMinor / impressions) * 1000 : null },
    }
  })

  const findings = [
    ...drafts.flatMap((d) =>
      (d.findings as FindingLike[]).map((f) => ({ at: d.submittedAt, where: `Draft v${d.version}`, deliverableId: d.deliverableId, ruleId: f.ruleId ?? '', severity: f.severity ?? 'info', message: f.message ?? '' })),
    ),
    ...posts.flatMap((p) =>
      (p.findings as FindingLike[]).map((f) => ({ at: p.postedAt, where: 'Live post', deliverableId: p.deliverableId, ruleId: f.ruleId ?? '', severity: f.severity ?? 'info', message: f.message ?? '' })),
    ),
  ].sort((a, b) => b.at.getTime() - a.at.getTime())

  return {
    /** 'public' until the brand has a committed offer or the creator accepted its invitation: no contact fields, no counts of their own accounts. */
    access,
    creator: {
      id: row.creator.id,
      name: row.creator.name,
      contact: contactFor(access, row.creator),
      hasAccount: Boolean(row.creator.userId),
      consentedAt: row.entry.consentedAt,
    },
    entry: { status: row.entry.status, tags: row.entry.tags, representedBy: row.entry.representedBy, addedAt: row.entry.createdAt, lastCollaborationAt: row.entry.lastCollaborationAt, totalPaidMinor: row.entry.totalPaidMinor, onTimeRateBp: row.entry.onTimeRateBp },
    agencies,
    accounts: accounts.map((a) => {
      const base = { id: a.id, platform: a.platform, handle: a.handle, profileUrl: a.profileUrl, enteredBy: a.enteredBy }
      if (!a.countsVisible) {
        return { ...base, countsVisible: false as const, followers: null, followersAt: null, tier: null, growth90dBp: null, rising: false, engagementRate: null, history: [], flags: [] }
      }
      const history = snapshots.filter((s) => s.socialAccountId === a.id).map((s) => ({ capturedAt: s.capturedAt, followers: s.followers, source: s.source }))
      const platformPosts = posts
        .filter((p) => p.platform === a.platform)
        .flatMap((p) => {
          const m = metricsByPost.get(p.id)
          const e = m ? engagements(m, set) : null
          return e === null ? [] : [{ at: p.postedAt, engagements: e }]
        })
      return {
        ...base,
        countsVisible: true as const,
        followers: a.followers as number | null,
        followersAt: a.followersAt,
        tier: tierFor(a.followers),
        growth90dBp: a.growth90dBp,
        rising: Boolean(a.followersAt && a.followersAt.getTime() >= recent) && isRising(a.followers, a.growth90dBp),
        engagementRate: perf?.byPlatform[a.platform]?.engagementRate ?? null,
        history,
        flags: followerSanityFlags(history, platformPosts),
      }
    }),
    notes,
    rates: collaborations
      .filter((c) => isCommitted(c.status))
      .map((c) => ({ offerId: c.offerId, campaignName: c.campaignName, agreedAt: c.acceptedAt ?? c.sentAt, specs: c.specs.length ? c.specs : specsOf(c.deliverables), feeMinor: c.feeMinor, usageFeeMinor: c.usageFeeMinor, currency: c.currency })),
    collaborations,
    /** Totals in the brand's currency over this creator's collaborations (money-figures). */
    money: {
      currency: brand.currency,
      costMinor: collaborations.filter((c) => c.currency === brand.currency).reduce((s, c) => s + c.money.costMinor, 0),
      invoicedMinor: collaborations.filter((c) => c.currency === brand.currency).reduce((s, c) => s + c.money.invoicedMinor, 0),
      paidMinor: collaborations.filter((c) => c.currency === brand.currency).reduce((s, c) => s + c.money.paidMinor, 0),
    },
    invoices,
    findings,
    costPerEngagement: perf?.costPerEngagement ?? null,
  }
}
