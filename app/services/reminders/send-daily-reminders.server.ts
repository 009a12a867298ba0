import { sql } from 'drizzle-orm'
import { createElement } from 'react'
import { schema, type Db } from '#db/index.ts'
import { config } from '#app/config.server.ts'
import { addBusinessDays, toIsoDay } from '#app/domain/dates.ts'
import { enqueueEmail } from '#app/services/outbox/enqueue-email.server.ts'
import { rowsOf } from '#app/services/brands/get-at-risk.server.ts'
import { DailyReminderEmail, type ReminderLine } from '#emails/daily-reminder.tsx'

interface Row {
  key: string
  email: string
  name: string
  to_path: string
  what: string
  context: string
  due: string | null
}

/**
 * Daily reminder emails: each creator about their overdue items, each brand manager/admin about
 * reviews and verifications waiting more than 2 business days. Idempotent: the outbox dedupe key
 * 'reminder:<user or creator>:<day>' queues at most one email per person per day, so every process
 * may call this as often as it likes. Two set-based queries over all brands.
 */
export async function sendDailyReminders(database: Db, now = new Date()): Promise<{ queued: number }> {
  const today = toIsoDay(now)
  const cutoff = addBusinessDays(now, -2)
  const week = new Date(now.getTime() - 7 * 86_400_000)
  const month = new Date(now.getTime() - 30 * 86_400_000)
  const d = schema.deliverables
  const creatorRows = rowsOf<Row>(
    await database.execute(sql`
      select c.id as key, c.email, c.name, '/c/' || c.id as to_path, x.what, b.name || ' · ' || k.name as context, x.due
      from (
        select creator_id, brand_id, campaign_id, 'Draft is late' as what, to_char(draft_due_on, 'YYYY-MM-DD') as due
          from ${d} where status in ('pending', 'changes_requested') and draft_due_on < ${today}::date
        union all
        select creator_id, brand_id, campaign_id,
               case when status = 'post_changes_requested' then 'Fix your live post' else 'Post is overdue' end,
               to_char(post_window_end, 'YYYY-MM-DD')
          from ${d} where (status = 'approved' and post_window_end < ${today}::date) or status = 'post_changes_requested'
        union all
        select p.creator_id, p.brand_id, dd.campaign_id, 'Add your 7-day stats', to_char((p.posted_at + interval '7 days') at time zone 'UTC', 'YYYY-MM-DD')
          from ${schema.posts} p join ${d} dd on dd.id = p.deliverable_id
          where p.posted_at <= ${week.toISOString()}::timestamptz and p.posted_at > ${month.toISOString()}::timestamptz
            and not exists (select 1 from ${schema.metricSnapshots} m where m.post_id = p.id and m.captured_at >= p.posted_at + interval '6 days')
        union all
        select p.creator_id, p.brand_id, dd.campaign_id, 'Add your 30-day stats', to_char((p.posted_at + interval '30 days') at time zone 'UTC', 'YYYY-MM-DD')
          from ${schema.posts} p join ${d} dd on dd.id = p.deliverable_id
          where p.posted_at <= ${month.toISOString()}::timestamptz
            and not exists (select 1 from ${schema.metricSnapshots} m where m.post_id = p.id and m.captured_at >= p.posted_at + interval '28 days')
      ) x
      join ${schema.creators} c on c.id = x.creator_id
      join ${schema.brands} b on b.id = x.brand_id
      join ${schema.campaigns} k on k.id = x.campaign_id
      order by c.id, x.due nulls last`),
  )
  const managerRows = rowsOf<Row>(
    await database.execute(sql`
      select u.id as key, u.email, u.name, '/b/' || b.slug as to_path, x.what, b.name || ' · ' || cr.name as context, x.due
      from (
        select dv.brand_id, dd.creator_id, 'Draft waiting for review' as what, to_char(dv.submitted_at at time zone 'UTC', 'YYYY-MM-DD') as due
          from ${schema.draftVersions} dv join ${d} dd on dd.id = dv.deliverable_id
          where dv.decision is null and dd.status = 'draft_submitted' and dv.submitted_at < ${cutoff.toISOString()}::timestamptz
        union all
        select p.brand_id, p.creator_id, 'Live post waiting for verification', to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD')
          from ${schema.posts} p where p.status = 'submitted' and p.updated_at < ${cutoff.toISOString()}::timestamptz
      ) x
      join ${schema.brands} b on b.id = x.brand_id
      join ${schema.creators} cr on cr.id = x.creator_id
      join ${schema.brandMembers} m on m.brand_id = x.brand_id and m.role in ('manager', 'admin')
      join ${schema.users} u on u.id = m.user_id
      order by u.id, x.due nulls last`),
  )
  const appUrl = config().appUrl
  let queued = 0
  for (const [audience, rows] of [
    ['creator', creatorRows],
    ['manager', managerRows],
  ] as const) {
    const byPerson = new Map<string, Row[]>()
    for (const r of rows) byPerson.set(r.key, [...(byPerson.get(r.key) ?? []), r])
    for (const [key, items] of byPerson) {
      const first = items[0]!
      const lines: ReminderLine[] = items.slice(0, 20).map((i) => ({ what: i.what, context: i.context, due: i.due }))
      await database.transaction(async (tx) => {
        await enqueueEmail(tx, {
          template: 'daily-reminder',
          to: [first.email],
          subject: items.length === 1 ? `Reminder: ${first.what.toLowerCase()}` : `Reminder: ${items.length} things are overdue`,
          element: createElement(DailyReminderEmail, { name: first.name, audience, items: lines, url: `${appUrl}${first.to_path}` }),
          dedupeKey: `reminder:${audience}:${key}:${today}`,
        })
      })
      queued++
    }
  }
  return { queued }
}
