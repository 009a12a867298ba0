import { eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'
import { EMV_ACTIONS } from '#app/domain/report-metrics.ts'
import type { BrandSettingsInput } from '#app/validation/brand-settings.ts'

/**
 * An admin changes the brand's settings: disclosure jurisdiction (a column), and in brands.settings the
 * report settings (engagement set, engagement-rate basis, EMV value per action: read by
 * app/domain/report-metrics.ts) and the invoice controls (approval limit, segregation of
 * duties: app/domain/brand-settings.ts). Other keys in settings are kept. One audit event with before/after.
 */
export async function updateBrandSettings(actor: Pick<BrandActor, 'brand' | 'user' | 'audit'>, input: BrandSettingsInput) {
  return db().transaction(async (tx) => {
    const [brand] = await tx.select().from(schema.brands).where(eq(schema.brands.id, actor.brand.id)).for('update')
    if (!brand) throw new NotFoundError('That brand')
    const emvPerAction: Record<string, number> = {}
    for (const a of EMV_ACTIONS) {
      const v = input[`emv_${a}`]
      if (v !== null) emvPerAction[a] = v
    }
    const settings: Record<string, unknown> = {
      ...brand.settings,
      engagementSet: [...new Set(input.engagementSet)],
      engagementRateBasis: input.engagementRateBasis,
      emvPerAction,
      invoiceApprovalLimitMinor: input.invoiceApprovalLimit,
      segregationOfDuties: input.segregationOfDuties,
    }
    const [updated] = await tx
      .update(schema.brands)
      .set({ settings, jurisdiction: input.jurisdiction })
      .where(eq(schema.brands.id, brand.id))
      .returning()
    await recordAudit(tx, actor.audit, {
      brandId: brand.id,
      action: 'brand.settings_updated',
      entityType: 'brand',
      entityId: brand.id,
      before: { jurisdiction: brand.jurisdiction, settings: brand.settings },
      after: { jurisdiction: input.jurisdiction, settings },
    })
    return updated!
  })
}
