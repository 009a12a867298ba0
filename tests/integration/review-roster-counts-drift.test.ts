/**
 * The review queue's and the roster's trigger-kept numbers (migration 0036) never drift from a recomputation
 * from scratch: draft_versions.queue_urgency (the queue's first sort key, set only while a version waits),
 * review_queue_counts (undecided versions and waiting drafts per brand), roster_counts (entries per brand and
 * status) and roster_tag_counts (entries per brand and tag). After a random sequence of changes — drafts
 * submitted the way the app does it (version first, then the deliverable's status), decided, un-decided,
 * deleted, moved to another deliverable; deliverables moved through any status, re-dated, deleted; both
 * tables in one statement; roster
 * entries added, re-statused, re-tagged, removed; bulk statements; changes in a transaction that rolls back —
 * the stored values equal the ones computed here in TypeScript from the rows, with the definitions the pages
 * used before the summaries: the queue counted versions without a decision whose deliverable is in
 * draft_submitted, the navigation every version without a decision, the roster every entry (or those of a
 * status) and the tag list the distinct tags of the brand's entries. Property-based (fast-check); PGlite and,
 * with DATABASE_URL, PostgreSQL.
 */
import { eq, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { DELIVERABLE_STATUSES } from '#app/domain/state-machines.ts'
import { ROSTER_STATUSES } from '#app/domain/roles.ts'
import { countWaitingDrafts } from '#app/services/content/count-waiting-drafts.server.ts'
import { getUserAreasAndWaitingDrafts } from '#app/services/areas/get-user-areas.server.ts'
import { listReviewQueue } from '#app/services/content/list-review-queue.server.ts'
import { listRoster } from '#app/services/roster/list-roster.server.ts'
import { createBrand, createCreator } from '#tests/factories.ts'
import { createCampaign, createCollaboration } from '#tests/factories-posts.ts'
import { noDriftAfterAnySequence, pick, rolledBack, rosterSortKeys, type Q } from '#tests/drift.ts'
import { rowsOf } from '#app/services/brands/get-at-risk.server.ts'

const idx = fc.nat({ max: 1000 })
const dateOrNull = fc.option(fc.constantFrom('2026-03-01', '2026-03-02', '2026-03-10', '2026-04-01'), { nil: null })
const TAGS = ['beauty', 'outdoor', 'running', 'Running', 'vip'] as const
// a tag twice in one entry too (the app dedupes, the database does not): it counts once for that entry
const tags = fc.array(fc.constantFrom(...TAGS), { maxLength: 3 })

type Op =
  | { t: 'submit'; deliverable: number }
  | { t: 'decide'; version: number; decision: 'approved' | 'changes_requested' | null }
  | { t: 'versionDelete'; version: number }
  | { t: 'versionMove'; version: number; deliverable: number }
  | { t: 'versionRetime'; version: number; hours: number }
  | { t: 'deliverableNew'; brand: number; due: string | null; window: string | null }
  | { t: 'deliverableStatus'; deliverable: number; status: string }
  | { t: 'deliverableDates'; deliverable: number; due: string | null; window: string | null }
  | { t: 'deliverableDelete'; deliverable: number }
  | { t: 'deliverableCreator'; deliverable: number; creator: number }
  | { t: 'bulkShift'; days: number }
  | { t: 'bulkUndecide' }
  | { t: 'bulkReset' }
  | { t: 'rosterAdd'; brand: number; status: string; tags: string[] }
  | { t: 'rosterStatus'; entry: number; status: string }
  | { t: 'rosterTags'; entry: number; tags: string[] }
  | { t: 'rosterDelete'; entry: number }
  | { t: 'rosterBulkTag'; tag: string }
  | { t: 'rollback'; ops: Op[] }

const simpleOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('submit' as const), deliverable: idx }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('decide' as const), version: idx, decision: fc.constantFrom('approved' as const, 'changes_requested' as const, null) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('versionDelete' as const), version: idx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('versionMove' as const), version: idx, deliverable: idx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('versionRetime' as const), version: idx, hours: fc.integer({ min: -30 * 24, max: 30 * 24 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('deliverableNew' as const), brand: idx, due: dateOrNull, window: dateOrNull }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('deliverableStatus' as const), deliverable: idx, status: fc.constantFrom(...DELIVERABLE_STATUSES) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('deliverableDates' as const), deliverable: idx, due: dateOrNull, window: dateOrNull }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deliverableDelete' as const), deliverable: idx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deliverableCreator' as const), deliverable: idx, creator: idx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('bulkShift' as const), days: fc.integer({ min: -5, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('bulkUndecide' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('bulkReset' as const) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('rosterAdd' as const), brand: idx, status: fc.constantFrom(...ROSTER_STATUSES), tags }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('rosterStatus' as const), entry: idx, status: fc.constantFrom(...ROSTER_STATUSES) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('rosterTags' as const), entry: idx, tags }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('rosterDelete' as const), entry: idx }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('rosterBulkTag' as const), tag: fc.constantFrom(...TAGS) }) },
)
const anyOp: fc.Arbitrary<Op> = fc.oneof({ weight: 12, arbitrary: simpleOp }, { weight: 1, arbitrary: fc.record({ t: fc.constant('rollback' as const), ops: fc.array(simpleOp, { minLength: 1, maxLength: 4 }) }) })

