import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { schema } from './index.ts'
import type { Seeder } from './seed-ids.ts'
import { feeCostEntry } from '../app/domain/money-figures.ts'

const DAY = 86_400_000

/**
 * Demo money for Acme Running: the "Winter Base Layer" campaign with an accepted $1,500 offer to
 * Maya Chen whose Instagram reel is delivered (approved draft, verified live post), so she can invoice
 * it; her verified W-9 (legal name "Maya Chen"); the committed fee and a gifting entry in the ledger.
 * Rows are inserted directly, the ledger rows as the app writes them (feeCostEntry, the gifting entry of
 * addCostEntry). Nothing random.
 */
export const seedMoney: Seeder = async (tx, ids) => {
  const acme = ids.brands.get('acme-running')!
  const marco = ids.users.get('marco@acme.test')!
  const fiona = ids.users.get('fiona@acme.test')!
  const maya = ids.creators.get('maya@creators.test')!
  const at = (n: number) => new Date(ids.now.getTime() + n * DAY)
  const day = (n: number) => at(n).toISOString().slice(0, 10)
  const [campaign] = await tx
    .insert(schema.campaigns)
    .values({
      brandId: acme,
      name: 'Winter Base Layer',
      objective: 'Cold-weather running in the Merino base layer.',
      startsOn: day(-50),
      endsOn: day(20),
      platforms: ['instagram'],
      budgetMinor: 500_000,
      currency: 'USD',
      status: 'active',
      createdByUserId: marco,
    })
    .returning()
  const [offer] = await tx
    .insert(schema.offers)
    .values({
      brandId: acme,
      campaignId: campaign!.id,
      creatorId: maya,
      status: 'accepted',
      connectionType: 'paid',
      feeMinor: 150_000,
      currency: 'USD',
      paymentNetDays: 30,
      paymentClockStart: 'post_verified',
      deliverableSpecs: [{ platform: 'instagram', format: 'reel', quantity: 1, draftDueOn: day(-25), postWindowStart: day(-20), postWindowEnd: day(-10) }],
      sentByUserId: marco,
      sentAt: at(-40),
      acceptedAt: at(-38),
      acceptedByUserId: ids.users.get('maya@creators.test') ?? null,
    })
    .returning()
  const [deliverable] = await tx
    .insert(schema.deliverables)
    .values({
      offerId: offer!.id,
      brandId: acme,
      campaignId: campaign!.id,
      creatorId: maya,
      platform: 'instagram',
      format: 'reel',
      position: 1,
      draftDueOn: day(-25),
      postWindowStart: day(-20),
      postWindowEnd: day(-10),
      status: 'verified',
    })
    .returning()
  await tx.insert(schema.draftVersions).values({
    deliverableId: deliverable!.id,
    brandId: acme,
    version: 1,
    caption: '#ad Cold mornings, warm core: the Acme Merino base layer @acmerunning',
    decision: 'approved',
    decidedByUserId: marco,
    decidedAt: at(-22),
  })
  await tx.insert(schema.posts).values({
    deliverableId: deliverable!.id,
    brandId: acme,
    creatorId: maya,
    platform: 'instagram',
    url: 'https://www.instagram.com/reel/WinterBaseLayerMaya1/',
    postedAt: at(-15),
    captionAsPosted: '#ad Cold mornings, warm core: the Acme Merino base layer @acmerunning',
    status: 'verified',
    verifiedByUserId: marco,
    verifiedAt: at(-14),
  })
  await tx.insert(schema.costEntries).values([
    feeCostEntry(offer!, offer!.feeMinor, ids.users.get('maya@creators.test') ?? null, at(-38))!,
    {
      brandId: acme,
      campaignId: campaign!.id,
      offerId: offer!.id,
      kind: 'gifting',
      amountMinor: 12_000,
      currency: 'USD',
      note: 'Merino base layer set',
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
      shippedOn: day(-35),
      deliveredOn: day(-32),
      createdByUserId: marco,
      createdAt: at(-35),
    },
  ])
  // The bytes too, so the tax-forms page's link opens a file (a link the crawler gate follows).
  const w9 = demoPdf('W-9 (demo): Maya Chen')
  const w9Path = path.resolve(process.env.UPLOAD_DIR ?? 'data/uploads', 'tax-forms/demo-maya-w9')
  mkdirSync(path.dirname(w9Path), { recursive: true })
  writeFileSync(w9Path, w9, { mode: 0o600 })
  const [file] = await tx
    .insert(schema.files)
    .values({ purpose: 'tax_form', storage: 'local', storageKey: 'tax-forms/demo-maya-w9', originalName: 'maya-chen-w9.pdf', mimeType: 'application/pdf', sizeBytes: w9.length, creatorId: maya })
    .returning()
  await tx.insert(schema.taxForms).values({
    creatorId: maya,
    kind: 'W-9',
    legalName: 'Maya Chen',
    entityType: 'individual',
    fileId: file!.id,
    status: 'verified',
    verifiedByUserId: fiona,
    verifiedAt: at(-30),
    createdAt: at(-31),
  })
}

/** A minimal one-page PDF with one line of text (valid enough for any viewer). */
export function demoPdf(text: string): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 18 Tf 72 720 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 18 Tf 72 720 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objs.forEach((o, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}
