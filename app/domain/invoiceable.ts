import type { DeliverableStatus } from './state-machines.ts'

/**
 * Whether a deliverable can be invoiced now: only once its live post is verified (the same rule the
 * invoice match checks, "Every invoiced deliverable approved and its post verified"). Otherwise the
 * sentence the invoice form shows for why it is not prefilled.
 */
export function invoiceableNow(status: string): { ok: true } | { ok: false; reason: string } {
  switch (status as DeliverableStatus) {
    case 'verified':
      return { ok: true }
    case 'posted':
    case 'post_changes_requested':
      return { ok: false, reason: 'Not prefilled: its live post is not verified by the brand yet.' }
    case 'approved':
      return { ok: false, reason: 'Not prefilled: the draft is approved, but the live post is not added and verified yet.' }
    default:
      return { ok: false, reason: 'Not prefilled: the draft is not approved yet, so nothing is delivered.' }
  }
}
