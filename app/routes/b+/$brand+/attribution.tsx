import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { Button, Card, EmptyState, FormError, Money, PageHeader } from '#app/components/ui.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { createPromoCode } from '#app/services/attribution/create-promo-code.server.ts'
import { createTrackingLink } from '#app/services/attribution/create-tracking-link.server.ts'
import { importRedemptions } from '#app/services/attribution/import-redemptions.server.ts'
import { listAttribution } from '#app/services/attribution/list-attribution.server.ts'
import { parseFormData } from '#app/validation/parse-form.server.ts'
import { readCsvUpload } from '#app/validation/csv-upload.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf } from '#app/utils/forms.ts'
import { useIsPending } from '#app/utils/use-pending.ts'

export const meta: MetaFunction = () => [{ title: 'Links and codes · Greenroom' }]

const schema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('link'), offerId: z.string().min(1).max(40), destinationUrl: z.string().trim().min(1, 'Enter the address').max(2000) }),
  z.object({ intent: z.literal('code'), offerId: z.string().min(1).max(40), code: z.string().trim().min(1, 'Enter a code').max(40) }),
])

// Managers and admins: tracked links, promo codes and the orders import.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'post.verify')
  const url = new URL(args.request.url)
  return { slug: actor.brand.slug, origin: url.origin, rows: await listAttribution(actor.brand.id) }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'post.verify')
  return handleAction(async () => {
    const type = args.request.headers.get('content-type') ?? ''
    if (type.startsWith('multipart/form-data')) {
      const { intent, csv } = await readCsvUpload(args.request, ['orders-preview', 'orders-import'])
      if (intent === 'orders-preview') return { ok: true as const, csv, preview: await importRedemptions(actor, csv, { dryRun: true }) }
      const r = await importRedemptions(actor, csv)
      return redirectWithFlash(
        `/b/${actor.brand.slug}/attribution`,
        r.inserted ? `Imported ${r.inserted} order${r.inserted === 1 ? '' : 's'} with your promo codes.` : 'Nothing new: those orders were imported before.',
      )
    }
    const form = await args.request.formData().catch(() => new FormData())
    const input = parseFormData(form, schema)
    if (input.intent === 'link') {
      const link = await createTrackingLink(actor, input)
      return redirectWithFlash(`/b/${actor.brand.slug}/attribution`, `Tracked link /r/${link.code} created.`)
    }
    const code = await createPromoCode(actor, input)
    return redirectWithFlash(`/b/${actor.brand.slug}/attribution`, `Promo code ${code.code} added.`)
  })
}

export default function Attribution() {
  const { rows, origin } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const failure = failureOf(data)
  const preview = data && 'preview' in data ? data : null
  const nav = useNavigation()
  const busyOffer = nav.formData?.get('offerId')
  const previewing = useIsPending({ intent: 'orders-preview' })
  const importing = useIsPending({ intent: 'orders-import' })
  return (
    <>
      <PageHeader title="Links and codes" subtitle="One tracked link and a promo code per collaboration, so sales and clicks can be credited to each creator." />
      <FormError errors={failure?.formError} />
      <Card title="Collaborations">
        {rows.length === 0 ? (
          <EmptyState title="No collaborations yet">Once a creator accepts an offer, give them a tracked link and a promo code here.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Creator</th>
                  <th scope="col">Tracked link</th>
                  <th scope="col" className="num">Clicks</th>
                  <th scope="col">Promo codes</th>
                  <th scope="col" className="num">Orders</th>
                  <th scope="col" className="num">Revenue</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.offerId}>
                    <td>
                      <strong>{r.creatorName}</strong>
                      <div className="muted small">{r.campaignName}</div>
                    </td>
                    <td>
                      {r.linkCode ? (
                        <>
                          <code>
                            {origin}/r/{r.linkCode}
                          </code>
                          <div className="muted small truncate" style={{ maxWidth: '18rem' }}>
                            → {r.destinationUrl}
                          </div>
                        </>
                      ) : (
                        <Form method="post" className="cluster" noValidate>
                          <input type="hidden" name="intent" value="link" />
                          <input type="hidden" name="offerId" value={r.offerId} />
                          <label className="sr-only" htmlFor={`dest-${r.offerId}`}>
                            Destination for {r.creatorName}
                          </label>
                          <input className="input" id={`dest-${r.offerId}`} name="destinationUrl" type="url" placeholder="https://your-shop.com/product" required />
                          <Button type="submit" className="btn-sm" pending={busyOffer === r.offerId && nav.formData?.get('intent') === 'link'}>
                            Create link
                          </Button>
                        </Form>
                      )}
                    </td>
                    <td className="num">{r.linkCode ? r.clicks : '—'}</td>
                    <td>
                      {r.codes.length ? <div>{r.codes.join(', ')}</div> : null}
                      <Form method="post" className="cluster" noValidate>
                        <input type="hidden" name="intent" value="code" />
                        <input type="hidden" name="offerId" value={r.offerId} />
                        <label className="sr-only" htmlFor={`code-${r.offerId}`}>
                          Promo code for {r.creatorName}
                        </label>
                        <input className="input" id={`code-${r.offerId}`} name="code" placeholder="NAME15" maxLength={40} required style={{ maxWidth: '9rem' }} />
                        <Button type="submit" className="btn-sm" pending={busyOffer === r.offerId && nav.formData?.get('intent') === 'code'}>
                          Add code
                        </Button>
                      </Form>
                    </td>
                    <td className="num">{r.redemptions}</td>
                    <td className="num">
                      <Money minor={r.revenueMinor} currency={r.currency} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title="Import orders (Shopify CSV)">
        <p className="small">
          Shopify → Orders → Export → CSV. We read <code>Name</code>, <code>Created at</code>, <code>Discount Code</code>, <code>Total</code> and{' '}
          <code>Currency</code>, match the discount code to your promo codes, and count each order number once.
        </p>
        <Form method="post" encType="multipart/form-data" className="cluster" noValidate>
          <input type="hidden" name="intent" value="orders-preview" />
          <input type="file" name="file" accept=".csv,text/csv" aria-label="Orders CSV" />
          <Button type="submit" pending={previewing} pendingText="Reading…">
            Preview
          </Button>
        </Form>
        {preview ? (
          <div className="stack" style={{ marginTop: '1rem' }}>
            <p>
              {preview.preview.rows.length - preview.preview.alreadyImported} new order(s) with your codes, {preview.preview.alreadyImported} already imported,{' '}
              {preview.preview.ignored} without a code (ignored).
            </p>
            {preview.preview.errors.length ? (
              <ul className="callout callout-warning plain small">
                {preview.preview.errors.map((e) => (
                  <li key={`${e.line}`}>
                    Line {e.line}: {e.reason}
                  </li>
                ))}
              </ul>
            ) : null}
            {preview.preview.rows.length - preview.preview.alreadyImported > 0 ? (
              <Form method="post" encType="multipart/form-data">
                <input type="hidden" name="intent" value="orders-import" />
                <input type="hidden" name="csv" value={preview.csv} />
                <Button type="submit" variant="primary" pending={importing} pendingText="Importing…">
                  Import orders
                </Button>
              </Form>
            ) : null}
          </div>
        ) : null}
      </Card>
    </>
  )
}
