import { readdir } from 'node:fs/promises'
import { and, asc, eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { config, setConfig } from '#app/config.server.ts'
import * as deliverableRoute from '#app/routes/c+/$creator+/deliverables.$deliverable.tsx'
import * as uploadRoute from '#app/routes/c+/$creator+/deliverables.$deliverable_.upload.tsx'
import * as reviewRoute from '#app/routes/b+/$brand+/review.$draft.tsx'
import * as queueRoute from '#app/routes/b+/$brand+/review._index.tsx'
import * as fileRoute from '#app/routes/files.$id.tsx'
import { approveDraft } from '#app/services/content/approve-draft.server.ts'
import { runJobsUntilIdle } from '#app/services/jobs/run-jobs.server.ts'
import { mediaAnalysisJob } from '#app/services/media/media-analysis-job.server.ts'
import { requestDraftChanges } from '#app/services/content/request-draft-changes.server.ts'
import { addMember, call, cookieFor, createBrand, makeRequest } from '#tests/factories.ts'
import { createContentWorld, draftRequest, fakeMp4, insertDraft } from '#tests/factories-content.ts'

type World = Awaited<ReturnType<typeof createContentWorld>>

const GOOD = '#ad Race day with @acme #AcmeRun'
const NO_DISCLOSURE = 'Race day with @acme #AcmeRun'
const ALL_REEL_CHECKS = ['VD-01', 'VD-02', 'VD-03', 'VD-04', 'PT-01']

const brandActor = (w: World, who: 'manager' | 'admin') =>
  ({ brand: { id: w.brand.id, name: w.brand.name, slug: w.brand.slug }, user: { id: w[who].id }, audit: { userId: w[who].id }, role: who }) as never

async function listUploads(): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(config().UPLOAD_DIR, { withFileTypes: true, recursive: true }).catch(() => [])) if (e.isFile()) out.push(e.name)
  return out.sort()
}

async function submitAs(w: World, user: { id: string }, caption: string, files = [{ name: 'cut.mp4', bytes: fakeMp4(20_000) }], route: 'page' | 'upload' = 'page') {
  const path = `/c/${w.creator.id}/deliverables/${w.deliverable.id}${route === 'upload' ? '/upload' : ''}`
  const request = draftRequest(path, { cookie: await cookieFor(user), caption, files })
  const fn: (args: never) => Promise<unknown> = route === 'upload' ? uploadRoute.action : deliverableRoute.action
  const r = await call(() => fn({ request, params: { creator: w.creator.id, deliverable: w.deliverable.id }, context: {} } as never))
  // The media check runs in the background; approval waits for it. These fake mp4s cannot be read, so every
  // media check stays a manual tick, as before issue #15.
  await runJobsUntilIdle({ only: [mediaAnalysisJob] })
  return r
}

const drafts = (w: World) => db().select().from(schema.draftVersions).where(eq(schema.draftVersions.deliverableId, w.deliverable.id)).orderBy(asc(schema.draftVersions.version))
const deliverable = async (w: World) => (await db().select().from(schema.deliverables).where(eq(schema.deliverables.id, w.deliverable.id)))[0]!
const audits = (entityId: string) => db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, entityId)).orderBy(asc(schema.auditEvents.id))
const outboxTo = async (email: string) =>
  (await db().select().from(schema.outboxMessages)).filter((m) => m.toAddresses.includes(email) || m.ccAddresses.includes(email))

afterEach(() => setConfig({ DRAFT_UPLOAD_MAX_BYTES: 2 * 1024 ** 3 }))

