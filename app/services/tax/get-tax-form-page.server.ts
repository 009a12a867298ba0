import { db } from '#app/db.server.ts'
import { latestTaxForm, resolvePayee } from '#app/services/invoices/invoice-rules.server.ts'

/** The tax form page: whose form it is (the creator's, or their agency's when it invoices) and the latest on file. */
export async function getTaxFormPage(creator: { id: string; name: string }) {
  const payee = await resolvePayee(db(), creator)
  const form = await latestTaxForm(db(), payee.kind === 'creator' ? { kind: 'creator', creatorId: payee.creatorId } : { kind: 'agency', agencyId: payee.agencyId })
  return {
    payee: { kind: payee.kind, name: payee.name },
    form: form ? { kind: form.kind, legalName: form.legalName, status: form.status, createdAt: form.createdAt.toISOString().slice(0, 10) } : null,
  }
}
