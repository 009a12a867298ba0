import { type ActionFunctionArgs } from '@remix-run/node'
import { MAX_CONVERSION_BODY, recordConversion } from '#app/services/attribution/record-conversion.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { readLimitedText } from '#app/utils/read-limited.server.ts'

// Public, machine to machine: a store reports an order from a tracked-link visit, signed with the
// brand's secret (app/services/attribution/record-conversion.server.ts). JSON in, JSON out.
export async function loader() {
  return json({ error: 'POST a signed conversion here (see Links and codes → Conversion endpoint).' }, 405, { Allow: 'POST' })
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers } })
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== 'POST') return json({ error: 'Use POST.' }, 405, { Allow: 'POST' })
  const body = await readLimitedText(request, MAX_CONVERSION_BODY)
  if (body === null) return json({ error: `The body is larger than ${MAX_CONVERSION_BODY} bytes.` }, 413)
  try {
    const r = await recordConversion({
      brandId: params.brandId ?? '',
      timestamp: request.headers.get('x-greenroom-timestamp'),
      signature: request.headers.get('x-greenroom-signature'),
      body,
    })
    return json({ ok: true, outcome: r.outcome, order_id: r.orderId }, r.outcome === 'recorded' ? 201 : 200)
  } catch (e) {
    if (e instanceof AppError) return json({ error: e.message, fields: e.fieldErrors }, e.status)
    throw e
  }
}
