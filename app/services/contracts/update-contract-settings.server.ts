import { eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { contractSettings, type ContractSettings } from '#app/domain/contracts.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { NotFoundError } from '#app/utils/errors.ts'

/**
 * An admin sets who countersigns contracts, when a signed contract is required before draft approval and
 * payment, and the time zone licence days are counted in (brands.settings.contracts; other keys kept).
 * Takes effect for the next check (the blockers and the countersign button read it each time). Audited.
 */
export async function updateContractSettings(actor: Pick<BrandActor, 'brand' | 'user' | 'audit'>, input: ContractSettings) {
  return db().transaction(async (tx) => {
    const [brand] = await tx.select().from(schema.brands).where(eq(schema.brands.id, actor.brand.id)).for('update')
    if (!brand) throw new NotFoundError('That brand')
    const before = contractSettings(brand.settings)
    const after: ContractSettings = { signerRoles: [...new Set(input.signerRoles)], requirement: input.requirement, timeZone: input.timeZone }
    const settings = { ...brand.settings, contracts: after }
    await tx.update(schema.brands).set({ settings }).where(eq(schema.brands.id, brand.id))
    await recordAudit(tx, actor.audit, {
      brandId: brand.id,
      action: 'brand.contract_settings_updated',
      entityType: 'brand',
      entityId: brand.id,
      before: { ...before },
      after: { ...after },
    })
    return after
  })
}
