import { toCsvLine } from '#app/domain/csv.ts'
import { reportColumns, sortRows } from '#app/domain/report-columns.ts'
import { emvFormulaOf } from '#app/domain/report-metrics.ts'
import { getPerformanceReport } from '#app/services/reports/get-performance-report.server.ts'
import { type parseReportQuery } from '#app/validation/report-filters.ts'

type ReportQuery = ReturnType<typeof parseReportQuery>
type Brand = Parameters<typeof getPerformanceReport>[0]

// The report table on screen (same filters, grouping and sort) as a streamed CSV.
// Values are raw: counts, money in major units with 2 decimals (unit money 4), rates as decimals.
// Every cell goes through toCsvLine, which neutralises spreadsheet formulas.
export async function exportReportCsv(brand: Brand, q: ReportQuery): Promise<ReadableStream<Uint8Array>> {
  const report = await getPerformanceReport(brand, { from: q.from, to: q.to, campaignId: q.campaign, creatorId: q.creator, platform: q.platform, tier: q.tier })
  const emvFormula = emvFormulaOf(report.settings, report.currency)
  const cols = reportColumns({ engagementSet: report.settings.engagementSet, rateBasis: report.settings.rateBasis, emvFormula })
  const rows = sortRows(report[q.view] as unknown as Record<string, unknown>[], q.sort, q.dir)
  const cell = (kind: string, v: unknown): string | number | null => {
    if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return null
    if (kind === 'money' || kind === 'unit-money') return (Number(v) / 100).toFixed(kind === 'unit-money' ? 4 : 2)
    if (kind === 'percent' || kind === 'ratio') return Number(v).toFixed(4)
    return v as string | number
  }
  const header = [q.view === 'campaigns' ? 'Campaign' : 'Creator', ...(q.view === 'collaborations' ? ['Campaign'] : []), ...cols.map((c) => (c.kind === 'money' || c.kind === 'unit-money' ? `${c.header} (${report.currency})` : c.header)), 'Cost basis']
  const line = (r: Record<string, unknown>) =>
    toCsvLine([r.label as string, ...(q.view === 'collaborations' ? [r.sublabel as string] : []), ...cols.map((c) => cell(c.kind, r[c.key])), r.costBasis as string])
  const encoder = new TextEncoder()
  let i = 0
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode('\uFEFF' + toCsvLine(header)))
    },
    pull(controller) {
      // One chunk of rows per pull: a large program streams instead of building one big string.
      const chunk = rows.slice(i, i + 200)
      i += chunk.length
      if (chunk.length) controller.enqueue(encoder.encode(chunk.map(line).join('')))
      else {
        controller.enqueue(encoder.encode(line({ ...report.program, label: 'Total', sublabel: '' } as unknown as Record<string, unknown>)))
        controller.enqueue(encoder.encode(toCsvLine([`EMV = ${emvFormula}. Engagements = ${report.settings.engagementSet.join(' + ')}. ER denominator: ${report.settings.rateBasis}.`])))
        controller.enqueue(encoder.encode(toCsvLine([`Orders and revenue: ${report.ordersMethod}`])))
        for (const a of report.ordersApart) controller.enqueue(encoder.encode(toCsvLine([`Not included (no exchange rate to ${report.currency}): ${a.orders} order(s) in ${a.currency}, net ${a.netMinor} minor units`])))
        controller.close()
      }
    },
  })
}