describe('draft submission', () => {
  it('stores v1 with the server-side findings, moves the deliverable to draft_submitted, audits it and emails the reviewers', async () => {
    const w = await createContentWorld()
    const r = await submitAs(w, w.creatorUser, NO_DISCLOSURE)
    expect(r.status).toBe(302)
    const [v1] = await drafts(w)
    expect(v1!.version).toBe(1)
    expect(v1!.caption).toBe(NO_DISCLOSURE)
    expect((v1!.findings as { ruleId: string; severity: string }[]).filter((f) => f.severity === 'blocking').map((f) => f.ruleId)).toEqual(['LX-01'])
    const [file] = await db().select().from(schema.files).where(eq(schema.files.id, v1!.fileIds[0]!))
    expect([file!.mimeType, file!.sizeBytes, file!.brandId, file!.creatorId, file!.originalName]).toEqual(['video/mp4', 20_000, w.brand.id, w.creator.id, 'cut.mp4'])
    expect((await deliverable(w)).status).toBe('draft_submitted')
    expect((await audits(w.deliverable.id)).map((a) => [a.action, a.actorUserId])).toEqual([['draft.submitted', w.creatorUser.id]])
    const mail = await outboxTo(w.manager.email)
    expect(mail.map((m) => m.subject)).toEqual([`Draft v1 from ${w.creator.name} is waiting for review`])
    expect(mail[0]!.toAddresses.sort()).toEqual([w.admin.email, w.manager.email].sort())
    // A second submission while v1 waits is refused.
    const again = await submitAs(w, w.creatorUser, GOOD)
    expect(again.status).toBe(409)
  })

  it('an agent with submit_content submits through the upload endpoint; both people are recorded', async () => {
    const w = await createContentWorld()
    const r = await submitAs(w, w.agent, GOOD, undefined, 'upload')
    expect(r.status).toBe(200)
    const body = await r.response!.json()
    expect(body).toEqual({ ok: true, redirectTo: `/c/${w.creator.id}/deliverables/${w.deliverable.id}`, version: 1 })
    expect(r.response!.headers.get('set-cookie')).toMatch(/gr_flash=/)
    const [v1] = await drafts(w)
    expect([v1!.submittedByUserId, v1!.actingForCreatorId, v1!.findings]).toEqual([w.agent.id, w.creator.id, []])
    const [a] = await audits(w.deliverable.id)
    expect([a!.actorUserId, a!.actingForCreatorId]).toEqual([w.agent.id, w.creator.id])
  })

  it('refuses HTML renamed .mp4: 415 with the message on the field, no row, nothing on disk', async () => {
    const w = await createContentWorld()
    const before = await listUploads()
    const html = Buffer.from('<!doctype html><html><script>alert(document.cookie)</script></html>'.padEnd(200, ' '))
    const r = await submitAs(w, w.creatorUser, GOOD, [{ name: 'clip.mp4', bytes: html }], 'upload')
    expect(r.status).toBe(415)
    const body = await r.response!.json()
    expect(body.ok).toBe(false)
    expect(body.fieldErrors.files[0]).toBe('That file type is not accepted here. Use JPEG, PNG, GIF, WebP, HEIC, MP4, MOV, WebM.')
    expect(await drafts(w)).toEqual([])
    expect(await db().select().from(schema.files).where(eq(schema.files.creatorId, w.creator.id))).toEqual([])
    expect(await listUploads()).toEqual(before)
    expect((await deliverable(w)).status).toBe('pending')
  })

  it('refuses an oversize upload with a clear message and leaves nothing on disk (page action, no JavaScript)', async () => {
    const w = await createContentWorld()
    setConfig({ DRAFT_UPLOAD_MAX_BYTES: 60 * 1024 })
    const before = await listUploads()
    const r = await submitAs(w, w.creatorUser, GOOD, [
      { name: 'small.mp4', bytes: fakeMp4(10_000) },
      { name: 'big.mp4', bytes: fakeMp4(80_000) },
    ])
    expect(r.status).toBe(413)
    expect(r.data).toMatchObject({ ok: false, formError: 'That file is over the 60 KB limit.', fieldErrors: { files: ['That file is over the 60 KB limit.'] } })
    expect(await listUploads()).toEqual(before)
    expect(await drafts(w)).toEqual([])
  })

  it('v1 needs a file; v2 without new files keeps the files of v1', async () => {
    const w = await createContentWorld()
    const none = await submitAs(w, w.creatorUser, GOOD, [])
    expect(none.status).toBe(400)
    expect(none.data).toMatchObject({ fieldErrors: { files: ['Add at least one photo or video.'] } })
    await submitAs(w, w.creatorUser, NO_DISCLOSURE)
    const [v1] = await drafts(w)
    await requestDraftChanges(brandActor(w, 'manager'), { draftId: v1!.id, attestations: [], comment: 'Add #ad at the start.', internalNote: '', confirmExtraRound: false })
    expect(await submitAs(w, w.creatorUser, GOOD, [])).toMatchObject({ status: 302 })
    const [, v2] = await drafts(w)
    expect([v2!.version, v2!.fileIds, v2!.findings]).toEqual([2, v1!.fileIds, []])
  })
})