interface World {
  brands: { id: string; campaignId: string; offerId: string; creatorId: string }[]
  deliverables: string[]
  versions: string[]
  entries: string[]
  creators: string[]
}

let serial = 1000

async function world(): Promise<World> {
  const w: World = { brands: [], deliverables: [], versions: [], entries: [], creators: [] }
  for (let i = 0; i < 2; i++) {
    const brand = await createBrand()
    // on the brand's roster, so its sort keys (the on-time rate of its drafts) are kept and checked too
    const { creator } = await createCreator({ brandIds: [brand.id] })
    const campaign = await createCampaign(brand.id)
    const c = await createCollaboration({ brandId: brand.id, campaignId: campaign.id, creatorId: creator.id })
    w.brands.push({ id: brand.id, campaignId: campaign.id, offerId: c.offer.id, creatorId: creator.id })
    w.deliverables.push(c.deliverable.id)
    if (c.draft) w.versions.push(c.draft.id)
  }
  for (let i = 0; i < 4; i++) w.creators.push((await createCreator()).creator.id)
  return w
}

async function apply(q: Q, w: World, op: Op): Promise<void> {
  switch (op.t) {
    case 'submit': {
      // As submit-draft does: the version first, then the deliverable moves to draft_submitted.
      const deliverableId = pick(w.deliverables, op.deliverable)
      if (!deliverableId) return
      const [d] = await q.select({ brandId: schema.deliverables.brandId }).from(schema.deliverables).where(eq(schema.deliverables.id, deliverableId))
      const [v] = await q
        .insert(schema.draftVersions)
        .values({ deliverableId, brandId: d!.brandId, version: ++serial, submittedAt: new Date(Date.UTC(2026, 1, 1) + serial * 60_000) })
        .returning()
      w.versions.push(v!.id)
      await q.update(schema.deliverables).set({ status: 'draft_submitted' }).where(eq(schema.deliverables.id, deliverableId))
      return
    }
    case 'decide': {
      const id = pick(w.versions, op.version)
      if (id) await q.update(schema.draftVersions).set({ decision: op.decision, decidedAt: op.decision ? new Date() : null }).where(eq(schema.draftVersions.id, id))
      return
    }
    case 'versionDelete': {
      const id = pick(w.versions, op.version)
      if (!id) return
      await q.delete(schema.draftVersions).where(eq(schema.draftVersions.id, id))
      w.versions = w.versions.filter((x) => x !== id)
      return
    }
    case 'versionMove': {
      const id = pick(w.versions, op.version)
      const to = pick(w.deliverables, op.deliverable)
      if (id && to) await q.update(schema.draftVersions).set({ deliverableId: to, version: ++serial }).where(eq(schema.draftVersions.id, id))
      return
    }
    case 'versionRetime': {
      // the first submission against the due day: the on-time rate of the roster entry
      const id = pick(w.versions, op.version)
      if (id) await q.execute(sql`update draft_versions set submitted_at = submitted_at + ${op.hours}::int * interval '1 hour' where id = ${id}`)
      return
    }
    case 'deliverableCreator': {
      // to another creator (some on a roster, some not) or back to the brand's own: both entries' sort keys move
      const id = pick(w.deliverables, op.deliverable)
      const to = pick([...w.creators, ...w.brands.map((b) => b.creatorId)], op.creator)
      if (id && to) await q.update(schema.deliverables).set({ creatorId: to }).where(eq(schema.deliverables.id, id))
      return
    }
    case 'deliverableNew': {
      const b = pick(w.brands, op.brand)!
      const [d] = await q
        .insert(schema.deliverables)
        .values({ offerId: b.offerId, brandId: b.id, campaignId: b.campaignId, creatorId: b.creatorId, platform: 'tiktok', format: 'video', draftDueOn: op.due, postWindowStart: op.window })
        .returning()
      w.deliverables.push(d!.id)
      return
    }
    case 'deliverableStatus': {
      const id = pick(w.deliverables, op.deliverable)
      if (id) await q.update(schema.deliverables).set({ status: op.status as never }).where(eq(schema.deliverables.id, id))
      return
    }
    case 'deliverableDates': {
      const id = pick(w.deliverables, op.deliverable)
      if (id) await q.update(schema.deliverables).set({ draftDueOn: op.due, postWindowStart: op.window }).where(eq(schema.deliverables.id, id))
      return
    }
    case 'deliverableDelete': {
      const id = pick(w.deliverables, op.deliverable)
      if (!id) return
      await q.delete(schema.deliverables).where(eq(schema.deliverables.id, id))
      w.deliverables = w.deliverables.filter((x) => x !== id)
      return
    }
    case 'bulkShift':
      await q.execute(sql`update deliverables set draft_due_on = draft_due_on + ${op.days}::int, post_window_start = post_window_start - ${op.days}::int where brand_id = ${w.brands[0]!.id}`)
      return
    case 'bulkUndecide':
      await q.execute(sql`update draft_versions set decision = null, decided_at = null where brand_id = ${w.brands[1]!.id}`)
      return
    case 'bulkReset':
      // One statement writing both tables (the bench's approve scenario): the version's row trigger sees the
      // deliverable as it was when the statement began.
      await q.execute(sql`with reset as (
          update deliverables d set status = 'draft_submitted' where d.brand_id = ${w.brands[0]!.id} and d.status in ('draft_submitted', 'changes_requested', 'approved') returning d.id
        )
        update draft_versions v set decision = null, decided_at = null from reset where v.deliverable_id = reset.id`)
      return
    case 'rosterAdd': {
      const b = pick(w.brands, op.brand)!
      const [e] = await q
        .insert(schema.rosterEntries)
        .values({ brandId: b.id, creatorId: pick(w.creators, w.entries.length + op.brand)!, status: op.status as never, tags: op.tags })
        .onConflictDoNothing()
        .returning()
      if (e) w.entries.push(e.id)
      return
    }
    case 'rosterStatus': {
      const id = pick(w.entries, op.entry)
      if (id) await q.update(schema.rosterEntries).set({ status: op.status as never }).where(eq(schema.rosterEntries.id, id))
      return
    }
    case 'rosterTags': {
      const id = pick(w.entries, op.entry)
      if (id) await q.update(schema.rosterEntries).set({ tags: op.tags }).where(eq(schema.rosterEntries.id, id))
      return
    }
    case 'rosterDelete': {
      const id = pick(w.entries, op.entry)
      if (!id) return
      await q.delete(schema.rosterEntries).where(eq(schema.rosterEntries.id, id))
      w.entries = w.entries.filter((x) => x !== id)
      return
    }
    case 'rosterBulkTag':
      await q.execute(sql`update roster_entries set tags = array_append(tags, ${op.tag}::text) where brand_id = ${w.brands[0]!.id} and not (${op.tag}::text = any(tags))`)
      return
    case 'rollback':
      await rolledBack(q, w, async (tx) => {
        for (const inner of op.ops) await apply(tx, w, inner)
      })
      return
  }
}

