/**
 * The approve scenario's parts, shared by tests/bench/run.ts and tests/bench/approve-only.ts: put every reviewed
 * draft of bench-01 back to waiting, read the reviewer attestations each format needs, and approve every draft once
 * at 20 connections; and the review state the seed left, kept aside so a run can put it back afterwards.
 */
import autocannon from 'autocannon'
import type postgres from 'postgres'

export type WaitingDraft = { id: string; format: string; platform: string }

/** The drafts the approve scenario touches: bench-01's deliverables with a draft waiting, sent back or approved. */
const REVIEWED = `d.brand_id = 'bb0000' and d.status in ('draft_submitted', 'changes_requested', 'approved')`

/**
 * Keeps bench-01's review state (each touched deliverable's status, each of its versions' decision) in
 * bench_review_state, once: `npm run bench:seed` makes it as its last step, and a database seeded before that
 * gets it on its first `npm run bench`. The approve scenario approves every one of those drafts; until this was
 * put back, every run after the first measured an empty review queue (121 req/s in one run, 309 and 341 in the
 * next two, with no change to the app). Returns how many drafts the kept state has waiting.
 */
export async function keepReviewState(bench: postgres.Sql): Promise<number> {
  await bench.unsafe(`create table if not exists bench_review_state as
    select d.id as deliverable_id, d.status, d.updated_at, v.id as version_id, v.decision, v.decided_by_user_id, v.decided_at,
      v.attestations, v.acknowledged_warnings, v.override_reason
    from deliverables d join draft_versions v on v.deliverable_id = d.id
    where ${REVIEWED}`)
  const [kept] = await bench<{ n: number }[]>`select count(*)::int as n from bench_review_state where status = 'draft_submitted' and decision is null`
  return kept?.n ?? 0
}

/** Puts the kept review state back (the triggers recompute the queue's keys and counts from it). Returns the rows changed. */
export async function restoreReviewState(bench: postgres.Sql): Promise<number> {
  return await bench.begin(async (tx) => {
    const deliverables = await tx`update deliverables d set status = s.status, updated_at = s.updated_at
      from (select distinct deliverable_id, status, updated_at from bench_review_state) s
      where d.id = s.deliverable_id and (d.status, d.updated_at) is distinct from (s.status, s.updated_at)`
    const versions = await tx`update draft_versions v set decision = s.decision, decided_by_user_id = s.decided_by_user_id, decided_at = s.decided_at,
        attestations = s.attestations, acknowledged_warnings = s.acknowledged_warnings, override_reason = s.override_reason
      from bench_review_state s
      where v.id = s.version_id and (v.decision, v.decided_by_user_id, v.decided_at, v.attestations, v.acknowledged_warnings, v.override_reason)
        is distinct from (s.decision, s.decided_by_user_id, s.decided_at, s.attestations, s.acknowledged_warnings, s.override_reason)`
    return deliverables.count + versions.count
  })
}

export function resetDrafts(bench: postgres.Sql): Promise<WaitingDraft[]> {
  return bench.unsafe<WaitingDraft[]>(`
    with reset as (
      update deliverables d set status = 'draft_submitted'
      where ${REVIEWED}
      returning d.id, d.format, d.platform
    ), undecided as (
      update draft_versions v set decision = null, decided_by_user_id = null, decided_at = null, attestations = '{}'::jsonb
      from reset where v.deliverable_id = reset.id
      returning v.id, reset.format, reset.platform
    )
    select * from undecided order by id`)
}

export const reviewUrl = (base: string, id: string) => `${base}/b/bench-01/review/${id}`

/** The attestations each platform/format's review page asks for, read from one draft's page of each. */
export async function attestationsByFormat(base: string, manager: string, drafts: WaitingDraft[]): Promise<Map<string, string[]>> {
  const byFormat = new Map<string, string[]>()
  for (const d of drafts) {
    if (byFormat.has(`${d.platform}/${d.format}`)) continue
    const html = await (await fetch(reviewUrl(base, d.id), { headers: { Cookie: manager } })).text()
    byFormat.set(`${d.platform}/${d.format}`, [...html.matchAll(/name="attestations"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="attestations"/g)].map((m) => m[1] ?? m[2]!))
  }
  return byFormat
}

/** Every draft approved once, 20 at a time; a successful approval answers 302 (back to the queue), so only 4xx/5xx fail. */
export async function approveAll(base: string, manager: string, drafts: WaitingDraft[], byFormat: Map<string, string[]>): Promise<{ r: autocannon.Result; failed: number }> {
  let i = 0
  const r = await autocannon({
    url: base,
    connections: 20,
    amount: drafts.length,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const d = drafts[i++ % drafts.length]!
          const body = new URLSearchParams({ intent: 'approve' })
          for (const a of byFormat.get(`${d.platform}/${d.format}`) ?? []) body.append('attestations', a)
          return { ...req, path: `/b/bench-01/review/${d.id}`, body: body.toString() }
        },
      },
    ],
    headers: { Cookie: manager, Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
  })
  const failed = Object.entries(r.statusCodeStats ?? {}).reduce((n, [code, v]) => (Number(code) >= 400 ? n + (v as { count: number }).count : n), 0)
  return { r, failed }
}
