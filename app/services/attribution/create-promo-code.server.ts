import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, InvalidInputError } from '#app/utils/errors.ts'
import { getCollaboration } from './get-collaboration.server.ts'

export function normalizePromoCode(raw: string): string {
  const code = raw.trim().toUpperCase()
  if (!/^[A-Z0-9][A-Z0-9_-]{2,39}$/.test(code)) {
    const msg = 'Codes are 3–40 letters, digits, - or _.'
    throw new InvalidInputError(msg, { code: [msg] })
  }
  return code
}

/** A promo code for a collaboration (redemptions are matched on it, case-insensitively). */
export async function createPromoCode(actor: Pick<BrandActor, 'brand' | 'audit'>, input: { offerId: string; code: string }) {
  const code = normalizePromoCode(input.code)
  return db().transaction(async (tx) => {
    const offer = await getCollaboration(tx, actor.brand.id, input.offerId)
    const [row] = await tx
      .insert(schema.promoCodes)
      .values({ offerId: offer.id, brandId: actor.brand.id, code })
      .onConflictDoNothing()
      .returning()
    if (!row) throw new ConflictError(`The code ${code} is already in use.`, { code: [`${code} is already in use.`] })
    await recordAudit(tx, actor.audit, { brandId: actor.brand.id, action: 'promo_code.created', entityType: 'promo_code', entityId: row.id, after: { code } })
    return row
  })
}
