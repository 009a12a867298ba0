import { and, eq, inArray, sql } from 'drizzle-orm'
import { schema } from '#db/index.ts'
import { preparedQuery } from '#app/db.server.ts'
import { compareCodes } from '#app/domain/compare-text.ts'

export interface PostTodo {
  kind: 'post_link' | 'post_fix' | 'stats_7' | 'stats_30'
  deliverableId: string
  brandName: string
  campaignName: string
  /** YYYY-MM-DD */
  due: string | null
  /** Path under /c/<creator>. */
  to: string
  label: string
}

const d = schema.deliverables
const postTodoRows = preparedQuery((database, name) =>
  database
  .select({
    deliverableId: d.id,
    status: d.status,
    postWindowEnd: d.postWindowEnd,
    brandName: schema.brands.name,
    campaignName: schema.campaigns.name,
    platform: d.platform,
    format: d.format,
    postedAt: schema.posts.postedAt,
    postUrl: schema.posts.url,
    has7: sql<boolean>`exists (select 1 from ${schema.metricSnapshots} m where m.post_id = ${schema.posts.id} and m.captured_at >= ${schema.posts.postedAt} + interval '6 days')`,
    has30: sql<boolean>`exists (select 1 from ${schema.metricSnapshots} m where m.post_id = ${schema.posts.id} and m.captured_at >= ${schema.posts.postedAt} + interval '28 days')`,
  })
  .from(d)
  .innerJoin(schema.brands, eq(schema.brands.id, d.brandId))
  .innerJoin(schema.campaigns, eq(schema.campaigns.id, d.campaignId))
  .leftJoin(schema.posts, eq(schema.posts.deliverableId, d.id))
  .where(and(eq(d.creatorId, sql.placeholder('creatorId')), inArray(d.status, ['approved', 'post_changes_requested', 'posted', 'verified'])))
    .prepare(name),
)

/**
 * The creator's post to-dos (for the to-do list): add the live link of approved content, fix a post
 * that was sent back, and add 7-day / 30-day stats. One query.
 */
export async function listCreatorPostTodos(creatorId: string, now = new Date()): Promise<PostTodo[]> {
  return todosOf(await postTodoRows().execute({ creatorId }), now)
}

type PostRow = Awaited<ReturnType<ReturnType<typeof postTodoRows>['execute']>>[number]

function todosOf(rows: PostRow[], now: Date): PostTodo[] {
  const out: PostTodo[] = []
  const day = (t: Date, plus: number) => new Date(t.getTime() + plus * 86_400_000).toISOString().slice(0, 10)
  for (const r of rows) {
    const base = { deliverableId: r.deliverableId, brandName: r.brandName, campaignName: r.campaignName }
    if (r.status === 'approved') out.push({ ...base, kind: 'post_link', due: r.postWindowEnd, to: `/posts/${r.deliverableId}`, label: 'Add post link' })
    else if (r.status === 'post_changes_requested') out.push({ ...base, kind: 'post_fix', due: null, to: `/posts/${r.deliverableId}`, label: 'Fix live post' })
    else if (r.postedAt) {
      const age = (now.getTime() - r.postedAt.getTime()) / 86_400_000
      if (age >= 28 && !r.has30) out.push({ ...base, kind: 'stats_30', due: day(r.postedAt, 30), to: `/posts/${r.deliverableId}/stats`, label: 'Add 30-day stats' })
      else if (age >= 6 && !r.has7) out.push({ ...base, kind: 'stats_7', due: day(r.postedAt, 7), to: `/posts/${r.deliverableId}/stats`, label: 'Add 7-day stats' })
    }
  }
  return out.sort((a, b) => compareCodes(a.due ?? '9999', b.due ?? '9999'))
}

export interface CreatorLivePost {
  deliverableId: string
  brandName: string
  campaignName: string
  platform: string
  format: string
  status: 'posted' | 'verified' | 'post_changes_requested'
  url: string
  /** ISO timestamp */
  postedAt: string
}

/** The Posts page: the to-dos and the live posts (submitted, sent back or verified, newest first), from one query. */
export async function getCreatorPostsPage(creatorId: string, now = new Date()): Promise<{ todos: PostTodo[]; live: CreatorLivePost[] }> {
  const rows = await postTodoRows().execute({ creatorId })
  return { todos: todosOf(rows, now), live: liveOf(rows) }
}

function liveOf(rows: PostRow[]): CreatorLivePost[] {
  return rows
    .filter((r) => r.postedAt && r.postUrl && r.status !== 'approved')
    .map((r) => ({
      deliverableId: r.deliverableId,
      brandName: r.brandName,
      campaignName: r.campaignName,
      platform: r.platform,
      format: r.format,
      status: r.status as CreatorLivePost['status'],
      url: r.postUrl!,
      postedAt: r.postedAt!.toISOString(),
    }))
    .sort((a, b) => compareCodes(b.postedAt, a.postedAt))
}
