import type { BrandActor } from '#app/auth/guards.server.ts'
import { periodRange, type ProgramPeriod } from '#app/domain/program-period.ts'
import { deriveMetrics, emvFormulaOf, reportSettings } from '#app/domain/report-metrics.ts'
import { loadProgramTotals } from '#app/services/reports/load-performance.server.ts'
import { getProgramFigures } from '#app/services/budget/get-money-summaries.server.ts'

/**
 * The program numbers on the brand home: spend against budget (in the brand's currency, all campaigns),
 * and for posts published in the period: posts live, reach, EMV (with its formula), redemptions and
 * revenue, the program row of the performance report the Reports page shows for that period (read as two
 * sums over the period's posts and orders, loadProgramTotals). The drafts waiting for review come with the
 * home's other counts (getBrandOverview).
 * Spend is the program figures summed by the database over the campaign_money summary rows (getProgramFigures,
 * the Budget page's totals): rows kept by the database in the same transaction as every change, not every
 * collaboration of the brand.
 */
export async function getProgramSummary(actor: Pick<BrandActor, 'brand'>, period: ProgramPeriod, now = new Date()) {
  const range = periodRange(period, now)
  const currency = actor.brand.currency
  const settings = reportSettings(actor.brand.settings)
  const [totals, figures] = await Promise.all([loadProgramTotals(actor.brand.id, currency, range), getProgramFigures(actor.brand.id)])
  const spend = figures.find((p) => p.currency === actor.brand.currency) ?? {
    currency: actor.brand.currency,
    plannedMinor: 0,
    committedMinor: 0,
    invoicedMinor: 0,
    paidMinor: 0,
    remainingMinor: 0,
    overCommitted: false,
  }
  return {
    period,
    range,
    currency,
    spend,
    posts: totals.posts,
    reach: totals.reach,
    emv: deriveMetrics(totals, settings, currency).emv,
    emvFormula: emvFormulaOf(settings, currency),
    redemptions: totals.redemptions,
    revenueMinor: totals.revenueMinor,
  }
}
