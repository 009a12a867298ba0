/**
 * `npm run bench:seed`: fill PostgreSQL (DATABASE_URL) with a large, deterministic program for the
 * benchmarks: 20 brands, 10,000 creators, 1,000 campaigns, 25,000 offers with 100,000 deliverables,
 * drafts and posts, 1,000,000 metric snapshots, 200,000 tracked-link clicks, 20,000 invoices.
 * Same seed, same data. Big tables go in with COPY, the rest in batched multi-row inserts.
 *
 * The rows are loaded with the triggers off (session_replication_role = replica: no summary triggers and no
 * foreign-key checks; the generator only makes rows that reference rows made before them), then every summary
 * the triggers keep is computed once, from scratch, by the same SQL functions the triggers call
 * (social_account_growth_refresh, roster_stats_refresh, post_metrics_latest_refresh, campaign_money_refresh, program_days_refresh,
 * at_risk_days_rebuild, queue_roster_counts_rebuild, report_collab_rebuild, invoice_due_days_rebuild, rights_counts_rebuild):
 * one pass over each table instead of one refresh per COPY. `BENCH_SEED_TRIGGERS=1` loads with the triggers on
 * instead (the way the app writes); `npm run bench:check-summaries` shows both give the same summaries.
 *
 *   BENCH_SCALE=0.1 npm run bench:seed   # a tenth of everything (the "small" data size)
 */
import postgres from 'postgres'
import { openDatabase } from '../../db/index.ts'
import { hashPassword } from '../../app/auth/password.server.ts'
import { BENCH_PASSWORD } from './constants.ts'
import { keepReviewState } from './approve.ts'

const url = process.env.DATABASE_URL
if (!url) {
  console.error('bench:seed needs DATABASE_URL (a PostgreSQL database it may fill).')
  process.exit(1)
}
const scale = Number(process.env.BENCH_SCALE ?? '1')

// mulberry32: small, fast, deterministic
let state = 0x9e3779b9
function rand() {
  state |= 0
  state = (state + 0x6d2b79f5) | 0
  let t = Math.imul(state ^ (state >>> 15), 1 | state)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!
const pad = (n: number, w = 6) => String(n).padStart(w, '0')
const day = (d: Date) => d.toISOString().slice(0, 10)

const N = {
  brands: 20,
  creators: Math.round(10_000 * scale),
  campaignsPerBrand: Math.round(50 * scale) || 1,
  offersPerCampaign: 25,
  deliverablesPerOffer: 4,
  snapshotsPerPost: 12,
  clicks: Math.round(200_000 * scale),
  invoices: Math.round(20_000 * scale),
}

const handle = await openDatabase({ databaseUrl: url })
await handle.migrate()
await handle.close()
const sql = postgres(url, { max: 4, onnotice: () => {} })
const withTriggers = process.env.BENCH_SEED_TRIGGERS === '1'
// The connection the rows go through: with the triggers on, the same one; else one whose session replays
// rows as a replica does (superuser only, as the bench database's owner is).
const load = withTriggers ? sql : postgres(url, { max: 1, onnotice: () => {}, connection: { session_replication_role: 'replica' } })
const started = Date.now()
const log = (what: string) => console.info(`[bench:seed] ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`)

const now = new Date('2026-11-01T12:00:00Z')

/**
 * Usage rights for every posted deliverable: starts spread over the three years before the seed's day, 3, 6,
 * 12 or 24 months long (one in ten perpetual), in three zones, so the ledger has a long expired history, a few
 * hundred live licences and some ending soon (brand 1: ~1,700 items at 1x, ~17,000 at 10x). Derived from
 * the deliverables already loaded, so a bench database seeded before the ledger had rows gets them too.
 */
async function seedRights(q: postgres.Sql) {
  await q`insert into rights_items (id, brand_id, creator_id, offer_id, deliverable_id, contract_id, organic, paid_ads, channels, territory, starts_on, ends_on, perpetual, time_zone)
    select 'bri' || d.id, d.brand_id, d.creator_id, d.offer_id, d.id, 'bct' || d.offer_id, true, x.h % 3 = 0, array[d.platform::text], 'Worldwide',
      s.starts_on, case when x.h % 10 = 0 then null else (s.starts_on + (array[3, 6, 12, 24])[(x.h / 10) % 4 + 1] * interval '1 month' - interval '1 day')::date end,
      x.h % 10 = 0, (array['UTC', 'Europe/Paris', 'America/New_York'])[(x.h / 40) % 3 + 1]
    from deliverables d
    cross join lateral (select abs(hashtext(d.id)) as h) x
    cross join lateral (select ${day(now)}::date - (x.h % 1100)::int as starts_on) s
    where d.id like 'bd%' and d.status in ('posted', 'verified')
    on conflict do nothing`
}

const [found] = await sql<{ n: number }[]>`select count(*)::int as n from brands where slug like 'bench-%'`
if ((found?.n ?? 0) > 0) {
  const [rights] = await sql<{ n: number }[]>`select count(*)::int as n from rights_items where id like 'bri%'`
  if (!rights?.n) {
    await seedRights(sql)
    await sql`vacuum analyze rights_items`
    log('usage rights added to the bench data already present')
  } else console.info('[bench:seed] bench data already present; drop the database to regenerate.')
  await sql.end()
  process.exit(0)
}

async function insert(table: string, rows: Record<string, unknown>[], batch = 2000) {
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch)
    await load`insert into ${load(table)} ${load(chunk as never)}`
  }
}

