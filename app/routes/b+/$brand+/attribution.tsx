import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { attributionActionSchema } from '#app/validation/attribution.ts'
import { Button, Card, EmptyState, FormError, Money, PageHeader } from '#app/components/ui.tsx'
import { ConversionEndpointCard, ExchangeRatesCard, OrdersImportCard } from '#app/components/orders-cards.tsx'
import { TrackedLinksCell } from '#app/components/tracked-links.tsx'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { roleCan } from '#app/auth/capabilities.ts'
import { createPromoCode } from '#app/services/attribution/create-promo-code.server.ts'
import { createTrackingLink } from '#app/services/attribution/create-tracking-link.server.ts'
import { importOrders } from '#app/services/attribution/import-orders.server.ts'
import { listAttribution } from '#app/services/attribution/list-attribution.server.ts'
import { addExchangeRate, deleteExchangeRate, listExchangeRates } from '#app/services/attribution/exchange-rates.server.ts'
import { getConversionEndpoint, rotateConversionSecret } from '#app/services/attribution/record-conversion.server.ts'
import { parseFormData, readFormLimited } from '#app/validation/parse-form.server.ts'
import { readCsvUpload } from '#app/validation/csv-upload.server.ts'
import { handleAction, redirectWithFlash } from '#app/utils/responses.server.ts'
import { failureOf } from '#app/utils/forms.ts'
import { ForbiddenError, InvalidInputError } from '#app/utils/errors.ts'

export const meta: MetaFunction = () => [{ title: 'Links and codes · Greenroom' }]

/** Orders exports up to this size (a 200,000-row Shopify export is about 20 MB). */
const MAX_ORDERS_CSV_BYTES = 25 * 1024 * 1024


// Managers and admins: tracked links, promo codes, the orders import, exchange rates and the conversion endpoint.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'post.verify')
  const url = new URL(args.request.url)
  const canManage = roleCan(actor.role, 'brand.settings')
  const [rows, rates, endpoint] = await Promise.all([listAttribution(actor.brand.id), listExchangeRates(actor.brand.id), getConversionEndpoint(actor.brand.id)])
  return {
    slug: actor.brand.slug,
    origin: url.origin,
    rows,
    rates,
    brandCurrency: actor.brand.currency,
    endpointUrl: `${url.origin}/hooks/conversions/${actor.brand.id}`,
    secret: canManage ? (endpoint?.secret ?? null) : null,
    canManage,
  }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await requireBrandRole(args, 'post.verify')
  const back = `/b/${actor.brand.slug}/attribution`
  return handleAction(async () => {
    const type = args.request.headers.get('content-type') ?? ''
    if (type.startsWith('multipart/form-data')) {
      const { intent, csv, fileName } = await readCsvUpload(args.request, ['orders-preview', 'orders-import'], { maxBytes: MAX_ORDERS_CSV_BYTES })
      if (intent === 'orders-preview') return { ok: true as const, csv, fileName, preview: await importOrders(actor, csv) }
      const r = await importOrders(actor, csv, { apply: true, fileName })
      if (!r.applied) throw new InvalidInputError(`Nothing was imported: ${r.refusedCount} row(s) cannot be read. Preview the file again to see which.`, { file: ['Fix the rows listed in the preview.'] })
      const n = r.newOrders + r.changedOrders
      return redirectWithFlash(back, n ? `Imported ${r.newOrders} new and ${r.changedOrders} changed order${n === 1 ? '' : 's'}.` : 'Nothing new: those orders were imported before.')
    }
    const form = await readFormLimited(args.request)
    const input = parseFormData(form, attributionActionSchema)
    switch (input.intent) {
      case 'link': {
        const links = await createTrackingLink(actor, input)
        return redirectWithFlash(back, `Tracked link${links.length === 1 ? '' : 's'} created: ${links.map((l) => `/r/${l.code} (${l.label})`).join(', ')}.`)
      }
      case 'code': {
        const code = await createPromoCode(actor, input)
        return redirectWithFlash(back, `Promo code ${code.code} added.`)
      }
      case 'rate-add': {
        const r = await addExchangeRate(actor, input)
        return redirectWithFlash(`${back}#rates`, `Rate ${r.fromCurrency}→${r.toCurrency} from ${r.effectiveOn} added.`)
      }
      case 'rate-delete':
        await deleteExchangeRate(actor, input.rateId)
        return redirectWithFlash(`${back}#rates`, 'Rate deleted.')
      case 'endpoint-rotate':
        if (!roleCan(actor.role, 'brand.settings')) throw new ForbiddenError('Only a brand admin can create or replace the secret.')
        await rotateConversionSecret(actor)
        return redirectWithFlash(back, 'New secret created. Give it to your store; the old one no longer works.')
    }
  })
}

export default function Attribution() {
  const { rows, origin, rates, brandCurrency, endpointUrl, secret, canManage } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const failure = failureOf(data)
  const preview = data && 'preview' in data ? data : null
  const nav = useNavigation()
  const busyOffer = nav.formData?.get('offerId')
  return (
    <>
      <PageHeader title="Links and codes" subtitle="A tracked link per post and a promo code per collaboration, so sales and clicks can be credited to each creator and each post." />
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
                  <th scope="col">Tracked links</th>
                  <th scope="col" className="num">Clicks</th>
                  <th scope="col">Promo codes</th>
                  <th scope="col" className="num">Orders</th>
                  <th scope="col" className="num">Net revenue</th>
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
                      <TrackedLinksCell
                        offerId={r.offerId}
                        creatorName={r.creatorName}
                        origin={origin}
                        links={r.links}
                        unlinked={r.unlinked}
                        pending={busyOffer === r.offerId && nav.formData?.get('intent') === 'link'}
                      />
                    </td>
                    <td className="num">{r.links.length ? r.clicks : '—'}</td>
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
                    <td className="num">
                      {r.orders}
                      {r.notCounted ? <div className="muted small">+{r.notCounted} not counted</div> : null}
                    </td>
                    <td className="num">
                      <Money minor={r.netMinor} currency={r.currency} />
                      {r.refundsMinor ? (
                        <div className="muted small">
                          <Money minor={r.refundsMinor} currency={r.currency} /> refunded
                        </div>
                      ) : null}
                      {r.apart.map((a) => (
                        <div key={a.currency} className="muted small">
                          + <Money minor={a.netMinor} currency={a.currency} /> (no rate)
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <OrdersImportCard preview={preview?.preview ?? null} csv={preview?.csv ?? null} fileName={preview?.fileName ?? null} fieldError={failure?.fieldErrors?.file?.[0] ?? null} />
      <ExchangeRatesCard rates={rates} brandCurrency={brandCurrency} errors={failure?.fieldErrors} />
      <ConversionEndpointCard url={endpointUrl} secret={secret} canManage={canManage} />
    </>
  )
}
