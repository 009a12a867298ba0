/** Filters of the brand's live-post list (browser-safe). */
export const POST_STATUS_FILTERS = ['submitted', 'changes_requested', 'verified', 'all'] as const
export type PostStatusFilter = (typeof POST_STATUS_FILTERS)[number]
