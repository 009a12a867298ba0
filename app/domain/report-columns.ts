/**
 * The columns of the performance report: key, header, definition (shown on hover and in the CSV
 * export's notes) and kind (how a value is shown). Browser-safe: the page and the export share it.
 */
import { compareText } from './compare-text.ts'

export type ColumnKind = 'count' | 'money' | 'unit-money' | 'ratio' | 'percent' | 'text'

export interface ReportColumn {
  key: string
  header: string
  kind: ColumnKind
  definition: string
}

export function reportColumns(opts: { engagementSet: string[]; rateBasis: string; emvFormula: string }): ReportColumn[] {
  const set = opts.engagementSet.map((f) => (f === 'postClicks' ? 'link taps' : f)).join(' + ')
  return [
    { key: 'tier', header: 'Tier', kind: 'text', definition: 'From the creator’s latest follower count (nano 1K–10K, micro 10K–100K, mid 100K–500K, macro 500K–1M, mega 1M+).' },
    { key: 'costMinor', header: 'Cost', kind: 'money', definition: 'Fees + gifting + shipping + production + commission + usage from the cost ledger; the contracted fee (and usage fee) when a collaboration has no ledger rows yet.' },
    { key: 'posts', header: 'Posts', kind: 'count', definition: 'Live posts published in the period.' },
    { key: 'impressions', header: 'Impressions', kind: 'count', definition: 'Sum of each post’s latest reported impressions.' },
    { key: 'reach', header: 'Reach', kind: 'count', definition: 'Sum of each post’s latest reported reach (unique accounts per post; not de-duplicated across posts).' },
    { key: 'views', header: 'Views', kind: 'count', definition: 'Sum of each post’s latest reported video views.' },
    { key: 'engagements', header: 'Engagements', kind: 'count', definition: `Engagements = ${set} (this brand’s chosen set).` },
    { key: 'engagementRate', header: `ER (by ${opts.rateBasis})`, kind: 'percent', definition: `Engagement rate = engagements ÷ ${opts.rateBasis}.` },
    { key: 'cpm', header: 'CPM', kind: 'unit-money', definition: 'Cost per thousand impressions = cost ÷ impressions × 1,000.' },
    { key: 'cpv', header: 'CPV', kind: 'unit-money', definition: 'Cost per view = cost ÷ views.' },
    { key: 'cpe', header: 'CPE', kind: 'unit-money', definition: 'Cost per engagement = cost ÷ engagements.' },
    { key: 'linkClicks', header: 'Clicks', kind: 'count', definition: 'Tracked-link clicks in the period: bots filtered, one per visitor per day.' },
    { key: 'cpc', header: 'CPC', kind: 'unit-money', definition: 'Cost per click = cost ÷ tracked-link clicks.' },
    { key: 'redemptions', header: 'Orders', kind: 'count', definition: 'Orders credited to the creator (promo code first, else tracked link) that were paid and not refunded in full, cancelled, voided or test orders, within the campaign’s attribution window.' },
    { key: 'conversionRate', header: 'Conv. rate', kind: 'percent', definition: 'Conversion rate = orders ÷ tracked-link clicks.' },
    { key: 'grossRevenueMinor', header: 'Gross revenue', kind: 'money', definition: 'Order totals before refunds, in the collaboration’s currency (other currencies at the rates you entered).' },
    { key: 'refundsMinor', header: 'Refunds', kind: 'money', definition: 'Refunded amounts of those orders.' },
    { key: 'revenueMinor', header: 'Net revenue', kind: 'money', definition: 'Net revenue = gross revenue − refunds.' },
    { key: 'cpa', header: 'Cost per order', kind: 'unit-money', definition: 'Cost per order = cost ÷ orders.' },
    { key: 'roas', header: 'ROAS', kind: 'ratio', definition: 'Return on ad spend = net revenue ÷ cost.' },
    { key: 'emv', header: 'EMV', kind: 'money', definition: `Earned media value (an estimate, not ROI) = ${opts.emvFormula}.` },
  ]
}

export const SORTABLE_KEYS = ['label', 'tier', 'costMinor', 'posts', 'impressions', 'reach', 'views', 'engagements', 'engagementRate', 'cpm', 'cpv', 'cpe', 'linkClicks', 'cpc', 'redemptions', 'conversionRate', 'grossRevenueMinor', 'refundsMinor', 'revenueMinor', 'cpa', 'roas', 'emv'] as const
export type SortKey = (typeof SORTABLE_KEYS)[number]

/** Sort rows by a column; missing values ("—") always last, whatever the direction. */
export function sortRows<T extends Record<string, unknown>>(rows: readonly T[], key: string, dir: 'asc' | 'desc'): T[] {
  const sign = dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const x = a[key]
    const y = b[key]
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1
    if (y === null || y === undefined) return -1
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign
    return compareText(String(x), String(y)) * sign
  })
}