const day = (v: unknown) => (v === null || v === undefined ? null : String(v))

async function expectNoDrift(w: World) {
  for (const b of w.brands) {
    // queue_urgency of every version of the brand, as the queue's old ORDER BY computed it
    const versions = rowsOf<Record<string, unknown>>(
      await db().execute(sql`select v.id, v.decision, v.queue_urgency::text as kept, d.status, d.post_window_start::text as pws, d.draft_due_on::text as due
        from draft_versions v join deliverables d on d.id = v.deliverable_id where v.brand_id = ${b.id}`),
    )
    for (const v of versions) {
      const want = v.decision === null && v.status === 'draft_submitted' ? (day(v.pws) ?? day(v.due) ?? 'infinity') : null
      expect({ id: v.id, kept: day(v.kept) }).toEqual({ id: v.id, kept: want })
    }
    const undecided = versions.filter((v) => v.decision === null).length
    const waiting = versions.filter((v) => v.decision === null && v.status === 'draft_submitted').length
    const [counts] = rowsOf<Record<string, unknown>>(await db().execute(sql`select undecided, waiting from review_queue_counts where brand_id = ${b.id}`))
    expect({ undecided: Number(counts?.undecided ?? 0), waiting: Number(counts?.waiting ?? 0) }).toEqual({ undecided, waiting })
    // what the pages show (the brand layout's badge reads it with the person's areas)
    expect(await countWaitingDrafts(b.id)).toBe(undecided)
    expect((await getUserAreasAndWaitingDrafts('anyone', b.id)).waitingDrafts).toBe(undecided)
    expect((await listReviewQueue(b.id)).total).toBe(waiting)

    const entries = rowsOf<Record<string, unknown>>(await db().execute(sql`select status, tags from roster_entries where brand_id = ${b.id}`)).map((r) => ({
      status: String(r.status),
      tags: Array.isArray(r.tags) ? (r.tags as string[]) : String(r.tags).replace(/^\{|\}$/g, '').split(',').filter(Boolean),
    }))
    const byStatus: Record<string, number> = {}
    const byTag: Record<string, number> = {}
    for (const e of entries) {
      byStatus[e.status] = (byStatus[e.status] ?? 0) + 1
      for (const t of new Set(e.tags)) byTag[t] = (byTag[t] ?? 0) + 1
    }
    const storedStatus = Object.fromEntries(rowsOf<Record<string, unknown>>(await db().execute(sql`select status, entries from roster_counts where brand_id = ${b.id} and entries <> 0`)).map((r) => [r.status, Number(r.entries)]))
    const storedTags = Object.fromEntries(rowsOf<Record<string, unknown>>(await db().execute(sql`select tag, entries from roster_tag_counts where brand_id = ${b.id} and entries <> 0`)).map((r) => [r.tag, Number(r.entries)]))
    expect(storedStatus).toEqual(byStatus)
    expect(storedTags).toEqual(byTag)
    const brand = { id: b.id, currency: 'USD', settings: {} }
    const page = await listRoster(brand)
    expect(page.total).toBe(entries.length)
    const distinct = rowsOf<Record<string, unknown>>(await db().execute(sql`select distinct unnest(tags) as tag from roster_entries where brand_id = ${b.id} order by 1`)).map((r) => r.tag)
    expect(page.tags).toEqual(distinct)
    for (const status of ROSTER_STATUSES) expect((await listRoster(brand, { status })).total).toBe(byStatus[status] ?? 0)
    for (const tag of TAGS) expect((await listRoster(brand, { tag })).total).toBe(byTag[tag] ?? 0)
  }
  // the roster sort keys, refreshed only when a column they read changed (migration 0039)
  const keys = await rosterSortKeys(w.brands.map((b) => b.id))
  expect(keys.kept).toEqual(keys.recomputed)
}