async function copy(table: string, columns: string[], lines: Iterable<string>) {
  if (withTriggers) return copyRows(table, columns, lines)
  // With the triggers off nothing reads the table while it loads: its secondary indexes are dropped and built
  // again afterwards from their definitions (one sort each instead of a random insert per row). Indexes behind
  // constraints (primary keys) stay; unique indexes check their rows when they are built.
  const indexes = await sql<{ name: string; def: string }[]>`select i.indexname as name, i.indexdef as def from pg_indexes i
    where i.schemaname = 'public' and i.tablename = ${table}
      and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`
  for (const i of indexes) await load`drop index ${load(i.name)}`
  await copyRows(table, columns, lines)
  // Two at a time: the machine has two cores.
  for (let k = 0; k < indexes.length; k += 2) await Promise.all(indexes.slice(k, k + 2).map((i) => build(i.def)))
}

async function build(def: string) {
  await sql.begin(async (tx) => {
    await tx`set local maintenance_work_mem = '512MB'`
    await tx.unsafe(def)
  })
}

async function copyRows(table: string, columns: string[], lines: Iterable<string>) {
  const stream = await load`copy ${load(table)} (${load(columns)}) from stdin`.writable()
  let buf = ''
  for (const line of lines) {
    buf += line + '\n'
    if (buf.length > 1 << 20) {
      if (!stream.write(buf)) await new Promise((r) => stream.once('drain', r))
      buf = ''
    }
  }
  stream.end(buf)
  await new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve)
    stream.on('error', reject)
  })
}

// With the triggers on, each COPY's statement trigger joins what is already loaded: analyze those tables first,
// but not the (empty) table about to be loaded: a btree analyzed empty keeps density 0, every index scan on it
// then looks free to the planner, and it picks indexes that walk a whole brand per key (see migration 0032).
async function analyzeForTriggers() {
  if (!withTriggers) return
  const tables = await sql<{ t: string }[]>`select c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and pg_relation_size(c.oid) > 0`
  for (const { t } of tables) await sql`analyze ${sql(t)}`
}

const passwordHash = await hashPassword(BENCH_PASSWORD)
const platforms = ['instagram', 'tiktok', 'youtube'] as const
const formatFor = { instagram: 'reel', tiktok: 'tiktok_video', youtube: 'youtube_video' } as const

// ---- brands and members
const brands = Array.from({ length: N.brands }, (_, i) => ({ id: `bb${pad(i, 4)}`, slug: `bench-${pad(i + 1, 2)}`, name: `Bench Brand ${i + 1}`, currency: 'USD', jurisdiction: 'US' }))
await insert('brands', brands)
const users: Record<string, unknown>[] = []
const members: Record<string, unknown>[] = []
for (const b of brands) {
  for (const role of ['admin', 'manager', 'finance', 'viewer']) {
    const id = `bu${b.id}${role}`
    users.push({ id, email: `${role}@${b.slug}.bench`, name: `${role} of ${b.name}`, password_hash: passwordHash })
    members.push({ id: `bm${b.id}${role}`, brand_id: b.id, user_id: id, role })
  }
}
await insert('users', users)
await insert('brand_members', members)
log('brands and members')

