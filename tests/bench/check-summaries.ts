/**
 * `npm run bench:check-summaries`: are the summaries the triggers keep in DATABASE_URL the ones their SQL
 * functions compute from scratch? Copies each summary (follower growth on social_accounts, roster sort keys on
 * roster_entries, post_metrics_latest, campaign_money, the review queue's order and counts, the roster's counts, the report's kept totals, open invoices by due day, program money), recomputes all of them in a transaction that is rolled
 * back, and prints, per summary, the rows that differ (0 expected) and an md5 of the stored rows in key order
 * (to compare two databases seeded the same way, e.g. `npm run bench:seed` with and without
 * BENCH_SEED_TRIGGERS=1). Exits 1 on any difference.
 */
import postgres from 'postgres'

const url = process.env.DATABASE_URL
if (!url) {
  console.error('bench:check-summaries needs DATABASE_URL.')
  process.exit(1)
}
const sql = postgres(url, { max: 1, onnotice: () => {} })

const summaries: { name: string; rows: string; key: string; hashed?: string }[] = [
  { name: 'follower growth', rows: `select id, growth90d_bp, snapshot_followers, snapshot_at from social_accounts`, key: 'id' },
  { name: 'roster sort keys', rows: `select id, top_followers, last_collaboration_at, total_paid_minor, on_time_rate_bp from roster_entries`, key: 'id' },
  // snapshot_created_at is when the seed ran (a default of now()): compared with the recomputation, left out of the md5
  { name: 'latest counters per post', rows: `select post_id, brand_id, snapshot_id, captured_at, snapshot_created_at, impressions, reach, views, likes, comments, shares, saves, clicks from post_metrics_latest`, key: 'post_id', hashed: `x.post_id, x.brand_id, x.snapshot_id, x.captured_at, x.impressions, x.reach, x.views, x.likes, x.comments, x.shares, x.saves, x.clicks` },
  { name: 'at-risk counts', rows: `select brand_id, kind, day, n from at_risk_days`, key: 'brand_id, x.kind, x.day' },
  { name: 'untracked offers', rows: `select brand_id, offer_id, has_link, has_code from untracked_offers`, key: 'offer_id' },
  { name: 'posts without stats', rows: `select post_id, brand_id, posted_at, level from post_stats_gaps`, key: 'post_id' },
  { name: 'review queue order', rows: `select id, queue_urgency from draft_versions`, key: 'id' },
  { name: 'review queue counts', rows: `select brand_id, undecided, waiting from review_queue_counts where undecided <> 0 or waiting <> 0`, key: 'brand_id' },
  { name: 'roster counts', rows: `select brand_id, status, entries from roster_counts where entries <> 0`, key: 'brand_id, x.status' },
  { name: 'roster tags', rows: `select brand_id, tag, entries from roster_tag_counts where entries <> 0`, key: 'brand_id, x.tag' },
  { name: 'report per collaboration', rows: `select * from report_collab`, key: 'offer_id' },
  { name: 'report per creator', rows: `select * from report_creator`, key: 'brand_id, x.currency, x.creator_id' },
  { name: 'report per campaign', rows: `select * from report_campaign`, key: 'brand_id, x.currency, x.campaign_id' },
  { name: 'invoices by due day', rows: `select brand_id, status, due_key, currency, invoices, total_minor from invoice_due_days`, key: 'brand_id, x.status, x.due_key, x.currency' },
  { name: 'program money', rows: `select brand_id, currency, campaigns, newest_campaign_at, planned_minor, committed_minor, invoiced_minor, paid_minor from program_money`, key: 'brand_id, x.currency' },
  { name: 'program money by kind', rows: `select brand_id, currency, kind, total_minor, campaigns from program_money_kinds`, key: 'brand_id, x.currency, x.kind' },
  { name: 'licences per brand', rows: `select brand_id, perpetual, items from rights_counts where items <> 0`, key: 'brand_id, x.perpetual' },
  { name: 'campaign money', rows: `select campaign_id, brand_id, currency, planned_minor, committed_minor, invoiced_minor, paid_minor, by_kind, ignored_rows, offer_counts, invoice_counts, deliverable_counts from campaign_money`, key: 'campaign_id' },
]

let failed = false
await sql.begin(async (tx) => {
  for (const [i, s] of summaries.entries()) {
    await tx.unsafe(`create temp table stored_${i} on commit drop as ${s.rows}`)
    const [h] = await tx.unsafe(`select count(*)::int as n, md5(coalesce(string_agg((${s.hashed ?? 'x'})::text, '|' order by x.${s.key}), '')) as md5 from stored_${i} x`)
    console.info(`[check] ${s.name}: ${h!.n} rows, md5 ${h!.md5}`)
  }
  await tx`select social_account_growth_refresh(array_agg(id)) from social_accounts`
  await tx`select roster_stats_refresh(array_agg(brand_id), array_agg(creator_id)) from roster_entries`
  await tx`select post_metrics_latest_refresh(array_agg(id), false) from posts`
  await tx`select campaign_money_refresh(array_agg(id)) from campaigns`
  await tx`select program_money_rebuild()`
  await tx`select at_risk_days_rebuild()`
  await tx`select queue_roster_counts_rebuild()`
  await tx`select report_collab_rebuild()`
  await tx`select invoice_due_days_rebuild()`
  await tx`select rights_counts_rebuild()`
  for (const [i, s] of summaries.entries()) {
    const [d] = await tx.unsafe(`select (select count(*) from (select * from stored_${i} except all select * from (${s.rows}) a) b)::int
      + (select count(*) from (select * from (${s.rows}) a except all select * from stored_${i}) b)::int as n`)
    console.info(`[check] ${s.name}: ${d!.n} rows differ from a recomputation`)
    if (d!.n !== 0) failed = true
  }
  throw new Error('rollback')
}).catch((e) => {
  if ((e as Error).message !== 'rollback') throw e
})
await sql.end()
process.exit(failed ? 1 : 0)
