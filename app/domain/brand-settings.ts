/**
 * The brand's accounts-payable controls, read from brands.settings (set on the brand settings page).
 * Pure: no I/O. Report settings (EMV values, engagement set, rate basis) are read by
 * app/domain/report-metrics.ts (reportSettings).
 */
import { formatMoney } from './money.ts'

export interface InvoiceControls {
  /** Invoices above this total (minor units, brand currency) need an admin to approve. Null: no limit. */
  approvalLimitMinor: number | null
  /** Who approved the content may not approve its invoice; who approved the invoice may not pay it. */
  segregationOfDuties: boolean
}

export function invoiceControls(settings: Record<string, unknown>): InvoiceControls {
  const limit = settings.invoiceApprovalLimitMinor
  return {
    approvalLimitMinor: typeof limit === 'number' && Number.isSafeInteger(limit) && limit >= 0 ? limit : null,
    segregationOfDuties: settings.segregationOfDuties === true,
  }
}

/**
 * Why this person may not approve this invoice under the brand's approval limit, or null when they may.
 * Admins are not limited. The limit is in the brand's currency; an invoice in another currency cannot be
 * compared with it without an exchange rate, so it needs an admin too.
 */
export function approvalLimitProblem(
  role: string,
  controls: InvoiceControls,
  brandCurrency: string,
  invoice: { totalMinor: number; currency: string },
): string | null {
  if (role === 'admin' || controls.approvalLimitMinor === null) return null
  const limit = formatMoney(controls.approvalLimitMinor, brandCurrency)
  if (invoice.currency.toUpperCase() !== brandCurrency.toUpperCase()) {
    return `Managers may approve invoices up to ${limit}; this one is in ${invoice.currency.toUpperCase()}, so an admin must approve it.`
  }
  if (invoice.totalMinor > controls.approvalLimitMinor) {
    return `This invoice is ${formatMoney(invoice.totalMinor, invoice.currency)}, above the ${limit} managers may approve. An admin must approve it.`
  }
  return null
}
