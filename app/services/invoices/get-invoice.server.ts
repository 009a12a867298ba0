import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor, CreatorActor } from '#app/auth/guards.server.ts'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { NotFoundError } from '#app/utils/errors.ts'
import type { InvoiceMatch } from './compute-invoice-match.server.ts'
import { dueState, hasBlocking, latestTaxForm, payeeFromKey, todayIso } from './invoice-rules.server.ts'
import { compareCodes } from '#app/domain/compare-text.ts'
import { selectInvoicesWithParties } from './select-invoices-with-parties.server.ts'

async function loadInvoice(where: SQL) {
  const [row] = await selectInvoicesWithParties({ offer: schema.offers, brandLegalName: schema.brands.legalName })
    .where(where)
  if (!row) throw new NotFoundError('That invoice')
  const lines = await db().select().from(schema.invoiceLines).where(eq(schema.invoiceLines.invoiceId, row.invoice.id)).orderBy(asc(schema.invoiceLines.kind), asc(schema.invoiceLines.description))
  const i = row.invoice
  const match = i.match as unknown as Partial<InvoiceMatch>
  const due = dueState(i, todayIso())
  return {
    row,
    view: {
      id: i.id,
      number: i.number,
      status: i.status,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      late: due.late,
      aging: due.aging,
      currency: i.currency,
      subtotalMinor: i.subtotalMinor,
      taxMinor: i.taxMinor,
      totalMinor: i.totalMinor,
      creatorId: i.creatorId,
      creatorName: row.creatorName,
      payeeKind: i.payeeAgencyId ? ('agency' as const) : ('creator' as const),
      payeeName: match.payeeName ?? (i.payeeAgencyId ? (row.agencyLegal ?? row.agencyName ?? '') : row.creatorName),
      billTo: row.brandLegalName ?? row.brandName,
      brandName: row.brandName,
      campaignName: row.campaignName,
      offerId: i.offerId,
      matchOk: i.matchOk,
      checks: match.checks ?? [],
      matchComputedAt: match.computedAt ?? null,
      exceptionNote: i.exceptionNote,
      rejectReason: i.rejectReason,
      approvedAt: i.approvedAt?.toISOString() ?? null,
      approvedByUserId: i.approvedByUserId,
      paidOn: i.paidAt ? i.paidAt.toISOString().slice(0, 10) : null,
      paymentMethod: i.paymentMethod,
      paymentReference: i.paymentReference,
      createdAt: i.createdAt.toISOString(),
      lines: lines.map((l) => ({ id: l.id, kind: l.kind, description: l.description, amountMinor: l.amountMinor, deliverableId: l.deliverableId })),
    },
  }
}

/** A creator's own invoice (the printable page). Agents without 'see_payments' get no amounts. */
export async function getCreatorInvoice(actor: Pick<CreatorActor, 'creator' | 'via'>, invoiceId: string) {
  const { view } = await loadInvoice(and(eq(schema.invoices.id, invoiceId), eq(schema.invoices.creatorId, actor.creator.id))!)
  const hide = actor.via.kind === 'agent' && !actor.via.scopes.includes('see_payments')
  if (!hide) return { invoice: view, amountsHidden: false }
  return {
    invoice: { ...view, subtotalMinor: null, taxMinor: null, totalMinor: null, lines: view.lines.map((l) => ({ ...l, amountMinor: null })) },
    amountsHidden: true,
  }
}

/**
 * A brand's invoice with the three columns the desk compares: the contract (fee, usage, deliverables,
 * invoiced to date), the proof of delivery (each deliverable's status and live post) and the invoice lines,
 * plus the match and the payee's tax form status.
 */
export async function getBrandInvoice(actor: Pick<BrandActor, 'brand'>, invoiceId: string) {
  const { row, view } = await loadInvoice(and(eq(schema.invoices.id, invoiceId), eq(schema.invoices.brandId, actor.brand.id))!)
  const offer = row.offer
  const deliverables = await db().select().from(schema.deliverables).where(eq(schema.deliverables.offerId, offer.id))
  deliverables.sort((a, b) => compareCodes(a.platform, b.platform) || compareCodes(a.format, b.format) || a.position - b.position)
  const ids = deliverables.map((d) => d.id)
  const posts = ids.length ? await db().select().from(schema.posts).where(inArray(schema.posts.deliverableId, ids)) : []
  const drafts = ids.length
    ? await db().select().from(schema.draftVersions).where(inArray(schema.draftVersions.deliverableId, ids)).orderBy(desc(schema.draftVersions.version))
    : []
  const others = await db()
    .select({ id: schema.invoices.id, number: schema.invoices.number, status: schema.invoices.status, totalMinor: schema.invoices.totalMinor })
    .from(schema.invoices)
    .where(and(eq(schema.invoices.offerId, offer.id), eq(schema.invoices.brandId, actor.brand.id)))
  const invoicedToDate = others.filter((o) => o.id !== view.id && ['submitted', 'approved', 'paid'].includes(o.status)).reduce((s, o) => s + o.totalMinor, 0)
  const form = await latestTaxForm(db(), payeeFromKey(row.invoice.payeeKey))
  const invoiced = new Set(view.lines.map((l) => l.deliverableId))
  return {
    invoice: view,
    contract: {
      feeMinor: offer.feeMinor,
      usageFeeMinor: offer.usageFeeMinor,
      usageRights: offer.usageRights,
      currency: offer.currency,
      paymentNetDays: offer.paymentNetDays,
      paymentClockStart: offer.paymentClockStart,
      acceptedAt: offer.acceptedAt?.toISOString() ?? null,
      invoicedToDateMinor: invoicedToDate,
      otherInvoices: others.filter((o) => o.id !== view.id),
    },
    delivery: deliverables.map((d) => {
      const post = posts.find((p) => p.deliverableId === d.id)
      const draft = drafts.find((x) => x.deliverableId === d.id)
      return {
        id: d.id,
        label: `${deliverableLabel(d)} #${d.position}`,
        status: d.status,
        invoiced: invoiced.has(d.id),
        draftDecision: draft?.decision ?? null,
        postUrl: post?.url ?? null,
        postStatus: post?.status ?? null,
        postVerifiedAt: post?.verifiedAt?.toISOString() ?? null,
        blocking: hasBlocking(post?.findings) || hasBlocking(draft?.findings),
      }
    }),
    taxForm: form ? { kind: form.kind, legalName: form.legalName, status: form.status, id: form.id } : null,
  }
}
