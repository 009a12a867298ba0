import { z } from 'zod'
import { ENTITY_TYPES, TAX_FORM_KINDS } from '#app/domain/tax-forms.ts'
import { parseMoney } from '#app/domain/money.ts'
import { cursorParam } from '#app/domain/keyset-cursor.ts'
import { isoDay, optionalIsoDay } from './fields.ts'

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/)
/** A required amount typed in the document's own currency; another currency's symbol or too many decimals say so. */
const amountIn = (currency: string) =>
  z
    .string({ required_error: 'Enter an amount.' })
    .max(20)
    .transform((s, ctx) => {
      const r = parseMoney(s, currency)
      if (!r.ok) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: r.error })
        return z.NEVER
      }
      return r.minor
    })

/** An optional amount typed in the document's own currency ("" = 0); another currency's symbol or too many decimals say so. */
const optionalAmountIn = (currency: string) =>
  z
    .string()
    .max(20)
    .optional()
    .transform((s, ctx) => {
      if (!s || !s.trim()) return 0
      const r = parseMoney(s, currency)
      if (!r.ok) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: r.error })
        return z.NEVER
      }
      return r.minor
    })

/**
 * The creator's invoice, in the offer's currency (a JPY offer has no decimals, a USD one two). Each line amount
 * is checked here too: a refusal names the line's field (lineAmount) and the currency.
 */
export const submitInvoiceSchema = (currency: string) =>
  z.object({
    intent: z.literal('submit-invoice'),
    offerId: id,
    idempotencyKey: z.string().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/),
    number: z.string({ required_error: 'Give the invoice a number.' }).trim().min(1, 'Give the invoice a number.').max(40),
    issueDate: isoDay('Enter the issue date.'),
    payeeName: z.string({ required_error: 'Enter the legal name you invoice under.' }).trim().min(2, 'Enter the legal name you invoice under.').max(200),
    line: z.array(id).max(100).default([]),
    lineAmount: z
      .array(z.string().max(20))
      .max(100)
      .default([])
      .transform((all, ctx) =>
        all.map((raw, i) => {
          if (!raw.trim()) return 0
          const r = parseMoney(raw, currency)
          if (!r.ok) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: `Line ${i + 1}: ${r.error}` })
            return 0
          }
          return r.minor
        }),
      ),
    usageAmount: optionalAmountIn(currency),
    tax: optionalAmountIn(currency),
  })

export const decideInvoiceSchema = z.object({
  intent: z.enum(['approve', 'reject']),
  reason: z.string().max(1000).optional(),
})

export const resolveExceptionSchema = z.object({
  intent: z.enum(['approve-exception', 'send-back']),
  note: z.string().max(1000).default(''),
})

const paymentFields = {
  paidOn: isoDay('Enter the day it was paid.'),
  method: z.enum(['ach', 'wire', 'check', 'paypal', 'other'], { errorMap: () => ({ message: 'Choose how it was paid.' }) }),
  reference: z.string({ required_error: 'Enter the payment reference.' }).trim().min(2, 'Enter the payment reference.').max(80),
}

export const markPaidSchema = z.object({ intent: z.literal('mark-paid'), ...paymentFields })
export const paymentRunSchema = z.object({ intent: z.literal('pay-run'), invoiceIds: z.array(id).max(500).default([]), ...paymentFields })

/** A cost on the budget ledger, typed in its campaign's currency (the route looks it up first). */
export const costEntrySchema = (currency: string) =>
  z.object({
  intent: z.literal('add-cost'),
  campaignId: id,
  offerId: z.union([id, z.literal('')]).optional(),
  creatorId: z.union([id, z.literal('')]).optional(),
  kind: z.enum(['gifting', 'production', 'commission', 'usage', 'other']),
  amount: amountIn(currency),
  shipping: optionalAmountIn(currency),
  note: z.string().max(500).optional(),
  carrier: z.string().max(60).optional(),
  trackingNumber: z.string().max(80).optional(),
  shippedOn: optionalIsoDay(),
  deliveredOn: optionalIsoDay(),
})

export const verifyTaxFormSchema = z.object({
  intent: z.enum(['verify', 'reject']),
  formId: id,
  /** Why a form that does not match its payee is right anyway (asked only then; see taxFormMismatches). */
  reason: z
    .string()
    .trim()
    .max(500, 'Keep the reason under 500 characters.')
    .optional()
    .transform((s) => s || undefined),
})

export const taxFormFieldsSchema = z.object({
  kind: z.enum(TAX_FORM_KINDS, { errorMap: () => ({ message: 'Choose the form.' }) }),
  legalName: z.string({ required_error: 'Enter the legal name exactly as on the form.' }).trim().min(2, 'Enter the legal name exactly as on the form.').max(200),
  entityType: z.enum(ENTITY_TYPES, {
    errorMap: () => ({ message: 'Choose the entity type.' }),
  }),
})

/**
 * The budget page's query string: the campaigns page and the ledger page (keyset cursors) and the campaign the "Add a cost"
 * form shows creators for. Anything malformed is dropped (a GET never fails on it); a well-formed id
 * that is not one of the brand's campaigns is ignored by the loader (app/services/budget/get-budget.server.ts).
 */
export const budgetQuerySchema = z.object({
  campaignId: id.optional().catch(undefined),
  cursor: cursorParam,
  ledger: cursorParam,
})

export function parseBudgetQuery(url: URL): z.infer<typeof budgetQuerySchema> {
  const p = url.searchParams
  return budgetQuerySchema.parse({ campaignId: p.get('campaignId') || undefined, cursor: p.get('cursor') || undefined, ledger: p.get('ledger') || undefined })
}
