/**
 * The draft upload endpoint used by the deliverable page with JavaScript (XMLHttpRequest, so the page
 * can show bytes sent and cancel). Same service as the page's own action; answers JSON instead of a
 * page: { ok: true, redirectTo } with the flash cookie set, or { ok: false, formError, fieldErrors }.
 */
import { type ActionFunctionArgs } from '@remix-run/node'
import { requireCreatorActor } from '#app/auth/guards.server.ts'
import { submitDraft } from '#app/services/content/submit-draft.server.ts'
import { AppError } from '#app/utils/errors.ts'
import { flashCookie } from '#app/utils/flash.server.ts'

const json = (body: unknown, status: number, headers: HeadersInit = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers } })

// The creator, or an agent with the submit_content scope.
export async function action(args: ActionFunctionArgs) {
  const actor = await requireCreatorActor(args, 'submit_content')
  try {
    const r = await submitDraft(actor, args.params.deliverable ?? '', args.request)
    const message = r.blockingCount
      ? `Draft v${r.draft.version} submitted, with ${r.blockingCount} blocking finding${r.blockingCount === 1 ? '' : 's'}: the brand cannot approve it until they are fixed.`
      : `Draft v${r.draft.version} submitted. The brand will review it.`
    return json({ ok: true, redirectTo: `/c/${actor.creator.id}/deliverables/${args.params.deliverable}`, version: r.draft.version }, 200, {
      'Set-Cookie': await flashCookie(message, r.blockingCount ? 'info' : 'success'),
    })
  } catch (error) {
    if (error instanceof AppError) return json({ ok: false, formError: error.message, fieldErrors: error.fieldErrors }, error.status)
    throw error
  }
}
