import { and, count, eq } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { periodRange, type ProgramPeriod } from '#app/domain/program-period.ts'
import { emvFormulaOf } from '#app/domain/report-metrics.ts'
import { getPerformanceReport } from '#app/services/reports/get-performance-report.server.ts'
import { getBudget } from '#app/services/budget/get-budget.server.ts'

/**
 * The program numbers on the brand home: spend against budget (in the brand's currency, all campaigns),
 * and for posts published in the period: posts live, reach, EMV (with its formula), redemptions and
 * revenue, from the same performance report the Reports page shows; plus the drafts waiting for review.
 */
export async function getProgramSummary(actor: Pick<BrandActor, 'brand'>, period: ProgramPeriod, now = new Date()) {
  const range = periodRange(period, now)
  const [report, budget, [queue]] = await Promise.all([
    getPerformanceReport(actor.brand, { from: range.from, to: range.to }),
    getBudget(actor),
    db()
      .select({ n: count() })
      .from(schema.deliverables)
      .where(and(eq(schema.deliverables.brandId, actor.brand.id), eq(schema.deliverables.status, 'draft_submitted'))),
  ])
  const spend = budget.program.find((p) => p.currency === actor.brand.currency) ?? {
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
    reviewQueue: Number(queue?.n ?? 0),
  }
}