// ---- creators, accounts, snapshots, roster
const creatorUsers: Record<string, unknown>[] = []
const creators: Record<string, unknown>[] = []
const accounts: Record<string, unknown>[] = []
const followerSnaps: string[] = []
for (let i = 0; i < N.creators; i++) {
  const id = `bc${pad(i)}`
  creatorUsers.push({ id: `bcu${pad(i)}`, email: `creator${i}@bench.test`, name: `Creator ${i}`, password_hash: passwordHash })
  creators.push({ id, user_id: `bcu${pad(i)}`, name: `Creator ${pad(i)}`, email: `creator${i}@bench.test` })
  const count = int(1, 2)
  for (let a = 0; a < count; a++) {
    const platform = platforms[(i + a) % 3]!
    const followers = Math.round(10 ** (3 + rand() * 3.5))
    const accId = `ba${pad(i)}${a}`
    accounts.push({ id: accId, creator_id: id, platform, handle: `c${i}_${platform}`, followers, followers_at: now })
    for (let s = 0; s < 5; s++) {
      const at = new Date(now.getTime() - (120 - s * 30) * 86_400_000)
      followerSnaps.push(`bfs${pad(i)}${a}${s}\t${accId}\t${Math.round(followers / (1 + ((4 - s) * rand()) / 10))}\t${at.toISOString()}\tbench`)
    }
  }
}
await insert('users', creatorUsers)
await insert('creators', creators)
await insert('social_accounts', accounts)
await copy('follower_snapshots', ['id', 'social_account_id', 'followers', 'captured_at', 'source'], followerSnaps)
// Brand 1 knows every creator (500 pages of 20); the others 2,000 each.
const roster: string[] = []
for (const [bi, b] of brands.entries()) {
  const size = bi === 0 ? N.creators : Math.min(N.creators, Math.round(2000 * scale))
  const offset = (bi * 397) % N.creators
  for (let k = 0; k < size; k++) {
    const ci = (offset + k) % N.creators
    roster.push(`br${b.id}${pad(ci)}\t${b.id}\tbc${pad(ci)}\t${pick(['active', 'active', 'prospect', 'paused'])}\t{${pick(['running', 'beauty', 'outdoor'])}}`)
  }
}
// With the triggers on, the statement triggers (roster sort keys, latest counters, money summaries) join what
// is already loaded, so the loaded tables are analyzed before each trigger-heavy load (analyzeForTriggers).
await analyzeForTriggers()
await copy('roster_entries', ['id', 'brand_id', 'creator_id', 'status', 'tags'], roster)
log(`${N.creators} creators, ${accounts.length} accounts, ${roster.length} roster entries`)

