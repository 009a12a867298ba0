import { and, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import type { UsageRights } from '#app/domain/offer-terms.ts'
import { NotFoundError } from '#app/utils/errors.ts'
import { amendContractTerms, type DeliverableDates } from './amend-contract-terms.server.ts'

export interface AmendContractForm {
  feeMinor: number
  usageFeeMinor: number
  paymentNetDays: number
  usageRights: UsageRights
  usageMonths: number
  usageTerritory: string | null
  exclusivityCategory: string | null
  exclusivityMonths: number
  reason: string
  deliverables: DeliverableDates[]
}

/**
 * The amend form's action: the brand changes the terms of the collaboration behind contract version
 * `contractId`. That version must still be the current one (else 409: amended in another tab); the
 * change makes the next version, which both parties sign again (see amendContractTerms).
 */
export async function amendContract(actor: Pick<BrandActor, 'brand' | 'user' | 'audit'>, contractId: string, input: AmendContractForm, now = new Date()) {
  const [c] = await db()
    .select({ offerId: schema.contracts.offerId })
    .from(schema.contracts)
    .where(and(eq(schema.contracts.id, contractId), eq(schema.contracts.brandId, actor.brand.id)))
  if (!c) throw new NotFoundError('That contract')
  return amendContractTerms(actor, c.offerId, { ...input, baseContractId: contractId }, now)
}
