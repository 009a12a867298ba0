/**
 * Factories for the money tests (invoices, payables, budget, tax). Offers, reviews and posts belong to
 * other capabilities: here they are inserted rows in the state those flows leave them in.
 */
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor, CreatorActor } from '#app/auth/guards.server.ts'
import type { GrantScope } from '#db/schema.ts'
import type { TaxFormStatus } from '#app/domain/state-machines.ts'
import type { TaxFormKind } from '#app/domain/tax-forms.ts'
import { addMember, createAgency, createBrand, createCreator, uid } from './factories.ts'

export async function moneyCampaign(brandId: string, opts: { name?: string; budgetMinor?: number; currency?: string } = {}) {
  const [c] = await db()
    .insert(schema.campaigns)
    .values({ brandId, name: opts.name ?? `Campaign ${uid()}`, status: 'active', currency: opts.currency ?? 'USD', budgetMinor: opts.budgetMinor ?? 1_000_000, platforms: ['instagram'] })
    .returning()
  return c!
}

export interface DeliverableOpts {
  /** Default 'verified' (with a verified post). 'approved' = approved draft, no post. */
  status?: 'pending' | 'approved' | 'posted' | 'verified'
  postStatus?: 'submitted' | 'verified'
  blockingPostFinding?: boolean
  draftApprovedBy?: string | null
  postVerifiedBy?: string | null
  verifiedAt?: Date
}

/** An accepted offer with `deliverables` deliverables in the given states (approved draft, verified post by default). */
export async function acceptedOffer(o: {
  brandId: string
  campaignId: string
  creatorId: string
  feeMinor?: number
  usageRights?: 'none' | 'organic' | 'paid'
  usageFeeMinor?: number
  currency?: string
  paymentNetDays?: number
  paymentClockStart?: 'post_verified' | 'draft_approved' | 'invoice_received'
  deliverables?: DeliverableOpts[]
}) {
  const [offer] = await db()
    .insert(schema.offers)
    .values({
      brandId: o.brandId,
      campaignId: o.campaignId,
      creatorId: o.creatorId,
      status: 'accepted',
      connectionType: 'paid',
      feeMinor: o.feeMinor ?? 100_000,
      usageRights: o.usageRights ?? 'none',
      usageFeeMinor: o.usageFeeMinor ?? 0,
      usageMonths: o.usageRights && o.usageRights !== 'none' ? 6 : 0,
      currency: o.currency ?? 'USD',
      paymentNetDays: o.paymentNetDays ?? 30,
      paymentClockStart: o.paymentClockStart ?? 'post_verified',
      acceptedAt: new Date(),
    })
    .returning()
  const deliverables = []
  let position = 0
  for (const d of o.deliverables ?? [{}]) {
    position++
    const status = d.status ?? 'verified'
    const [row] = await db()
      .insert(schema.deliverables)
      .values({ offerId: offer!.id, brandId: o.brandId, campaignId: o.campaignId, creatorId: o.creatorId, platform: 'instagram', format: 'reel', position, status })
      .returning()
    if (status !== 'pending') {
      await db()
        .insert(schema.draftVersions)
        .values({
          deliverableId: row!.id,
          brandId: o.brandId,
          version: 1,
          caption: '#ad with @brand',
          decision: 'approved',
          decidedAt: new Date('2026-03-01T10:00:00Z'),
          decidedByUserId: d.draftApprovedBy ?? null,
        })
    }
    if (status === 'posted' || status === 'verified') {
      const postStatus: PostStatus = d.postStatus ?? (status === 'verified' ? 'verified' : 'submitted')
      await db()
        .insert(schema.posts)
        .values({
          deliverableId: row!.id,
          brandId: o.brandId,
          creatorId: o.creatorId,
          platform: 'instagram',
          url: `https://www.instagram.com/reel/${uid()}${uid()}/`,
          postedAt: new Date('2026-03-05T12:00:00Z'),
          status: postStatus,
          findings: d.blockingPostFinding ? [{ ruleId: 'VD-01', severity: 'blocking', message: 'No #ad in the first line', span: null, source: 'caption' }] : [],
          verifiedAt: postStatus === 'verified' ? (d.verifiedAt ?? new Date('2026-03-06T09:00:00Z')) : null,
          verifiedByUserId: postStatus === 'verified' ? (d.postVerifiedBy ?? null) : null,
        })
    }
    deliverables.push(row!)
  }
  return { offer: offer!, deliverables }
}