describe('review queue and roster summaries (migration 0036)', () => {
  it('keeps the queue key only while a draft waits, and the counts follow submit, decide and delete', async () => {
    const w = await world()
    const b = w.brands[0]!
    await apply(db(), w, { t: 'deliverableDates', deliverable: 0, due: '2026-03-05', window: null })
    await apply(db(), w, { t: 'submit', deliverable: 0 })
    const mine = w.versions.length - 1
    const kept = async () => rowsOf<Record<string, unknown>>(await db().execute(sql`select queue_urgency::text as u from draft_versions where id = ${w.versions[mine]!}`))[0]!.u
    expect(await kept()).toBe('2026-03-05')
    expect(await countWaitingDrafts(b.id)).toBe(1)
    expect((await listReviewQueue(b.id)).total).toBe(1)
    await apply(db(), w, { t: 'deliverableDates', deliverable: 0, due: null, window: null })
    expect(await kept()).toBe('infinity')
    await apply(db(), w, { t: 'decide', version: mine, decision: 'approved' })
    expect(await kept()).toBe(null)
    expect(await countWaitingDrafts(b.id)).toBe(0)
    await apply(db(), w, { t: 'decide', version: mine, decision: null })
    expect(await countWaitingDrafts(b.id)).toBe(1)
    await apply(db(), w, { t: 'deliverableStatus', deliverable: 0, status: 'approved' })
    // undecided still (the navigation counts it), but not waiting in the queue
    expect(await countWaitingDrafts(b.id)).toBe(1)
    expect((await listReviewQueue(b.id)).total).toBe(0)
    await apply(db(), w, { t: 'deliverableDelete', deliverable: 0 })
    expect(await countWaitingDrafts(b.id)).toBe(0)
    await apply(db(), w, { t: 'rosterAdd', brand: 0, status: 'active', tags: ['vip', 'beauty'] })
    await apply(db(), w, { t: 'rosterAdd', brand: 0, status: 'paused', tags: ['vip'] })
    expect((await listRoster({ id: b.id, currency: 'USD', settings: {} })).tags).toEqual(['beauty', 'vip'])
    await apply(db(), w, { t: 'rosterTags', entry: 0, tags: [] })
    expect((await listRoster({ id: b.id, currency: 'USD', settings: {} })).tags).toEqual(['vip'])
    await expectNoDrift(w)
  })

  it('never drifts from the values recomputed from scratch, after any sequence of changes', async () => {
    await noDriftAfterAnySequence({ anyOp, world, apply, expectNoDrift, numRuns: 25 })
  }, 180_000)
})
