import type { BrandActor } from '#app/auth/guards.server.ts'
import { periodRange, type ProgramPeriod } from '#app/domain/program-period.ts'
import { emvFormulaOf } from '#app/domain/report-metrics.ts'
import { getPerformanceReport } from '#app/services/reports/get-performance-report.server.ts'
import { sumMoneyFigures } from '#app/domain/money-figures.ts'
import { getMoneySummaries } from '#app/services/budget/get-money-summaries.server.ts'

/**
 * The program numbers on the brand home: spend against budget (in the brand's currency, all campaigns),
 * and for posts published in the period: posts live, reach, EMV (with its formula), redemptions and
 * revenue, from the same performance report the Reports page shows; plus the drafts waiting for review.
 * Spend and the review queue come from the campaign_money summary rows (one per campaign, kept by the
 * database in the same transaction as every change), not from every collaboration of the brand.
 */
export async function getProgramSummary(actor: Pick<BrandActor, 'brand'>, period: ProgramPeriod, now = new Date()) {
  const range = periodRange(period, now)
  const [report, summaries] = await Promise.all([getPerformanceReport(actor.brand, { from: range.from, to: range.to }), getMoneySummaries(actor.brand.id)])
  const spend = sumMoneyFigures(summaries).find((p) => p.currency === actor.brand.currency) ?? {
    currency: actor.brand.currency,
    plannedMinor: 0,
    committedMinor: 0,
    invoicedMinor: 0,
    paidMinor: 0,
    remainingMinor: 0,
    overCommitted: false,
  }
  const p = report.program
  return {
    period,
    range,
    currency: report.currency,
    spend,
    posts: p.posts,
    reach: p.reach,
    emv: p.emv,
    emvFormula: emvFormulaOf(report.settings, report.currency),
    redemptions: p.redemptions,
    revenueMinor: p.revenueMinor,
    reviewQueue: summaries.reduce((n, s) => n + (s.deliverableCounts.draft_submitted ?? 0), 0),
  }
}