// ---- campaigns, offers, deliverables, drafts, posts, links
const campaigns: Record<string, unknown>[] = []
const offerLines: string[] = []
const delivLines: string[] = []
const draftLines: string[] = []
const postLines: string[] = []
const linkLines: string[] = []
const postIds: { id: string; brand: string }[] = []
const verified: { offer: string; brand: string; creator: string; deliverable: string; fee: number }[] = []
let offerN = 0
for (const b of brands) {
  for (let c = 0; c < N.campaignsPerBrand; c++) {
    const campaignId = `bk${b.id}${pad(c, 3)}`
    campaigns.push({ id: campaignId, brand_id: b.id, name: `Campaign ${c + 1}`, status: c % 10 === 0 ? 'completed' : 'active', budget_minor: 5_000_000, currency: 'USD', platforms: '{instagram,tiktok,youtube}' })
    for (let o = 0; o < N.offersPerCampaign; o++) {
      const offerId = `bo${pad(offerN++, 7)}`
      const creator = `bc${pad(int(0, N.creators - 1))}`
      const status = pick(['accepted', 'accepted', 'accepted', 'active', 'invited', 'declined'])
      const fee = int(2, 40) * 5000
      offerLines.push(`${offerId}\t${b.id}\t${campaignId}\t${creator}\t${status}\tpaid\t${fee}\tUSD\t${now.toISOString()}`)
      linkLines.push(`bl${offerId}\t${offerId}\t${b.id}\tk${offerN.toString(36)}\thttps://shop.example/${b.slug}`)
      for (let d = 0; d < N.deliverablesPerOffer; d++) {
        const delivId = `bd${offerId}${d}`
        const platform = pick(platforms)
        const accepted = status === 'accepted' || status === 'active'
        const dStatus = !accepted ? 'pending' : pick(['verified', 'verified', 'verified', 'posted', 'approved', 'draft_submitted', 'changes_requested', 'pending'])
        const due = new Date(now.getTime() + int(-30, 30) * 86_400_000)
        delivLines.push(`${delivId}\t${offerId}\t${b.id}\t${campaignId}\t${creator}\t${platform}\t${formatFor[platform]}\t${d + 1}\t${day(due)}\t${dStatus}`)
        if (dStatus !== 'pending') {
          const decision = dStatus === 'draft_submitted' ? '\\N' : dStatus === 'changes_requested' ? 'changes_requested' : 'approved'
          draftLines.push(`bv${delivId}\t${delivId}\t${b.id}\t1\tLoving this #ad @${b.slug}\t${new Date(due.getTime() - 5 * 86_400_000).toISOString()}\t${decision}\t[]`)
        }
        if (dStatus === 'posted' || dStatus === 'verified') {
          const postId = `bp${delivId}`
          postIds.push({ id: postId, brand: b.id })
          postLines.push(`${postId}\t${delivId}\t${b.id}\t${creator}\t${platform}\thttps://www.instagram.com/p/${delivId}/\t${due.toISOString()}\tLoving this #ad\t${dStatus === 'verified' ? 'verified' : 'submitted'}`)
          if (dStatus === 'verified') verified.push({ offer: offerId, brand: b.id, creator, deliverable: delivId, fee })
        }
      }
    }
  }
}
await insert('campaigns', campaigns)
await analyzeForTriggers()
await copy('offers', ['id', 'brand_id', 'campaign_id', 'creator_id', 'status', 'connection_type', 'fee_minor', 'currency', 'sent_at'], offerLines)
await analyzeForTriggers()
await copy('deliverables', ['id', 'offer_id', 'brand_id', 'campaign_id', 'creator_id', 'platform', 'format', 'position', 'draft_due_on', 'status'], delivLines)
await analyzeForTriggers()
await copy('draft_versions', ['id', 'deliverable_id', 'brand_id', 'version', 'caption', 'submitted_at', 'decision', 'findings'], draftLines)
await analyzeForTriggers()
await copy('posts', ['id', 'deliverable_id', 'brand_id', 'creator_id', 'platform', 'url', 'posted_at', 'caption_as_posted', 'status'], postLines)
await copy('tracking_links', ['id', 'offer_id', 'brand_id', 'code', 'destination_url'], linkLines)
log(`${campaigns.length} campaigns, ${offerLines.length} offers, ${delivLines.length} deliverables, ${draftLines.length} drafts, ${postLines.length} posts`)

// ---- 1M metric snapshots (cumulative counters, growing over time)
const totalSnaps = Math.round(1_000_000 * scale)
function* snapshots() {
  let made = 0
  for (let p = 0; made < totalSnaps; p = (p + 1) % postIds.length) {
    const post = postIds[p]!
    const k = Math.floor(made / postIds.length)
    const base = 1000 + (p % 977) * 37
    const grow = k + 1
    const at = new Date(now.getTime() - (60 - k) * 86_400_000)
    made++
    yield `bs${pad(made, 8)}\t${post.id}\t${post.brand}\t${at.toISOString()}\tcsv\t${base * 3 * grow}\t${base * 2 * grow}\t${base * 4 * grow}\t${Math.round(base * 0.08 * grow)}\t${Math.round(base * 0.01 * grow)}\t${Math.round(base * 0.005 * grow)}\t${Math.round(base * 0.004 * grow)}\t${Math.round(base * 0.01 * grow)}`
  }
}
await analyzeForTriggers()
await copy('metric_snapshots', ['id', 'post_id', 'brand_id', 'captured_at', 'source', 'impressions', 'reach', 'views', 'likes', 'comments', 'shares', 'saves', 'clicks'], snapshots())
log(`${totalSnaps} metric snapshots`)

