import { and, eq, inArray, isNull, or } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { taxFormMismatches, type TaxFormPayee } from '#app/domain/tax-forms.ts'

/** Whom a form is filed for, as taxFormMismatches compares it: the agency (its legal name) or the creator. */
export async function taxFormPayee(tx: DbOrTx, form: { creatorId: string | null; agencyId: string | null }): Promise<TaxFormPayee> {
  if (form.agencyId) {
    const [a] = await tx.select({ name: schema.agencies.name, legalName: schema.agencies.legalName }).from(schema.agencies).where(eq(schema.agencies.id, form.agencyId))
    return { kind: 'agency', name: a?.name ?? '', legalName: a?.legalName ?? null }
  }
  const [c] = await tx.select({ name: schema.creators.name }).from(schema.creators).where(eq(schema.creators.id, form.creatorId ?? ''))
  return { kind: 'creator', name: c?.name ?? '' }
}

/** Creators and agencies this brand may see tax forms of: its roster, its invoices' payees, and their agencies. */
export async function brandPayeeScope(tx: DbOrTx, brandId: string) {
  const roster = await tx.select({ id: schema.rosterEntries.creatorId }).from(schema.rosterEntries).where(eq(schema.rosterEntries.brandId, brandId))
  const invoiced = await tx
    .select({ creatorId: schema.invoices.creatorId, agencyId: schema.invoices.payeeAgencyId })
    .from(schema.invoices)
    .where(eq(schema.invoices.brandId, brandId))
  const creatorIds = [...new Set([...roster.map((r) => r.id), ...invoiced.map((i) => i.creatorId)])]
  const grants = creatorIds.length
    ? await tx.select({ agencyId: schema.agentGrants.agencyId }).from(schema.agentGrants).where(and(inArray(schema.agentGrants.creatorId, creatorIds), isNull(schema.agentGrants.revokedAt)))
    : []
  const agencyIds = [...new Set([...grants.map((g) => g.agencyId), ...invoiced.map((i) => i.agencyId).filter((x): x is string => !!x)])]
  return { creatorIds, agencyIds }
}

/** Finance's list of tax forms (newest first) for the brand's payees, unverified first, each with how it does not fit its payee. */
export async function listBrandTaxForms(actor: Pick<BrandActor, 'brand'>) {
  const scope = await brandPayeeScope(db(), actor.brand.id)
  if (!scope.creatorIds.length && !scope.agencyIds.length) return []
  const rows = await db()
    .select({ form: schema.taxForms, creatorName: schema.creators.name, agencyName: schema.agencies.name, agencyLegalName: schema.agencies.legalName, fileName: schema.files.originalName })
    .from(schema.taxForms)
    .leftJoin(schema.creators, eq(schema.creators.id, schema.taxForms.creatorId))
    .leftJoin(schema.agencies, eq(schema.agencies.id, schema.taxForms.agencyId))
    .leftJoin(schema.files, eq(schema.files.id, schema.taxForms.fileId))
    .where(
      or(
        scope.creatorIds.length ? inArray(schema.taxForms.creatorId, scope.creatorIds) : undefined,
        scope.agencyIds.length ? inArray(schema.taxForms.agencyId, scope.agencyIds) : undefined,
      ),
    )
  const order = { submitted: 0, rejected: 1, verified: 2 } as Record<string, number>
  rows.sort((a, b) => (order[a.form.status] ?? 3) - (order[b.form.status] ?? 3) || b.form.createdAt.getTime() - a.form.createdAt.getTime())
  return rows.map((r) => ({
    id: r.form.id,
    payee: r.form.agencyId ? `${r.agencyName} (agency)` : (r.creatorName ?? ''),
    kind: r.form.kind,
    legalName: r.form.legalName,
    entityType: r.form.entityType,
    status: r.form.status,
    fileName: r.fileName,
    fileId: r.form.fileId,
    submittedAt: r.form.createdAt.toISOString(),
    verifiedAt: r.form.verifiedAt?.toISOString() ?? null,
    /** How the form does not fit its payee (empty: it does); shown before Verify. */
    mismatches: taxFormMismatches(
      r.form,
      r.form.agencyId ? { kind: 'agency', name: r.agencyName ?? '', legalName: r.agencyLegalName } : { kind: 'creator', name: r.creatorName ?? '' },
    ),
  }))
}
