/**
 * Orders import throughput and memory (issue #16): a generated 200,000-order Shopify export (one order in
 * ten with a second line-item row, every fifth order with the brand's code, a few refunds and voids) is
 * streamed through importOrders twice — preview, then apply — in this process, against DATABASE_URL.
 * Prints one JSON line: rows per second for each pass and the peak RSS growth. Run by tests/bench/run.ts.
 */
import { eq } from 'drizzle-orm'
import { openDatabase, schema } from '#db/index.ts'
import { setDbHandle } from '#app/db.server.ts'
import { importOrders } from '#app/services/attribution/import-orders.server.ts'
import { createBrand, createCreator } from '#tests/factories.ts'
import { createCampaign, createCollaboration } from '#tests/factories-posts.ts'

const ORDERS = Number(process.env.BENCH_ORDERS ?? 200_000)
const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL!, poolSize: 4 })
setDbHandle(handle)
const { db } = await import('#app/db.server.ts')

const brand = await createBrand({ name: 'Bench orders' })
const campaign = await createCampaign(brand.id)
const { creator } = await createCreator({ brandIds: [brand.id], withUser: false })
const collab = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id })
await db().insert(schema.promoCodes).values({ brandId: brand.id, offerId: collab.offer.id, code: 'BENCH15' })

const HEADER = 'Name,Email,Financial Status,Paid at,Currency,Subtotal,Total,Discount Code,Created at,Lineitem name,Cancelled at,Payment Method,Refunded Amount\n'
let rows = 0
async function* exportFile(): AsyncGenerator<string> {
  let chunk = HEADER
  for (let i = 1; i <= ORDERS; i++) {
    const status = i % 50 === 0 ? 'refunded' : i % 37 === 0 ? 'voided' : i % 23 === 0 ? 'partially_refunded' : 'paid'
    const refund = status === 'refunded' ? '54.50' : status === 'partially_refunded' ? '10.00' : '0.00'
    const code = i % 5 === 0 ? 'bench15' : i % 7 === 0 ? 'WELCOME10' : ''
    const day = String((i % 28) + 1).padStart(2, '0')
    chunk += `#${i},c${i}@x.test,${status},,USD,50.00,54.50,${code},2026-03-${day} 10:00:00 -0500,"Trail shoe, size ${i % 13}",,Shopify Payments,${refund}\n`
    rows++
    if (i % 10 === 0) {
      chunk += `#${i},,,,,,,,,Socks,,,\n`
      rows++
    }
    if (chunk.length > 64 * 1024) {
      yield chunk
      chunk = ''
    }
  }
  if (chunk) yield chunk
}

let peak = 0
const base = process.memoryUsage().rss
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - base)), 20)
const actor = { brand: { id: brand.id }, audit: { userId: null } } as never
const t0 = performance.now()
const preview = await importOrders(actor, exportFile())
const previewRows = rows
const t1 = performance.now()
rows = 0
const applied = await importOrders(actor, exportFile(), { apply: true })
const t2 = performance.now()
clearInterval(sampler)
await db().delete(schema.brands).where(eq(schema.brands.id, brand.id))
await handle.close()
console.info(
  JSON.stringify({
    rows: previewRows,
    orders: preview.orders,
    credited: applied.newOrders,
    previewRowsPerSecond: previewRows / ((t1 - t0) / 1000),
    applyRowsPerSecond: rows / ((t2 - t1) / 1000),
    rssGrowthMb: peak / (1 << 20),
  }),
)
