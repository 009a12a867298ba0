/**
 * Partnership-ads permissions (issue #17): the creator or their agent records the ads access granted
 * for one deliverable; the brand sees it next to the rights and the ledger says when it outlives the licence.
 */
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { countersignContract } from '#app/services/contracts/countersign-contract.server.ts'
import { signContract } from '#app/services/contracts/sign-contract.server.ts'
import { listRights } from '#app/services/contracts/list-rights.server.ts'
import { recordAdsPermission, revokeAdsPermission } from '#app/services/contracts/ads-permissions.server.ts'
import { adsPermissionSchema } from '#app/validation/contracts.ts'
import { parseFormData } from '#app/validation/parse-form.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { contractWorld, currentContract, formOf, rejection } from '#tests/factories-contracts.ts'

const SIGNED_AT = new Date('2026-12-04T12:00:00Z')
const NOW = new Date('2026-12-05T09:00:00Z')
const CODE = '#AbCdEfGhIjKlMnOpQrStUv0123456789+/=='

const form = formOf

async function signedCollab(platform: 'instagram' | 'tiktok' = 'tiktok') {
  const w = await contractWorld({ currency: 'EUR', platform })
  await w.accept()
  const v1 = await currentContract(w.offer.id)
  await signContract(w.agentActor, { contractId: v1.id, documentSha256: v1.documentSha256 }, SIGNED_AT)
  await countersignContract(w.adminActor, { contractId: v1.id, documentSha256: v1.documentSha256 }, SIGNED_AT)
  const deliverables = await db().select().from(schema.deliverables).where(eq(schema.deliverables.offerId, w.offer.id))
  return { w, deliverable: deliverables[0]! }
}

describe('ads permissions', () => {
  it('the agent records a Spark code; the brand sees it next to the rights, flagged when it outlives the licence', async () => {
    const { w, deliverable } = await signedCollab()
    // 6 months from 2026-12-04: the licence's last day is 2027-06-03; a code valid to 2027-06-30 outlives it
    const input = parseFormData(form({ intent: 'record', kind: 'tiktok_spark', code: ` ${CODE.slice(1)}\n`, grantedOn: '2026-12-05', expiresOn: '2027-06-30' }), adsPermissionSchema)
    const row = await recordAdsPermission(w.agentActor, deliverable.id, input, NOW)
    expect(row).toMatchObject({ code: CODE, expiresOn: '2027-06-30', grantedOn: '2026-12-05', brandId: w.brand.id, creatorId: w.creator.id })
    const [audit] = await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, row.id))
    expect(audit).toMatchObject({ action: 'ads_permission.record', actingForCreatorId: w.creator.id })

    const ledger = await listRights(w.brand.id, NOW)
    const item = ledger.find((i) => i.ads.length)!
    expect(item.ads).toEqual([expect.objectContaining({ code: CODE, expiresOn: '2027-06-30', outlives: 'Spark code valid until 30 Jun 2027, licence ends 3 Jun 2027' })])

    // a new code replaces the old one; a code ending with the licence is not flagged
    await recordAdsPermission(w.selfActor, deliverable.id, { ...input, expiresOn: '2027-06-03' }, NOW)
    const after = (await listRights(w.brand.id, NOW)).find((i) => i.ads.length)!
    expect(after.ads).toEqual([expect.objectContaining({ expiresOn: '2027-06-03', outlives: null })])

    // withdrawn: gone from the brand's ledger, audited
    await revokeAdsPermission(w.selfActor, deliverable.id, after.ads[0]!.id, NOW)
    expect((await listRights(w.brand.id, NOW)).every((i) => i.ads.length === 0)).toBe(true)
  })

  it('refuses bad codes, past expiries and another creator’s deliverable, writing nothing', async () => {
    const { w, deliverable } = await signedCollab()
    const other = await contractWorld({})
    const bad = await rejection(() => parseFormData(form({ intent: 'record', kind: 'tiktok_spark', code: 'not a code!', grantedOn: '2026-12-05', expiresOn: '2027-01-31' }), adsPermissionSchema))
    expect(bad.status).toBe(400)
    expect(bad.fieldErrors?.code?.[0]).toMatch(/does not look like a Spark Ads code/)
    const ig = await rejection(() => parseFormData(form({ intent: 'record', kind: 'instagram_partnership', brandAccount: 'acme brand', grantedOn: '2026-12-05' }), adsPermissionSchema))
    expect(ig.fieldErrors?.brandAccount?.[0]).toMatch(/username only/)
    const impossible = await rejection(() => parseFormData(form({ intent: 'record', kind: 'tiktok_spark', code: CODE, grantedOn: '2026-12-05', expiresOn: '2027-02-29' }), adsPermissionSchema))
    expect(impossible.fieldErrors?.expiresOn?.length).toBe(1)

    const input = { intent: 'record' as const, kind: 'tiktok_spark' as const, code: CODE, grantedOn: '2026-12-01', expiresOn: '2026-12-05' }
    const past = await rejection(recordAdsPermission(w.agentActor, deliverable.id, input, NOW))
    expect(past.status).toBe(400)
    expect(past.fieldErrors?.expiresOn?.[0]).toMatch(/a day after today/)
    const notMine = await rejection(recordAdsPermission(other.selfActor, deliverable.id, { ...input, expiresOn: '2027-01-31' }, NOW))
    expect(notMine.status).toBe(404)
    expect(await db().select().from(schema.adsPermissions).where(eq(schema.adsPermissions.deliverableId, deliverable.id))).toEqual([])
  })

  it('offers only the access of the post’s platform: no Spark code on an Instagram reel, no partnership permission on a TikTok video', async () => {
    const reel = await signedCollab('instagram')
    const tiktok = await signedCollab('tiktok')
    const spark = { intent: 'record' as const, kind: 'tiktok_spark' as const, code: CODE, grantedOn: '2026-12-05', expiresOn: '2027-01-31' }
    const partnership = { intent: 'record' as const, kind: 'instagram_partnership' as const, brandAccount: '@acme', grantedOn: '2026-12-05', expiresOn: null }
    const sparkOnReel = await rejection(recordAdsPermission(reel.w.selfActor, reel.deliverable.id, spark, NOW))
    expect([sparkOnReel.status, sparkOnReel.message]).toEqual([400, 'TikTok Spark Ads codes are not for this post: it is on Instagram. Record the access you granted on Instagram.'])
    const igOnTiktok = await rejection(recordAdsPermission(tiktok.w.selfActor, tiktok.deliverable.id, partnership, NOW))
    expect(igOnTiktok.status).toBe(400)
    expect(await db().select().from(schema.adsPermissions).where(eq(schema.adsPermissions.creatorId, reel.w.creator.id))).toEqual([])
    // the right kind on each goes through
    await recordAdsPermission(reel.w.selfActor, reel.deliverable.id, partnership, NOW)
    await recordAdsPermission(tiktok.w.selfActor, tiktok.deliverable.id, spark, NOW)
    const kinds = async (creatorId: string) => (await db().select().from(schema.adsPermissions).where(eq(schema.adsPermissions.creatorId, creatorId))).map((p) => p.kind)
    expect([await kinds(reel.w.creator.id), await kinds(tiktok.w.creator.id)]).toEqual([['instagram_partnership'], ['tiktok_spark']])
  })
})
