import { and, eq, gt, inArray, isNull, lt, notExists, or, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { preparedQuery } from '#app/db.server.ts'
import { COMMITTED_OFFER_STATUSES, deliverableLabel } from '#app/domain/offer-terms.ts'
import { listCreatorPostTodos } from '#app/services/posts/list-creator-post-todos.server.ts'
import { compareCodes } from '#app/domain/compare-text.ts'

/**
 * The creator's to-do list: one typed item per thing to act on, each with its date, its brand and
 * campaign, and one link with the button's words (SCREENS.md: Read offer, Upload draft, Answer
 * feedback, Add post link, Fix post, Add 7-day / 30-day stats, Send invoice).
 */
export type TodoKind = 'offer' | 'brief_reack' | 'draft_due' | 'feedback' | 'post_link' | 'post_fix' | 'stats_7' | 'stats_30' | 'invoice'

export type CreatorTodo = {
  kind: TodoKind
  id: string
  /** ISO timestamp or YYYY-MM-DD; null when nothing is due. */
  date: string | null
  title: string
  detail: string
  href: string
  action: string
  brand: string
  campaign: string
  /** For an agent's combined list: whose item this is. */
  creatorId: string
  creatorName?: string
  feeMinor?: number
  currency?: string
}

const deliverableName = (platform: string, format: string) => deliverableLabel({ platform, format })

const creatorIdP = sql.placeholder('creatorId')
const nowP = sql.placeholder('now')
const d = schema.deliverables
const openOffers = preparedQuery((database, name) =>
  database
    .select({
      id: schema.offers.id,
      expiresAt: schema.offers.expiresAt,
      feeMinor: schema.offers.feeMinor,
      currency: schema.offers.currency,
      campaign: schema.campaigns.name,
      brand: schema.brands.name,
      responseNote: schema.offers.responseNote,
    })
    .from(schema.offers)
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .innerJoin(schema.brands, eq(schema.brands.id, schema.offers.brandId))
    .where(and(eq(schema.offers.creatorId, creatorIdP), eq(schema.offers.status, 'invited'), or(isNull(schema.offers.expiresAt), gt(schema.offers.expiresAt, nowP))))
    .prepare(`${name}o`),
)

const briefsToReack = preparedQuery((database, name) =>
  database
    .select({
      id: schema.offers.id,
      version: schema.briefs.currentVersion,
      campaign: schema.campaigns.name,
      brand: schema.brands.name,
      publishedAt: sql<Date | string | null>`(select max(${schema.briefVersions.publishedAt}) from ${schema.briefVersions} where ${schema.briefVersions.briefId} = ${schema.briefs.id})`,
    })
    .from(schema.offers)
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, schema.offers.campaignId))
    .innerJoin(schema.brands, eq(schema.brands.id, schema.offers.brandId))
    .innerJoin(schema.briefs, eq(schema.briefs.campaignId, schema.offers.campaignId))
    .where(
      and(
        eq(schema.offers.creatorId, creatorIdP),
        inArray(schema.offers.status, [...COMMITTED_OFFER_STATUSES]),
        or(isNull(schema.offers.acknowledgedBriefVersion), lt(schema.offers.acknowledgedBriefVersion, schema.briefs.currentVersion)),
      ),
    )
    .prepare(`${name}b`),
)

// Drafts to upload (pending) and feedback to answer (changes requested), on live collaborations only.
const draftsToDo = preparedQuery((database, name) =>
  database
    .select({ id: d.id, status: d.status, platform: d.platform, format: d.format, draftDueOn: d.draftDueOn, campaign: schema.campaigns.name, brand: schema.brands.name })
    .from(d)
    .innerJoin(schema.offers, eq(schema.offers.id, d.offerId))
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, d.campaignId))
    .innerJoin(schema.brands, eq(schema.brands.id, d.brandId))
    .where(and(eq(d.creatorId, creatorIdP), inArray(d.status, ['pending', 'changes_requested']), inArray(schema.offers.status, [...COMMITTED_OFFER_STATUSES])))
    .prepare(`${name}d`),
)

// Verified deliverables not on any live invoice (submitted, approved or paid): one item per collaboration.
const invoiceableWork = preparedQuery((database, name) =>
  database
    .select({ offerId: d.offerId, campaign: schema.campaigns.name, brand: schema.brands.name, count: sql<number>`count(*)::int` })
    .from(d)
    .innerJoin(schema.campaigns, eq(schema.campaigns.id, d.campaignId))
    .innerJoin(schema.brands, eq(schema.brands.id, d.brandId))
    .where(
      and(
        eq(d.creatorId, creatorIdP),
        eq(d.status, 'verified'),
        notExists(
          database
            .select({ one: sql`1` })
            .from(schema.invoiceLines)
            .innerJoin(schema.invoices, eq(schema.invoices.id, schema.invoiceLines.invoiceId))
            .where(and(eq(schema.invoiceLines.deliverableId, d.id), inArray(schema.invoices.status, ['submitted', 'approved', 'paid']))),
        ),
      ),
    )
    .groupBy(d.offerId, schema.campaigns.name, schema.brands.name)
    .prepare(`${name}i`),
)

