/** Factories for the contract tests: an invited offer accepted through the real service (so its contract is made). */
import { eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { AppError } from '#app/utils/errors.ts'
import { acceptOffer } from '#app/services/offers/accept-offer.server.ts'
import { addMember, createAgency, createBrand, createCreator, uid } from './factories.ts'
import { brandActor, creatorActor, moneyCampaign } from './factories-money.ts'

export async function contractWorld(opts: { settings?: Record<string, unknown>; creatorCountry?: string; currency?: string; feeMinor?: number; usageMonths?: number; usageRights?: 'none' | 'organic' | 'paid'; creatorName?: string; platform?: 'instagram' | 'tiktok' } = {}) {
  const brand0 = await createBrand()
  const settings = opts.settings ?? {}
  await db().update(schema.brands).set({ settings, legalName: `${brand0.name} SAS` }).where(eq(schema.brands.id, brand0.id))
  const brand = { ...brand0, settings, legalName: `${brand0.name} SAS` }
  const admin = await addMember(brand.id, 'admin')
  const manager = await addMember(brand.id, 'manager')
  const finance = await addMember(brand.id, 'finance')
  const campaign = await moneyCampaign(brand.id, { currency: opts.currency ?? 'EUR' })
  const { creator: c0, user } = await createCreator({ brandIds: [brand.id], name: opts.creatorName })
  if (opts.creatorCountry) await db().update(schema.creators).set({ country: opts.creatorCountry }).where(eq(schema.creators.id, c0.id))
  const creator = { ...c0, country: opts.creatorCountry ?? null }
  const agency = await createAgency({ representing: [{ creatorId: creator.id, scopes: ['answer_offers', 'submit_content'] }] })
  const usageRights = opts.usageRights ?? 'paid'
  const [offer] = await db()
    .insert(schema.offers)
    .values({
      brandId: brand.id,
      campaignId: campaign.id,
      creatorId: creator.id,
      status: 'invited',
      connectionType: 'paid',
      feeMinor: opts.feeMinor ?? 180_000,
      currency: opts.currency ?? 'EUR',
      usageRights,
      usageMonths: usageRights === 'none' ? 0 : (opts.usageMonths ?? 6),
      usageTerritory: usageRights === 'none' ? null : 'France',
      deliverableSpecs: [{ platform: opts.platform ?? 'instagram', format: opts.platform === 'tiktok' ? 'tiktok_video' : 'reel', quantity: 2, draftDueOn: '2026-12-20', postWindowStart: '2026-12-22', postWindowEnd: '2026-12-31' }],
      message: `offer ${uid()}`,
    })
    .returning()
  const agentActor = creatorActor(creator, agency.agent, { kind: 'agent', agencyId: agency.agency.id, agencyName: agency.agency.name, scopes: ['answer_offers', 'submit_content'], agencyInvoices: false })
  return {
    brand,
    admin,
    manager,
    finance,
    campaign,
    creator,
    creatorUser: user!,
    agency,
    offer: offer!,
    adminActor: brandActor(brand, admin, 'admin'),
    managerActor: brandActor(brand, manager, 'manager'),
    financeActor: brandActor(brand, finance, 'finance'),
    selfActor: creatorActor(creator, user!),
    agentActor,
    accept: () => acceptOffer(agentActor, offer!.id),
  }
}

export async function currentContract(offerId: string) {
  const rows = await db().select().from(schema.contracts).where(eq(schema.contracts.offerId, offerId))
  return rows.sort((a, b) => b.version - a.version)[0]!
}

/** The refusal a promise (or call) ends in; a test fails when it succeeds. */
export async function rejection(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p)
  } catch (e) {
    return e as AppError
  }
  throw new Error('expected a refusal')
}

/** A FormData of plain text fields, as a page's form would post them. */
export const formOf = (o: Record<string, string>) => {
  const f = new FormData()
  for (const [k, v] of Object.entries(o)) f.set(k, v)
  return f
}
