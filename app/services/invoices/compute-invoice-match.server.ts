import { and, desc, eq, inArray, ne } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { deliverableLabel, moneyWords } from '#app/domain/offer-terms.ts'
import {
  LIVE_INVOICE_STATUSES,
  billedDeliverables,
  daysBetween,
  hasBlocking,
  latestTaxForm,
  payeeFromKey,
  sameLegalName,
} from './invoice-rules.server.ts'
import { getContractBlocker } from '#app/services/contracts/get-contract-blocker.server.ts'

export type MatchGroup = 'contract' | 'delivery' | 'payee' | 'duplicates'
export interface MatchCheck {
  id: string
  group: MatchGroup
  ok: boolean
  label: string
  /** A sentence saying what is wrong (failed checks only). */
  reason?: string
}
export interface InvoiceMatch {
  checks: MatchCheck[]
  payeeName: string
  computedAt: string
}

export const DUPLICATE_AMOUNT_WINDOW_DAYS = 30

/**
 * The three-way match (contract <-> proof of delivery <-> invoice) plus payee and duplicate checks,
 * computed from the rows as they are now. Every failed check carries a reason sentence; the invoice
 * matches when every check passes. Stored on the invoice by the caller.
 */
export async function computeInvoiceMatch(tx: DbOrTx, invoiceId: string, now = new Date()): Promise<{ match: InvoiceMatch; ok: boolean }> {
  const [invoice] = await tx.select().from(schema.invoices).where(eq(schema.invoices.id, invoiceId))
  if (!invoice) throw new Error(`invoice ${invoiceId} missing`)
  const lines = await tx.select().from(schema.invoiceLines).where(eq(schema.invoiceLines.invoiceId, invoiceId))
  const [offer] = await tx.select().from(schema.offers).where(eq(schema.offers.id, invoice.offerId))
  if (!offer) throw new Error('offer missing')
  const deliverables = await tx.select().from(schema.deliverables).where(eq(schema.deliverables.offerId, offer.id))
  const byId = new Map(deliverables.map((d) => [d.id, d]))
  const label = (id: string) => {
    const d = byId.get(id)
    return d ? `${deliverableLabel(d)} #${d.position}` : 'an unknown deliverable'
  }
  const checks: MatchCheck[] = []
  const money = (m: number) => moneyWords(m, invoice.currency)
  const match = (c: MatchCheck) => checks.push(c)

  // ---------------------------------------------------------------- contract
  const others = await tx
    .select({ id: schema.invoices.id, totalMinor: schema.invoices.totalMinor })
    .from(schema.invoices)
    .where(and(eq(schema.invoices.offerId, offer.id), ne(schema.invoices.id, invoice.id), inArray(schema.invoices.status, [...LIVE_INVOICE_STATUSES])))
  const invoicedBefore = others.reduce((s, o) => s + o.totalMinor, 0)
  const ceiling = offer.feeMinor + offer.usageFeeMinor
  const within = invoicedBefore + invoice.totalMinor <= ceiling
  match({
    id: 'contract.amount',
    group: 'contract',
    ok: within && invoice.currency === offer.currency,
    label: 'Amount within the agreed fee',
    reason:
      invoice.currency !== offer.currency
        ? `The invoice is in ${invoice.currency} but the contract is in ${offer.currency}.`
        : within
          ? undefined
          : `Invoiced to date ${money(invoicedBefore)} plus this invoice ${money(invoice.totalMinor)} is ${money(invoicedBefore + invoice.totalMinor)}, more than the agreed ${money(ceiling)}.`,
  })
  const lineProblems: string[] = []
  const seen = new Set<string>()
  for (const l of lines) {
    if (l.kind === 'deliverable') {
      if (!l.deliverableId || !byId.has(l.deliverableId)) lineProblems.push(`the line "${l.description}" is not a deliverable of this contract`)
      else if (seen.has(l.deliverableId)) lineProblems.push(`${label(l.deliverableId)} appears on two lines`)
      else seen.add(l.deliverableId)
    } else if (l.kind === 'usage') {
      if (offer.usageRights === 'none') lineProblems.push('the contract licenses no usage rights, but the invoice bills them')
      else if (l.amountMinor > offer.usageFeeMinor) lineProblems.push(`the usage line ${money(l.amountMinor)} is more than the agreed usage fee ${money(offer.usageFeeMinor)}`)
    }
  }
  const sum = lines.reduce((s, l) => s + l.amountMinor, 0)
  if (sum !== invoice.subtotalMinor) lineProblems.push(`the lines add up to ${money(sum)}, not the subtotal ${money(invoice.subtotalMinor)}`)
  match({
    id: 'contract.lines',
    group: 'contract',
    ok: lineProblems.length === 0,
    label: 'Lines match the contract deliverables',
    reason: lineProblems.length ? `${cap(lineProblems.join('; '))}.` : undefined,
  })

  const contract = await getContractBlocker(tx, offer.id)
  match({
    id: 'contract.signed',
    group: 'contract',
    ok: !contract.blocker,
    label: contract.required ? 'Contract signed by both parties' : 'Contract signed (not required for this collaboration)',
    reason: contract.blocker ?? undefined,
  })

  // ---------------------------------------------------------------- delivery
  const invoicedIds = [...seen]
  const posts = invoicedIds.length ? await tx.select().from(schema.posts).where(inArray(schema.posts.deliverableId, invoicedIds)) : []
  const postBy = new Map(posts.map((p) => [p.deliverableId, p]))
  const drafts = invoicedIds.length
    ? await tx
        .select()
        .from(schema.draftVersions)
        .where(inArray(schema.draftVersions.deliverableId, invoicedIds))
        .orderBy(desc(schema.draftVersions.version))
    : []
  const latestDraft = new Map<string, (typeof drafts)[number]>()
  for (const d of drafts) if (!latestDraft.has(d.deliverableId)) latestDraft.set(d.deliverableId, d)
  const notDelivered: string[] = []
  const blocking: string[] = []
  for (const id of invoicedIds) {
    const d = byId.get(id)!
    const post = postBy.get(id)
    if (!['approved', 'posted', 'verified'].includes(d.status)) notDelivered.push(`${label(id)} is not approved yet`)
    else if (!post || post.status !== 'verified' || d.status !== 'verified') notDelivered.push(`${label(id)} has no verified live post yet`)
    if (hasBlocking(post?.findings) || hasBlocking(latestDraft.get(id)?.findings)) blocking.push(label(id))
  }
  match({
    id: 'delivery.verified',
    group: 'delivery',
    ok: notDelivered.length === 0,
    label: 'Every invoiced deliverable approved and its post verified',
    reason: notDelivered.length ? `${cap(notDelivered.join('; '))}.` : undefined,
  })
  match({
    id: 'delivery.disclosure',
    group: 'delivery',
    ok: blocking.length === 0,
    label: 'No open blocking disclosure finding',
    reason: blocking.length ? `${blocking.join(', ')} ${blocking.length === 1 ? 'has' : 'have'} an open blocking disclosure finding.` : undefined,
  })

  // ---------------------------------------------------------------- payee
  const payee = payeeFromKey(invoice.payeeKey)
  const form = await latestTaxForm(tx, payee)
  const payeeName = String((invoice.match as { payeeName?: string }).payeeName ?? '')
  match({
    id: 'payee.tax_form',
    group: 'payee',
    ok: form?.status === 'verified',
    label: 'Tax form on file and verified',
    reason: !form ? 'No tax form is on file for the payee.' : form.status !== 'verified' ? `The payee's ${form.kind} is on file but not verified by finance yet.` : undefined,
  })
  const nameOk = !!form && sameLegalName(form.legalName, payeeName)
  match({
    id: 'payee.legal_name',
    group: 'payee',
    ok: nameOk,
    label: 'Payee legal name matches the tax form',
    reason: nameOk ? undefined : form ? `The invoice is made out to "${payeeName}" but the tax form says "${form.legalName}".` : 'There is no tax form to compare the payee name with.',
  })

  // ---------------------------------------------------------------- duplicates
  const samePayee = await tx
    .select()
    .from(schema.invoices)
    .where(and(eq(schema.invoices.payeeKey, invoice.payeeKey), ne(schema.invoices.id, invoice.id), inArray(schema.invoices.status, [...LIVE_INVOICE_STATUSES])))
  const sameNumber = samePayee.find((o) => o.normalizedNumber === invoice.normalizedNumber)
  match({
    id: 'duplicate.number',
    group: 'duplicates',
    ok: !sameNumber,
    label: 'Invoice number not used before by this payee',
    reason: sameNumber ? `The payee already submitted invoice ${sameNumber.number}, the same number.` : undefined,
  })
  const sameAmount = samePayee.find(
    (o) =>
      o.totalMinor === invoice.totalMinor &&
      o.currency === invoice.currency &&
      Math.abs(daysBetween(o.issueDate, invoice.issueDate)) <= DUPLICATE_AMOUNT_WINDOW_DAYS,
  )
  match({
    id: 'duplicate.amount',
    group: 'duplicates',
    ok: !sameAmount,
    label: `No invoice for the same amount from this payee within ${DUPLICATE_AMOUNT_WINDOW_DAYS} days`,
    reason: sameAmount
      ? `Invoice ${sameAmount.number} from the same payee is for the same amount (${money(sameAmount.totalMinor)}), issued ${sameAmount.issueDate}.`
      : undefined,
  })
  const billed = await billedDeliverables(tx, invoicedIds, invoice.id)
  const twiceSame = billed.filter((b) => b.payeeKey === invoice.payeeKey)
  const twiceOther = billed.filter((b) => b.payeeKey !== invoice.payeeKey)
  match({
    id: 'duplicate.deliverable',
    group: 'duplicates',
    ok: twiceSame.length === 0,
    label: 'No deliverable billed twice',
    reason: twiceSame.length
      ? `${twiceSame.map((b) => `${label(b.deliverableId!)} is already billed on invoice ${b.number}`).join('; ')}.`
      : undefined,
  })
  match({
    id: 'duplicate.creator_and_agency',
    group: 'duplicates',
    ok: twiceOther.length === 0,
    label: 'Not billed by both the creator and their agency',
    reason: twiceOther.length
      ? `${twiceOther
          .map((b) => `${label(b.deliverableId!)} is already billed by ${b.payeeKey.startsWith('agency:') ? 'the agency' : 'the creator'} on invoice ${b.number}`)
          .join('; ')}.`
      : undefined,
  })

  for (const c of checks) if (c.ok) delete c.reason
  return { match: { checks, payeeName, computedAt: now.toISOString() }, ok: checks.every((c) => c.ok) }
}

function cap(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
