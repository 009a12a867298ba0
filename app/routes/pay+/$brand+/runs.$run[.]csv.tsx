import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { getPaymentRunCsv } from '#app/services/invoices/get-payment-run-csv.server.ts'
import { handleLoader } from '#app/utils/responses.server.ts'

// Resource route, finance only: one payment run as CSV for the bank or the books.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'payables.view')
  const { csv, filename } = await handleLoader(() => getPaymentRunCsv(actor, args.params.run ?? ''))
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
