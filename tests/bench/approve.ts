/**
 * The approve scenario's parts, shared by tests/bench/run.ts and tests/bench/approve-only.ts: put every reviewed
 * draft of bench-01 back to waiting, read the reviewer attestations each format needs, and approve every draft once
 * at 20 connections.
 */
import autocannon from 'autocannon'
import type postgres from 'postgres'

export type WaitingDraft = { id: string; format: string; platform: string }

export function resetDrafts(bench: postgres.Sql): Promise<WaitingDraft[]> {
  return bench<WaitingDraft[]>`
    with reset as (
      update deliverables d set status = 'draft_submitted'
      where d.brand_id = 'bb0000' and d.status in ('draft_submitted', 'changes_requested', 'approved')
      returning d.id, d.format, d.platform
    ), undecided as (
      update draft_versions v set decision = null, decided_by_user_id = null, decided_at = null, attestations = '{}'::jsonb
      from reset where v.deliverable_id = reset.id
      returning v.id, reset.format, reset.platform
    )
    select * from undecided order by id`
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