export async function getCreatorTodos(creatorId: string, now = new Date()): Promise<CreatorTodo[]> {
  const base = `/c/${creatorId}`
  const [open, reack, drafts, postTodos, invoiceable] = await Promise.all([
    openOffers().execute({ creatorId, now: now.toISOString() }),
    briefsToReack().execute({ creatorId }),
    draftsToDo().execute({ creatorId }),
    listCreatorPostTodos(creatorId, now),
    invoiceableWork().execute({ creatorId }),
  ])
  const todos: CreatorTodo[] = [
    ...open.map(
      (o): CreatorTodo => ({
        kind: 'offer',
        id: o.id,
        date: o.expiresAt ? new Date(o.expiresAt).toISOString() : null,
        title: `Answer ${o.brand}'s offer: ${o.campaign}`,
        detail: o.responseNote ? `The brand declined your counter: “${o.responseNote}”` : 'Accept, counter or decline before it expires.',
        href: `${base}/offers/${o.id}`,
        action: 'Read offer',
        brand: o.brand,
        campaign: o.campaign,
        creatorId,
        feeMinor: o.feeMinor,
        currency: o.currency,
      }),
    ),
    ...reack.map(
      (r): CreatorTodo => ({
        kind: 'brief_reack',
        id: r.id,
        date: null,
        title: `Re-read the updated brief: ${r.campaign}`,
        detail: `${r.brand} published version ${r.version}. Confirm you have seen the changes.`,
        href: `${base}/offers/${r.id}#reack`,
        action: 'Read brief',
        brand: r.brand,
        campaign: r.campaign,
        creatorId,
      }),
    ),
    ...drafts.map(
      (x): CreatorTodo =>
        x.status === 'pending'
          ? {
              kind: 'draft_due',
              id: x.id,
              date: x.draftDueOn,
              title: `Upload your draft: ${deliverableName(x.platform, x.format)}`,
              detail: `${x.brand} · ${x.campaign}`,
              href: `${base}/deliverables/${x.id}`,
              action: 'Upload draft',
              brand: x.brand,
              campaign: x.campaign,
              creatorId,
            }
          : {
              kind: 'feedback',
              id: x.id,
              date: x.draftDueOn,
              title: `Answer feedback: ${deliverableName(x.platform, x.format)}`,
              detail: `${x.brand} asked for changes · ${x.campaign}`,
              href: `${base}/deliverables/${x.id}`,
              action: 'Answer feedback',
              brand: x.brand,
              campaign: x.campaign,
              creatorId,
            },
    ),
    ...postTodos.map(
      (p): CreatorTodo => ({
        kind: p.kind,
        id: p.deliverableId,
        date: p.due,
        title:
          p.kind === 'post_link'
            ? 'Add the link to your live post'
            : p.kind === 'post_fix'
              ? 'Fix your live post: the brand sent it back'
              : p.kind === 'stats_7'
                ? 'Add your 7-day stats'
                : 'Add your 30-day stats',
        detail: `${p.brandName} · ${p.campaignName}`,
        href: `${base}${p.to}`,
        action: p.kind === 'post_fix' ? 'Fix post' : p.label,
        brand: p.brandName,
        campaign: p.campaignName,
        creatorId,
      }),
    ),
    ...invoiceable.map(
      (i): CreatorTodo => ({
        kind: 'invoice',
        id: i.offerId,
        date: null,
        title: `Send your invoice: ${i.campaign}`,
        detail: `${i.count === 1 ? 'One verified post is' : `${i.count} verified posts are`} ready to invoice to ${i.brand}.`,
        href: `${base}/invoices/new?offer=${i.offerId}`,
        action: 'Send invoice',
        brand: i.brand,
        campaign: i.campaign,
        creatorId,
      }),
    ),
  ]
  return sortTodos(todos)
}

/** Soonest first (calendar dates and timestamps compare on their day); undated items last. */
export function sortTodos(todos: CreatorTodo[]): CreatorTodo[] {
  // ISO dates and timestamps order as plain strings (localeCompare built a collator per call).
  return todos.sort((a, b) => compareCodes(a.date ?? '9999', b.date ?? '9999'))
}
