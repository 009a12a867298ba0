/** The metrics a post snapshot can carry (the stats form, the CSV import, the connectors). */
export const METRIC_FIELDS = ['impressions', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks', 'followers'] as const
export type MetricField = (typeof METRIC_FIELDS)[number]
export type MetricValues = Record<MetricField, number | null>