describe('review decisions', () => {
  it('refuses approval while a blocking finding remains; a manager cannot override; an admin can, with a reason, and it is audited', async () => {
    const w = await createContentWorld()
    await submitAs(w, w.creatorUser, NO_DISCLOSURE)
    const [v1] = await drafts(w)
    const base = { draftId: v1!.id, attestations: ALL_REEL_CHECKS, comment: '' }
    await expect(approveDraft(brandActor(w, 'manager'), { ...base, overrideReason: '' })).rejects.toMatchObject({ status: 422, message: expect.stringContaining('1 blocking finding (LX-01)') })
    await expect(approveDraft(brandActor(w, 'manager'), { ...base, overrideReason: 'Legal said it is fine.' })).rejects.toMatchObject({ status: 403 })
    await expect(approveDraft(brandActor(w, 'admin'), { ...base, overrideReason: 'ok' })).rejects.toMatchObject({ status: 400, fieldErrors: { overrideReason: [expect.any(String)] } })
    expect((await deliverable(w)).status).toBe('draft_submitted')

    const r = await approveDraft(brandActor(w, 'admin'), { ...base, overrideReason: 'Disclosure is spoken and on screen; legal approved.' })
    expect(r.override).toBe(true)
    const [after] = await drafts(w)
    expect([after!.decision, after!.overrideReason, after!.decidedByUserId]).toEqual(['approved', 'Disclosure is spoken and on screen; legal approved.', w.admin.id])
    expect((await deliverable(w)).status).toBe('approved')
    const [event] = await audits(v1!.id)
    expect(event!.action).toBe('draft.approved_with_override')
    expect(event!.actorUserId).toBe(w.admin.id)
    expect(event!.after).toMatchObject({ overrideReason: 'Disclosure is spoken and on screen; legal approved.', blocking: ['LX-01'], unticked: [] })
  })

  it('refuses approval while an attestation is unticked (the field says which), then approves once all are ticked', async () => {
    const w = await createContentWorld()
    await submitAs(w, w.creatorUser, GOOD)
    const [v1] = await drafts(w)
    const err = await approveDraft(brandActor(w, 'manager'), { draftId: v1!.id, attestations: ['VD-01', 'VD-02', 'VD-03', 'VD-04'], comment: '', overrideReason: '' }).catch((e) => e)
    expect(err.status).toBe(422)
    expect(err.fieldErrors.attestations[0]).toContain('Instagram "Paid partnership" label is on and names the brand')
    await approveDraft(brandActor(w, 'manager'), { draftId: v1!.id, attestations: ALL_REEL_CHECKS, comment: 'Lovely, post it!', overrideReason: '' })
    const [after] = await drafts(w)
    expect(after!.attestations).toEqual({ 'VD-01': true, 'VD-02': true, 'VD-03': true, 'VD-04': true, 'PT-01': true })
    expect((await audits(v1!.id)).map((a) => a.action)).toEqual(['draft.approved'])
    const mail = (await outboxTo(w.creator.email)).find((m) => m.template === 'draft-approved')!
    expect(mail.ccAddresses).toEqual([w.agent.email])
    expect(mail.text).toContain('Lovely, post it!')
    await expect(approveDraft(brandActor(w, 'manager'), { draftId: v1!.id, attestations: ALL_REEL_CHECKS, comment: '', overrideReason: '' })).rejects.toMatchObject({ status: 409 })
  })

  it('each state change writes an audit event: submitted, changes requested, submitted, approved', async () => {
    const w = await createContentWorld()
    await submitAs(w, w.creatorUser, NO_DISCLOSURE)
    const [v1] = await drafts(w)
    await requestDraftChanges(brandActor(w, 'manager'), { draftId: v1!.id, attestations: [], comment: 'Add #ad first.', internalNote: '', confirmExtraRound: false })
    await submitAs(w, w.creatorUser, GOOD)
    const [, v2] = await drafts(w)
    await approveDraft(brandActor(w, 'manager'), { draftId: v2!.id, attestations: ALL_REEL_CHECKS, comment: '', overrideReason: '' })
    const rows = await db()
      .select({ action: schema.auditEvents.action, before: schema.auditEvents.before, after: schema.auditEvents.after })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.brandId, w.brand.id)))
      .orderBy(asc(schema.auditEvents.id))
    expect(rows.map((r) => [r.action, (r.before as { status: string }).status, (r.after as { status: string }).status])).toEqual([
      ['draft.submitted', 'pending', 'draft_submitted'],
      ['draft.changes_requested', 'draft_submitted', 'changes_requested'],
      ['draft.submitted', 'changes_requested', 'draft_submitted'],
      ['draft.approved', 'draft_submitted', 'approved'],
    ])
    expect((await deliverable(w)).revisionsUsed).toBe(1)
  })

  it('warns before a change request past the included revision rounds, and goes ahead once confirmed', async () => {
    const w = await createContentWorld({ revisionRounds: 1 })
    await submitAs(w, w.creatorUser, NO_DISCLOSURE)
    const [v1] = await drafts(w)
    expect(await requestDraftChanges(brandActor(w, 'manager'), { draftId: v1!.id, attestations: [], comment: 'Add #ad.', internalNote: '', confirmExtraRound: false })).toEqual({ extraRound: false })
    await submitAs(w, w.creatorUser, NO_DISCLOSURE + ' again')
    const [, v2] = await drafts(w)
    const err = await requestDraftChanges(brandActor(w, 'manager'), { draftId: v2!.id, attestations: [], comment: 'Still no #ad.', internalNote: '', confirmExtraRound: false }).catch((e) => e)
    expect(err.status).toBe(409)
    expect(err.fieldErrors.confirmExtraRound[0]).toBe('This would be revision round 2, but the contract includes 1. Tick the box to confirm you want to ask for it anyway (the creator may ask for an extra fee).')
    expect(await requestDraftChanges(brandActor(w, 'manager'), { draftId: v2!.id, attestations: [], comment: 'Still no #ad.', internalNote: '', confirmExtraRound: true })).toEqual({ extraRound: true })
    expect((await deliverable(w)).revisionsUsed).toBe(2)
    const [, event] = await audits(v2!.id).then((a) => [null, a[0]])
    expect(event!.after).toMatchObject({ extraRound: true, included: 1, revisionsUsed: 2 })
  })
})

