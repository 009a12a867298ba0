import { type LoaderFunctionArgs } from '@remix-run/node'
import { requireBrandRole } from '#app/auth/guards.server.ts'
import { exportReportCsv } from '#app/services/reports/export-report-csv.server.ts'
import { parseReportQuery } from '#app/validation/report-filters.ts'

// Resource route: the report table on screen as a streamed CSV (built in services/reports/export-report-csv).
// Any member with report.view.
export async function loader(args: LoaderFunctionArgs) {
  const actor = await requireBrandRole(args, 'report.view')
  const q = parseReportQuery(new URL(args.request.url))
  const dayError = q.dayErrors.from ?? q.dayErrors.to
  if (dayError) throw new Response(`${q.dayErrors.from ? 'From' : 'To'} date: ${dayError}`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const stream = await exportReportCsv(actor.brand, q)
  const today = new Date().toISOString().slice(0, 10)
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="greenroom-${actor.brand.slug}-${q.view}-${today}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