export async function taxFormFor(payee: { creatorId?: string; agencyId?: string }, opts: { legalName: string; status?: TaxFormStatus; kind?: TaxFormKind }) {
  const [file] = await db()
    .insert(schema.files)
    .values({ purpose: 'tax_form', storage: 'local', storageKey: `test/${uid()}${uid()}`, originalName: 'w9.pdf', mimeType: 'application/pdf', sizeBytes: 10, creatorId: payee.creatorId ?? null, agencyId: payee.agencyId ?? null })
    .returning()
  const [form] = await db()
    .insert(schema.taxForms)
    .values({
      creatorId: payee.creatorId ?? null,
      agencyId: payee.agencyId ?? null,
      kind: opts.kind ?? 'W-9',
      legalName: opts.legalName,
      entityType: 'individual',
      fileId: file!.id,
      status: opts.status ?? 'verified',
      verifiedAt: opts.status === 'verified' || !opts.status ? new Date() : null,
    })
    .returning()
  return form!
}

const audit = (userId: string, actingForCreatorId?: string) => ({ userId, actingForCreatorId: actingForCreatorId ?? null, ip: '127.0.0.1', userAgent: 'vitest' })

export function brandActor(brand: typeof schema.brands.$inferSelect, user: { id: string; name?: string; email?: string }, role: BrandActor['role'] = 'manager'): BrandActor {
  return {
    user: user as BrandActor['user'],
    meta: { requestId: null, ip: '127.0.0.1', userAgent: 'vitest' },
    audit: audit(user.id),
    brand: { id: brand.id, slug: brand.slug, name: brand.name, currency: brand.currency, jurisdiction: brand.jurisdiction, settings: brand.settings },
    role,
  }
}

export function creatorActor(creator: typeof schema.creators.$inferSelect, user: { id: string }, via: CreatorActor['via'] = { kind: 'self' }): CreatorActor {
  return {
    user: user as CreatorActor['user'],
    meta: { requestId: null, ip: '127.0.0.1', userAgent: 'vitest' },
    audit: audit(user.id, creator.id),
    creator: { id: creator.id, name: creator.name, email: creator.email },
    via,
  }
}

/**
 * A brand (manager, finance), a campaign, a creator with a login, a verified W-9 in the creator's name,
 * and an accepted $1,000 offer with one verified deliverable.
 */
export async function moneyWorld(opts: { settings?: Record<string, unknown>; offer?: Partial<Parameters<typeof acceptedOffer>[0]>; taxForm?: boolean } = {}) {
  const brand0 = await createBrand()
  if (opts.settings) await db().update(schema.brands).set({ settings: opts.settings }).where(eqId(brand0.id))
  const brand = { ...brand0, settings: opts.settings ?? brand0.settings }
  const manager = await addMember(brand.id, 'manager')
  const finance = await addMember(brand.id, 'finance')
  const campaign = await moneyCampaign(brand.id)
  const { creator, user } = await createCreator({ brandIds: [brand.id] })
  const collab = await acceptedOffer({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id, ...opts.offer })
  const form = opts.taxForm === false ? null : await taxFormFor({ creatorId: creator.id }, { legalName: creator.name })
  return {
    brand,
    manager,
    finance,
    campaign,
    creator,
    creatorUser: user!,
    ...collab,
    form,
    managerActor: brandActor(brand, manager, 'manager'),
    financeActor: brandActor(brand, finance, 'finance'),
    creatorActor: creatorActor(creator, user!),
  }
}

export async function agencyFor(creatorId: string, opts: { scopes?: GrantScope[]; agencyInvoices?: boolean } = {}) {
  const a = await createAgency({ representing: [{ creatorId, scopes: opts.scopes ?? ['invoice', 'see_payments'] }] })
  if (opts.agencyInvoices) {
    await db().update(schema.agentGrants).set({ agencyInvoices: true }).where(eqGrant(a.grants[0]!.id))
  }
  return a
}

import { eq } from 'drizzle-orm'
import type { PostStatus } from '#app/domain/state-machines.ts'
const eqId = (id: string) => eq(schema.brands.id, id)
const eqGrant = (id: string) => eq(schema.agentGrants.id, id)

export const key = () => `k-${uid()}${uid()}`