describe('internal comments and isolation', () => {
  it('internal notes never reach the creator’s or the agent’s page data or emails; brand members see them labelled', async () => {
    const w = await createContentWorld()
    await submitAs(w, w.creatorUser, NO_DISCLOSURE)
    const [v1] = await drafts(w)
    const SECRET = 'INTERNAL: we may drop this creator after the campaign'
    // Through the review route, as the browser does it.
    const review = (form: Record<string, string | string[]>) =>
      cookieFor(w.manager).then((cookie) =>
        call(() => reviewRoute.action({ request: makeRequest(`/b/${w.brand.slug}/review/${v1!.id}`, { form, cookie }), params: { brand: w.brand.slug, draft: v1!.id }, context: {} } as never)),
      )
    expect((await review({ intent: 'comment', body: `${SECRET} (standalone)`, visibility: 'internal' })).status).toBe(302)
    expect((await review({ intent: 'request-changes', comment: 'Please put #ad first.', internalNote: SECRET })).status).toBe(302)

    for (const user of [w.creatorUser, w.agent]) {
      const r = await call(async () =>
        deliverableRoute.loader({ request: makeRequest(`/c/${w.creator.id}/deliverables/${w.deliverable.id}`, { cookie: await cookieFor(user) }), params: { creator: w.creator.id, deliverable: w.deliverable.id }, context: {} } as never),
      )
      expect(r.status).toBe(200)
      const json = JSON.stringify(r.data)
      expect(json).toContain('Please put #ad first.')
      expect(json).not.toContain('INTERNAL')
      expect(json).not.toContain('"internal"')
    }
    const mails = [...(await outboxTo(w.creator.email)), ...(await outboxTo(w.agent.email))]
    expect(mails.map((m) => m.template)).toEqual(['draft-changes-requested', 'draft-changes-requested'])
    for (const m of mails) {
      expect(m.html + m.text + m.subject).not.toContain('INTERNAL')
      expect(m.text).toContain('Please put #ad first.')
    }
    const brandPage = await call(async () =>
      reviewRoute.loader({ request: makeRequest(`/b/${w.brand.slug}/review/${v1!.id}`, { cookie: await cookieFor(w.admin) }), params: { brand: w.brand.slug, draft: v1!.id }, context: {} } as never),
    )
    const comments = (brandPage.data as { page: { versions: { comments: { body: string; visibility: string }[] }[] } }).page.versions[0]!.comments
    expect(comments.map((c) => [c.visibility, c.body])).toEqual([
      ['internal', `${SECRET} (standalone)`],
      ['creator', 'Please put #ad first.'],
      ['internal', SECRET],
    ])
  })

  it('a member of another brand gets 404 on the draft, its file and the queue rows; the queue shows it to its own brand', async () => {
    const w = await createContentWorld()
    const other = await createBrand()
    const outsider = await addMember(other.id, 'admin')
    const v1 = await insertDraft({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId: w.deliverable.id, caption: NO_DISCLOSURE })
    const cookie = await cookieFor(outsider)
    for (const slug of [other.slug, w.brand.slug]) {
      const r = await call(() => reviewRoute.loader({ request: makeRequest(`/b/${slug}/review/${v1.id}`, { cookie }), params: { brand: slug, draft: v1.id }, context: {} } as never))
      expect(r.status).toBe(404)
      const a = await call(() => reviewRoute.action({ request: makeRequest(`/b/${slug}/review/${v1.id}`, { cookie, form: { intent: 'approve', overrideReason: 'I am someone else entirely' } }), params: { brand: slug, draft: v1.id }, context: {} } as never))
      expect(a.status).toBe(404)
    }
    const file = await call(() => fileRoute.loader({ request: makeRequest(`/files/${v1.fileIds[0]}`, { cookie }), params: { id: v1.fileIds[0] }, context: {} } as never))
    expect(file.status).toBe(404)
    const theirQueue = await call(() => queueRoute.loader({ request: makeRequest(`/b/${other.slug}/review`, { cookie }), params: { brand: other.slug }, context: {} } as never))
    expect((theirQueue.data as { rows: unknown[] }).rows).toEqual([])
    const ownQueue = await call(async () => queueRoute.loader({ request: makeRequest(`/b/${w.brand.slug}/review`, { cookie: await cookieFor(w.manager) }), params: { brand: w.brand.slug }, context: {} } as never))
    expect((ownQueue.data as { rows: { draftId: string; blocking: number }[] }).rows.map((r) => [r.draftId, r.blocking])).toEqual([[v1.id, 0]])
    expect((await deliverable(w)).status).toBe('draft_submitted')
  })

  it('the queue puts the most urgent first and filters by platform', async () => {
    const w = await createContentWorld()
    const late = await createContentWorld()
    // Same brand, second deliverable going live earlier.
    const { createCollaboration } = await import('#tests/factories-posts.ts')
    const soon = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, deliverableStatus: 'pending', postWindowStart: '2026-02-01', platform: 'tiktok', format: 'tiktok_video' })
    const a = await insertDraft({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId: w.deliverable.id })
    const b = await insertDraft({ brandId: w.brand.id, creatorId: w.creator.id, deliverableId: soon.deliverable.id })
    void late
    const cookie = await cookieFor(w.manager)
    const q = async (search = '') =>
      ((await call(() => queueRoute.loader({ request: makeRequest(`/b/${w.brand.slug}/review${search}`, { cookie }), params: { brand: w.brand.slug }, context: {} } as never))).data as { rows: { draftId: string }[] }).rows.map((r) => r.draftId)
    expect(await q()).toEqual([b.id, a.id])
    expect(await q('?platform=instagram')).toEqual([a.id])
    expect(await q('?platform=bogus')).toEqual([b.id, a.id])
    // The total counts every waiting draft of the filter (the page lists at most REVIEW_QUEUE_PAGE).
    const total = async (search = '') =>
      ((await call(() => queueRoute.loader({ request: makeRequest(`/b/${w.brand.slug}/review${search}`, { cookie }), params: { brand: w.brand.slug }, context: {} } as never))).data as { total: number }).total
    expect([await total(), await total('?platform=instagram'), await total('?platform=youtube')]).toEqual([2, 1, 0])
  })
})

