import { type LoaderFunctionArgs } from '@remix-run/node'
import { recordLinkClick } from '#app/services/attribution/record-link-click.server.ts'

// Public: a creator's tracked link. Redirects to the brand's destination with UTM parameters and
// counts the click (bots filtered, one per visitor per day, no raw IP stored).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ip = ((context ?? {}) as { ip?: string | null }).ip ?? null
  const result = await recordLinkClick({ code: params.code ?? '', ip, userAgent: request.headers.get('user-agent') })
  if (!result) {
    throw new Response('This link does not exist or is no longer active.', { status: 404, headers: { 'Cache-Control': 'no-store' } })
  }
  return new Response(null, {
    status: 302,
    headers: { Location: result.location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer-when-downgrade', 'X-Robots-Tag': 'noindex' },
  })
}
