import { and, desc, eq, isNull } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { ADS_PERMISSION_LABEL, adsPermissionKindsFor, type AdsPermissionKind } from '#app/domain/contracts.ts'
import { deliverableLabel } from '#app/domain/offer-terms.ts'
import { PLATFORM_LABEL, type Platform } from '#app/domain/catalog.ts'
import { addDays, toIsoDay } from '#app/domain/dates.ts'
import { adsOutlivesMessage, dayIn, shortDay, type RightsDates } from '#app/domain/rights.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { InvalidInputError, NotFoundError } from '#app/utils/errors.ts'
import type { AdsPermissionInput } from '#app/validation/contracts.ts'

/**
 * An ads permission as the pages show it (the creator's Posts page, the brand's rights ledger): what it is,
 * until when, and why it outlives the licence when it does (null without a licence, or when it does not).
 */
export function adsPermissionView(p: typeof schema.adsPermissions.$inferSelect, licence: RightsDates | null | undefined) {
  const kind = p.kind as AdsPermissionKind
  return { id: p.id, kind, code: p.code, brandAccount: p.brandAccount, grantedOn: p.grantedOn, expiresOn: p.expiresOn, outlives: licence ? adsOutlivesMessage({ ...p, kind }, licence) : null }
}

type Actor = Pick<CreatorActor, 'creator' | 'user' | 'audit'>

/** The creator's own deliverable, or a 404 (another creator's id answers exactly like one that does not exist). */
async function ownDeliverable(creatorId: string, deliverableId: string) {
  const [d] = await db()
    .select()
    .from(schema.deliverables)
    .where(and(eq(schema.deliverables.id, deliverableId), eq(schema.deliverables.creatorId, creatorId)))
    .limit(1)
  if (!d) throw new NotFoundError('That deliverable')
  return d
}

/** The ads-permission page: the deliverable, its licence (if a contract is signed) and the access recorded so far. */
export async function getAdsPermissionPage(creatorId: string, deliverableId: string, now = new Date()) {
  const d = await ownDeliverable(creatorId, deliverableId)
  const [brand] = await db().select({ name: schema.brands.name }).from(schema.brands).where(eq(schema.brands.id, d.brandId)).limit(1)
  const [rights] = await db().select().from(schema.rightsItems).where(eq(schema.rightsItems.deliverableId, d.id)).limit(1)
  const perms = await db()
    .select()
    .from(schema.adsPermissions)
    .where(and(eq(schema.adsPermissions.deliverableId, d.id), eq(schema.adsPermissions.creatorId, creatorId)))
    .orderBy(desc(schema.adsPermissions.createdAt))
  return {
    deliverable: { id: d.id, label: deliverableLabel(d), platform: d.platform, kinds: adsPermissionKindsFor(d.platform) },
    brandName: brand?.name ?? '',
    today: dayIn('UTC', now),
    licence: rights ? { paidAds: rights.paidAds, endsOn: rights.endsOn, perpetual: rights.perpetual, timeZone: rights.timeZone } : null,
    permissions: perms.map((p) => ({ ...adsPermissionView(p, rights), revokedAt: p.revokedAt?.toISOString() ?? null })),
  }
}

/**
 * The creator (or their agent with submit_content) records the ads access they granted for one of their
 * deliverables. A new record of the same kind replaces the one before (that one is marked revoked), so
 * the brand sees one current code per kind. Days: granted no later than today (a day of slack for time
 * zones ahead of UTC), expiry a day after today and not before the grant. Audited in the same transaction.
 */
export async function recordAdsPermission(actor: Actor, deliverableId: string, input: AdsPermissionInput, now = new Date()) {
  const d = await ownDeliverable(actor.creator.id, deliverableId)
  if (!adsPermissionKindsFor(d.platform).includes(input.kind)) {
    const on = PLATFORM_LABEL[d.platform as Platform] ?? d.platform
    throw new InvalidInputError(`${ADS_PERMISSION_LABEL[input.kind]}s are not for this post: it is on ${on}. Record the access you granted on ${on}.`)
  }
  const today = dayIn('UTC', now)
  const latestGrant = toIsoDay(addDays(now, 1))
  if (input.grantedOn > latestGrant) {
    throw new InvalidInputError('Please correct the highlighted fields.', { grantedOn: ['That day is in the future. Enter the day you granted the access.'] })
  }
  if (input.expiresOn !== null && input.expiresOn <= today) {
    throw new InvalidInputError('Please correct the highlighted fields.', { expiresOn: [`The expiry must be a day after today (${shortDay(today)}). An expired code gives the brand nothing to use.`] })
  }
  if (input.expiresOn !== null && input.expiresOn < input.grantedOn) {
    throw new InvalidInputError('Please correct the highlighted fields.', { expiresOn: ['The expiry is before the day you granted the access.'] })
  }
  return db().transaction(async (tx) => {
    const replaced = await tx
      .update(schema.adsPermissions)
      .set({ revokedAt: now })
      .where(and(eq(schema.adsPermissions.deliverableId, d.id), eq(schema.adsPermissions.kind, input.kind), isNull(schema.adsPermissions.revokedAt)))
      .returning({ id: schema.adsPermissions.id, code: schema.adsPermissions.code, brandAccount: schema.adsPermissions.brandAccount, expiresOn: schema.adsPermissions.expiresOn })
    const [row] = await tx
      .insert(schema.adsPermissions)
      .values({
        brandId: d.brandId,
        creatorId: actor.creator.id,
        deliverableId: d.id,
        kind: input.kind,
        code: input.kind === 'tiktok_spark' ? input.code : null,
        brandAccount: input.kind === 'instagram_partnership' ? input.brandAccount : null,
        grantedOn: input.grantedOn,
        expiresOn: input.expiresOn,
        recordedByUserId: actor.user.id,
      })
      .returning()
    await recordAudit(tx, actor.audit, {
      brandId: d.brandId,
      action: 'ads_permission.record',
      entityType: 'ads_permission',
      entityId: row!.id,
      before: replaced.length ? replaced : null,
      after: { deliverableId: d.id, kind: row!.kind, code: row!.code, brandAccount: row!.brandAccount, grantedOn: row!.grantedOn, expiresOn: row!.expiresOn },
    })
    return row!
  })
}

/** The creator withdrew the access on the platform: the record stays (revokedAt set) and leaves the brand's ledger. */
export async function revokeAdsPermission(actor: Actor, deliverableId: string, permissionId: string, now = new Date()) {
  const d = await ownDeliverable(actor.creator.id, deliverableId)
  return db().transaction(async (tx) => {
    const [row] = await tx
      .update(schema.adsPermissions)
      .set({ revokedAt: now })
      .where(and(eq(schema.adsPermissions.id, permissionId), eq(schema.adsPermissions.deliverableId, d.id), eq(schema.adsPermissions.creatorId, actor.creator.id), isNull(schema.adsPermissions.revokedAt)))
      .returning()
    if (!row) throw new NotFoundError('That permission')
    await recordAudit(tx, actor.audit, { brandId: d.brandId, action: 'ads_permission.revoke', entityType: 'ads_permission', entityId: row.id, before: { revokedAt: null }, after: { revokedAt: now.toISOString() } })
    return row
  })
}