describe('large uploads', () => {
  it('streams a 256 MB video to disk with flat memory (the body is generated lazily, never held whole)', async () => {
    const w = await createContentWorld()
    const SIZE = 256 * 1024 * 1024
    const boundary = '----greenroomlarge'
    const enc = new TextEncoder()
    const head = enc.encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nsubmit-draft\r\n--${boundary}\r\nContent-Disposition: form-data; name="caption"\r\n\r\n${GOOD}\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="long.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
    )
    const tail = enc.encode(`\r\n--${boundary}--\r\n`)
    const chunk = new Uint8Array(1024 * 1024).fill(9)
    const first = fakeMp4(1024 * 1024)
    let sent = 0
    let step = 0
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (step === 0) c.enqueue(head)
        else if (sent < SIZE) {
          c.enqueue(sent === 0 ? new Uint8Array(first) : chunk)
          sent += chunk.length
        } else if (step > 0) {
          c.enqueue(tail)
          c.close()
        }
        step++
      },
    })
    global.gc?.()
    const before = process.memoryUsage()
    let peak = before.rss
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    const request = new Request(`http://greenroom.test/c/${w.creator.id}/deliverables/${w.deliverable.id}`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: (await cookieFor(w.creatorUser))! },
    } as RequestInit)
    const r = await call(() => deliverableRoute.action({ request, params: { creator: w.creator.id, deliverable: w.deliverable.id }, context: {} } as never))
    clearInterval(timer)
    expect(r.status).toBe(302)
    const [v1] = await drafts(w)
    const [file] = await db().select().from(schema.files).where(eq(schema.files.id, v1!.fileIds[0]!))
    expect(file!.sizeBytes).toBe(SIZE)
    // 256 MB went through; resident memory grew by well under half of it (GC lag included).
    expect(peak - before.rss).toBeLessThan(128 * 1024 * 1024)
  }, 120_000)
})