// ---- 200k clicks
function* clicks() {
  for (let i = 0; i < N.clicks; i++) {
    const o = int(0, offerN - 1)
    const brand = brands[Math.floor(o / (N.campaignsPerBrand * N.offersPerCampaign))]!.id
    const at = new Date(now.getTime() - int(0, 90) * 86_400_000)
    yield `blbo${pad(o, 7)}\t${brand}\t${day(at)}\tv${i.toString(36)}\t${at.toISOString()}`
  }
}
await copy('link_clicks', ['link_id', 'brand_id', 'day', 'visitor_hash', 'at'], clicks())
log(`${N.clicks} clicks`)

// ---- 20k invoices (one per verified deliverable, in order)
const invoiceLines: string[] = []
const lineLines: string[] = []
for (let i = 0; i < Math.min(N.invoices, verified.length); i++) {
  const v = verified[i]!
  const id = `bi${pad(i)}`
  const status = pick(['submitted', 'approved', 'approved', 'paid', 'paid', 'rejected'])
  const issue = new Date(now.getTime() - int(0, 120) * 86_400_000)
  const due = new Date(issue.getTime() + 30 * 86_400_000)
  const amount = Math.round(v.fee / 4)
  invoiceLines.push(`${id}\t${v.brand}\t${v.offer}\t${v.creator}\tcreator:${v.creator}\tINV-${i}\tINV${i}\t${day(issue)}\t${day(due)}\tUSD\t${amount}\t${amount}\t${status}\tbench-${i}\t${status !== 'submitted'}`)
  lineLines.push(`bil${pad(i)}\t${id}\t${v.deliverable}\tdeliverable\tDeliverable\t${amount}`)
}
await analyzeForTriggers()
await copy('invoices', ['id', 'brand_id', 'offer_id', 'creator_id', 'payee_key', 'number', 'normalized_number', 'issue_date', 'due_date', 'currency', 'subtotal_minor', 'total_minor', 'status', 'idempotency_key', 'match_ok'], invoiceLines)
await copy('invoice_lines', ['id', 'invoice_id', 'deliverable_id', 'kind', 'description', 'amount_minor'], lineLines)
log(`${invoiceLines.length} invoices`)

await analyzeForTriggers()
await seedRights(load)
log('usage rights')

if (!withTriggers) {
  // Every summary the triggers keep, computed once for all rows by the functions the triggers call (on the
  // replica session too: the follower refresh updates social_accounts, whose trigger would refresh the whole
  // roster a second time).
  await sql`analyze`
  log('analyze')
  await load`select social_account_growth_refresh(array_agg(id)) from social_accounts`
  log('summaries: follower growth')
  await load`select roster_stats_refresh(array_agg(brand_id), array_agg(creator_id)) from roster_entries`
  log('summaries: roster sort keys')
  await load`select post_metrics_latest_refresh(array_agg(id), false) from posts`
  log('summaries: latest counters per post')
  await load`select campaign_money_refresh(array_agg(id)) from campaigns`
  log('summaries: campaign money')
  await load`select program_money_rebuild()`
  log('summaries: program money per currency')
  await load`select program_days_refresh(array_agg(x.brand_id), array_agg(x.day)) from (select distinct brand_id, (posted_at at time zone 'UTC')::date as day from posts) x`
  log('summaries: program days (brand home)')
  await load`select at_risk_days_rebuild()`
  log('summaries: at-risk counts, untracked offers, posts without stats (brand home)')
  await load`select queue_roster_counts_rebuild()`
  log('summaries: review queue order and counts, roster counts and tags')
  await load`select report_collab_rebuild()`
  log('summaries: the report per collaboration, creator and campaign')
  await load`select invoice_due_days_rebuild()`
  log('summaries: open invoices by due day (payables desk)')
  await load`select rights_counts_rebuild()`
  log('summaries: licences per brand (usage rights)')
  await load.end()
}

// A running database is vacuumed by autovacuum; do it now so the benchmark meets the steady state
// (visibility map set, so index-only scans need no heap fetches) rather than a table just bulk-loaded.
await sql`vacuum analyze`
// The review state as seeded, so every `npm run bench` measures the same queue after its approve scenario (approve.ts).
log(`review state kept: ${await keepReviewState(sql)} drafts waiting for bench-01`)
await sql.end()
log('done')
