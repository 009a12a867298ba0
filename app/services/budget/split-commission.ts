/**
 * FALLBACK (marked): app/domain/money.ts (splitByBasisPoints) did not exist when this was written.
 * Split an amount by a commission rate in basis points (1500 = 15%), in integer minor units.
 * Rounding rule: the commission is rounded half-up to the nearest minor unit; the creator gets
 * the rest, so commission + creator === total, always.
 */
export function splitCommission(totalMinor: number, basisPoints: number): { commissionMinor: number; creatorMinor: number } {
  if (!Number.isSafeInteger(totalMinor) || totalMinor < 0) throw new RangeError('total must be a non-negative integer of minor units')
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) throw new RangeError('basis points must be 0..10000')
  const scaled = BigInt(totalMinor) * BigInt(basisPoints)
  const commission = Number((scaled + 5_000n) / 10_000n)
  return { commissionMinor: commission, creatorMinor: totalMinor - commission }
}
