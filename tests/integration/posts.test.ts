import { and, asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { submitPost } from '#app/services/posts/submit-post.server.ts'
import { verifyPost } from '#app/services/posts/verify-post.server.ts'
import { sendBackPost } from '#app/services/posts/send-back-post.server.ts'
import { postAttestations } from '#app/services/posts/post-checks.server.ts'
import { getBrandPostPage } from '#app/services/posts/get-brand-post-page.server.ts'
import * as creatorPostRoute from '#app/routes/c+/$creator+/posts.$deliverable.tsx'
import * as postsIndexRoute from '#app/routes/c+/$creator+/posts._index.tsx'
import * as statsRoute from '#app/routes/c+/$creator+/posts.$deliverable_.stats.tsx'
import * as verifyRoute from '#app/routes/b+/$brand+/posts.$post.tsx'
import * as redirectRoute from '#app/routes/r.$code.tsx'
import * as filesRoute from '#app/routes/files.$id.tsx'
import { addMember, call, cookieFor, createAgency, createBrand, makeRequest, uid } from '#tests/factories.ts'
import { createCollaboration, createPostsWorld, fakePng, multipartRequest } from '#tests/factories-posts.ts'

const creatorActor = (w: Awaited<ReturnType<typeof createPostsWorld>>) =>
  ({ creator: { id: w.creator.id }, user: { id: w.creatorUser.id }, audit: { userId: w.creatorUser.id, actingForCreatorId: w.creator.id } }) as never
const managerActor = (w: Awaited<ReturnType<typeof createPostsWorld>>) =>
  ({ brand: { id: w.brand.id, name: w.brand.name }, user: { id: w.manager.id }, audit: { userId: w.manager.id } }) as never

describe('live post submission', () => {
  it('stores the normalized URL, the caption as posted and the window flag; deliverable -> posted', async () => {
    const w = await createPostsWorld()
    const code = `C${uid()}`
    const r = await submitPost(creatorActor(w), {
      deliverableId: w.deliverable.id,
      url: `  https://www.instagram.com/reel/${code}/?igsh=xyz#top `,
      postedOn: '2026-03-20', // window is 2026-03-01 .. 2026-03-15
      caption: '#ad Marathon season starts now with @acmerunning',
    })
    expect(r.post.url).toBe(`https://www.instagram.com/reel/${code}/`)
    expect(r.outsideWindow).toBe(true)
    expect(r.post.status).toBe('submitted')
    const [d] = await db().select().from(schema.deliverables).where(eq(schema.deliverables.id, w.deliverable.id))
    expect(d!.status).toBe('posted')
    const audit = await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, r.post.id))
    expect(audit.map((a) => [a.action, a.actingForCreatorId])).toEqual([['post.submitted', w.creator.id]])
  })

  it('runs the disclosure checker again on the caption as posted and shows the diff to the manager', async () => {
    const w = await createPostsWorld()
    const { post, findings } = await submitPost(creatorActor(w), {
      deliverableId: w.deliverable.id,
      url: `https://www.instagram.com/reel/K${uid()}/`,
      postedOn: '2026-03-05',
      caption: 'Marathon season starts now with @acmerunning', // the approved draft had "#ad " in front
    })
    expect(findings.some((f) => f.severity === 'blocking' && f.ruleId === 'LX-01')).toBe(true)
    const page = await getBrandPostPage(w.brand.id, post.id)
    expect(page.captionChanged).toBe(true)
    expect(page.diff).toEqual([
      { kind: 'removed', text: '#ad ' },
      { kind: 'same', text: 'Marathon season starts now with @acmerunning' },
    ])
    expect(page.checks.map((c) => c.id)).toEqual(['PT-01'])
  })

  it('refuses a URL already used by another deliverable, and a second submission', async () => {
    const w = await createPostsWorld()
    const url = `https://www.instagram.com/reel/D${uid()}/`
    await submitPost(creatorActor(w), { deliverableId: w.deliverable.id, url, postedOn: '2026-03-05', caption: '' })
    const second = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id })
    await expect(submitPost(creatorActor(w), { deliverableId: second.deliverable.id, url, postedOn: '2026-03-05', caption: '' })).rejects.toMatchObject({
      status: 409,
      fieldErrors: { url: [expect.stringContaining('already submitted')] },
    })
    await expect(submitPost(creatorActor(w), { deliverableId: w.deliverable.id, url: `${url}x`, postedOn: '2026-03-05', caption: '' })).rejects.toMatchObject({ status: 409 })
  })

  it('validates the link for the deliverable’s platform', async () => {
    const w = await createPostsWorld()
    await expect(
      submitPost(creatorActor(w), { deliverableId: w.deliverable.id, url: 'https://www.tiktok.com/@maya/video/7300000000000000000', postedOn: '2026-03-05', caption: '' }),
    ).rejects.toMatchObject({ status: 400, fieldErrors: { url: ['This is a TikTok link; this deliverable is for Instagram.'] } })
    await expect(submitPost(creatorActor(w), { deliverableId: w.deliverable.id, url: 'javascript:alert(1)', postedOn: '2026-03-05', caption: '' })).rejects.toMatchObject({ status: 400 })
    const yt = await createPostsWorld({ platform: 'youtube', format: 'youtube_video' })
    const id = `dQw4w9WgX${uid().slice(0, 2)}`
    const r = await submitPost(creatorActor(yt), { deliverableId: yt.deliverable.id, url: `https://youtu.be/${id}?t=42`, postedOn: '2026-03-05', caption: '#ad' })
    expect([r.post.url, r.post.externalId]).toEqual([`https://www.youtube.com/watch?v=${id}`, id])
  })

  it('only approved content can be posted, only by its creator', async () => {
    const w = await createPostsWorld()
    const pending = await createCollaboration({ brandId: w.brand.id, campaignId: w.campaign.id, creatorId: w.creator.id, deliverableStatus: 'draft_submitted' })
    await expect(submitPost(creatorActor(w), { deliverableId: pending.deliverable.id, url: 'https://www.instagram.com/reel/x/', postedOn: '2026-03-05', caption: '' })).rejects.toMatchObject({ status: 409 })
    const other = await createPostsWorld()
    await expect(submitPost(creatorActor(w), { deliverableId: other.deliverable.id, url: 'https://www.instagram.com/reel/y/', postedOn: '2026-03-05', caption: '' })).rejects.toMatchObject({ status: 404 })
  })
})

describe('verification', () => {
  it('send back with a note -> creator resubmits -> manager verifies with every check ticked', async () => {
    const w = await createPostsWorld()
    const { post } = await submitPost(creatorActor(w), { deliverableId: w.deliverable.id, url: `https://www.instagram.com/reel/E${uid()}/`, postedOn: '2026-03-05', caption: 'Marathon season' })
    await sendBackPost(managerActor(w), { postId: post.id, note: 'Add #ad to the first line' })
    let [d] = await db().select().from(schema.deliverables).where(eq(schema.deliverables.id, w.deliverable.id))
    expect(d!.status).toBe('post_changes_requested')
    const mail = (await db().select().from(schema.outboxMessages)).filter((m) => m.toAddresses.includes(w.creator.email))
    expect(mail.at(-1)!.text).toContain('Add #ad to the first line')
    // Cannot verify while it is with the creator.
    await expect(verifyPost(managerActor(w), { postId: post.id, attestations: [] })).rejects.toMatchObject({ status: 409 })

    const again = await submitPost(creatorActor(w), { deliverableId: w.deliverable.id, url: post.url, postedOn: '2026-03-05', caption: '#ad Marathon season' })
    expect(again.post.id).toBe(post.id)
    expect(again.post.status).toBe('submitted')

    // Missing ticks are refused with a sentence; all ticks verify.
    await expect(verifyPost(managerActor(w), { postId: post.id, attestations: [] })).rejects.toMatchObject({ status: 400 })
    const ids = postAttestations('instagram', 'reel').map((a) => a.id)
    await verifyPost(managerActor(w), { postId: post.id, attestations: ids })
    ;[d] = await db().select().from(schema.deliverables).where(eq(schema.deliverables.id, w.deliverable.id))
    expect(d!.status).toBe('verified')
    const [p] = await db().select().from(schema.posts).where(eq(schema.posts.id, post.id))
    expect(p!.status).toBe('verified')
    expect(p!.verifiedByUserId).toBe(w.manager.id)
    const actions = (await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, post.id)).orderBy(asc(schema.auditEvents.id))).map((a) => a.action)
    expect(actions).toEqual(['post.submitted', 'post.changes_requested', 'post.resubmitted', 'post.verified'])
  })

  it('the platform label: "off" is stored with PT-01 (and EU-01 for an EU brand), shown to the manager, and blocks verification until a resubmission says "on"', async () => {
    const w = await createPostsWorld()
    await db().update(schema.brands).set({ jurisdiction: 'FR' }).where(eq(schema.brands.id, w.brand.id))
    const url = `https://www.instagram.com/reel/P${uid()}/`
    const off = await submitPost(creatorActor(w), { deliverableId: w.deliverable.id, url, postedOn: '2026-03-05', caption: '#ad Publicité Marathon', platformLabelOn: false })
    expect(off.post.platformLabelDeclared).toBe(false)
    const labelRules = off.findings.filter((f) => f.ruleId === 'PT-01' || f.ruleId === 'EU-01')
    expect(labelRules.map((f) => [f.ruleId, f.severity])).toEqual([['PT-01', 'blocking'], ['EU-01', 'blocking']])
    expect(labelRules[1]!.message).toContain('Digital Services Act, art. 26(2)')
    const page = await getBrandPostPage(w.brand.id, off.post.id)
    expect(page.post.platformLabelDeclared).toBe(false)
    const all = postAttestations('instagram', 'reel').map((a) => a.id)
    const refused = await verifyPost(managerActor(w), { postId: off.post.id, attestations: all }).catch((e) => e)
    expect([refused.status, refused.message]).toEqual([409, 'The creator says Instagram’s “Paid partnership” label is off on this post. Send it back so they turn it on, then verify the resubmitted post.'])
    const [still] = await db().select().from(schema.posts).where(eq(schema.posts.id, off.post.id))
    expect(still!.status).toBe('submitted')

    await sendBackPost(managerActor(w), { postId: off.post.id, note: 'Turn on the Paid partnership label' })
    const on = await submitPost(creatorActor(w), { deliverableId: w.deliverable.id, url, postedOn: '2026-03-05', caption: '#ad Publicité Marathon', platformLabelOn: true })
    expect(on.findings.filter((f) => f.ruleId === 'PT-01' || f.ruleId === 'EU-01')).toEqual([])
    await verifyPost(managerActor(w), { postId: off.post.id, attestations: all })
    const audit = (await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, off.post.id))).map((a) => [a.action, (a.after as { platformLabelDeclared?: boolean })?.platformLabelDeclared ?? null])
    expect(audit).toEqual([['post.submitted', false], ['post.changes_requested', null], ['post.resubmitted', true], ['post.verified', null]])
  })

  it('a US brand: "off" is PT-01 only (no EU-01); the form refuses a missing answer next to the question', async () => {
    const w = await createPostsWorld({ platform: 'tiktok', format: 'tiktok_video' })
    const off = await submitPost(creatorActor(w), { deliverableId: w.deliverable.id, url: `https://www.tiktok.com/@maya/video/73${Date.now()}`, postedOn: '2026-03-05', caption: '#ad hi', platformLabelOn: false })
    expect(off.findings.filter((f) => /^(PT|EU)-/.test(f.ruleId)).map((f) => f.ruleId)).toEqual(['PT-02'])
    const w2 = await createPostsWorld()
    const missing = await call(async () =>
      creatorPostRoute.action({
        request: makeRequest(`/c/${w2.creator.id}/posts/${w2.deliverable.id}`, { cookie: await cookieFor(w2.creatorUser), form: { intent: 'submit', url: `https://www.instagram.com/reel/M${uid()}/`, postedOn: '2026-03-05', caption: '#ad hi' } }),
        params: { creator: w2.creator.id, deliverable: w2.deliverable.id },
        context: {},
      }),
    )
    expect(missing.status).toBe(400)
    expect((missing.data as { fieldErrors: Record<string, string[]> }).fieldErrors.platformLabel).toEqual(['Say whether the platform’s paid-partnership label is on for this post.'])
    expect(await db().select().from(schema.posts).where(eq(schema.posts.deliverableId, w2.deliverable.id))).toEqual([])
  })

  it('another brand cannot see or verify the post', async () => {
    const w = await createPostsWorld()
    const other = await createPostsWorld()
    const { post } = await submitPost(creatorActor(w), { deliverableId: w.deliverable.id, url: `https://www.instagram.com/reel/F${uid()}/`, postedOn: '2026-03-05', caption: '' })
    await expect(verifyPost(managerActor(other), { postId: post.id, attestations: [] })).rejects.toMatchObject({ status: 404 })
    const r = await call(async () =>
      verifyRoute.loader({ request: makeRequest(`/b/${other.brand.slug}/posts/${post.id}`, { cookie: await cookieFor(other.manager) }), params: { brand: other.brand.slug, post: post.id }, context: {} }),
    )
    expect(r.status).toBe(404)
  })
})

describe('routes', () => {
  it('the Posts page lists the creator\'s live posts (newest first) with the way to stats and ads permission; never another creator\'s', async () => {
    const w = await createPostsWorld()
    const other = await createPostsWorld()
    const load = async (creatorId: string, user: typeof w.creatorUser) =>
      (
        await call(async () =>
          postsIndexRoute.loader({ request: makeRequest(`/c/${creatorId}/posts`, { cookie: await cookieFor(user) }), params: { creator: creatorId }, context: {} }),
        )
      ).data as { live: { deliverableId: string; status: string; url: string }[]; todos: { kind: string }[] }
    // approved, not posted yet: a to-do, not a live post
    const before = await load(w.creator.id, w.creatorUser)
    expect(before.live).toEqual([])
    expect(before.todos.map((t) => t.kind)).toEqual(['post_link'])

    const code = `L${uid()}`
    await submitPost(creatorActor(w), { deliverableId: w.deliverable.id, url: `https://www.instagram.com/reel/${code}/`, postedOn: '2026-03-05', caption: '#ad hi' })
    await submitPost(creatorActor(other), { deliverableId: other.deliverable.id, url: `https://www.instagram.com/reel/O${uid()}/`, postedOn: '2026-03-06', caption: '#ad hi' })
    const after = await load(w.creator.id, w.creatorUser)
    expect(after.live.map((p) => [p.deliverableId, p.status, p.url])).toEqual([[w.deliverable.id, 'posted', `https://www.instagram.com/reel/${code}/`]])
    expect(after.todos.filter((t) => t.kind === 'post_link')).toEqual([])
    // another creator's user cannot read this creator's Posts page
    const refused = await call(async () =>
      postsIndexRoute.loader({ request: makeRequest(`/c/${w.creator.id}/posts`, { cookie: await cookieFor(other.creatorUser) }), params: { creator: w.creator.id }, context: {} }),
    )
    expect(refused.status).toBe(404)
  })

  it('an agent with submit_content submits through the page; one without it is refused', async () => {
    const w = await createPostsWorld()
    const withScope = await createAgency({ representing: [{ creatorId: w.creator.id, scopes: ['submit_content'] }] })
    const form = { intent: 'submit', url: `https://www.instagram.com/reel/G${uid()}/`, postedOn: '2026-03-05', caption: '#ad hi', platformLabel: 'on' }
    const ok = await call(async () =>
      creatorPostRoute.action({
        request: makeRequest(`/c/${w.creator.id}/posts/${w.deliverable.id}`, { cookie: await cookieFor(withScope.agent), form }),
        params: { creator: w.creator.id, deliverable: w.deliverable.id },
        context: {},
      }),
    )
    expect(ok.status).toBe(302)
    const [post] = await db().select().from(schema.posts).where(eq(schema.posts.deliverableId, w.deliverable.id))
    expect(post!.submittedByUserId).toBe(withScope.agent.id)
    // The audit records both people: the agent who acted and the creator they acted for.
    const [audit] = await db().select().from(schema.auditEvents).where(eq(schema.auditEvents.entityId, post!.id))
    expect([audit!.actorUserId, audit!.actingForCreatorId]).toEqual([withScope.agent.id, w.creator.id])

    const noScope = await createAgency({ representing: [{ creatorId: w.creator.id, scopes: [] }] })
    const refused = await call(async () =>
      statsRoute.action({
        request: makeRequest(`/c/${w.creator.id}/posts/${w.deliverable.id}/stats`, { cookie: await cookieFor(noScope.agent), form: { intent: 'stats', capturedOn: '2026-03-12', views: '10' } }),
        params: { creator: w.creator.id, deliverable: w.deliverable.id },
        context: {},
      }),
    )
    expect(refused.status).toBe(403)
  })

  it('stats form: numbers plus an insights screenshot; bad numbers and a missing or fake screenshot are refused with nothing stored', async () => {
    const w = await createPostsWorld()
    await submitPost(creatorActor(w), { deliverableId: w.deliverable.id, url: `https://www.instagram.com/reel/H${uid()}/`, postedOn: '2026-03-05', caption: '' })
    const cookie = await cookieFor(w.creatorUser)
    const path = `/c/${w.creator.id}/posts/${w.deliverable.id}/stats`
    const post = (form: Record<string, string>, evidence?: { filename: string; body: Buffer; type?: string }) =>
      call(() =>
        statsRoute.action({
          request: multipartRequest(path, [{ name: 'intent', value: 'stats' }, ...Object.entries(form).map(([name, value]) => ({ name, value })), evidence ? { name: 'evidence', ...evidence } : { name: 'evidence', filename: '', body: Buffer.alloc(0) }], { cookie }),
          params: { creator: w.creator.id, deliverable: w.deliverable.id },
          context: {},
        }),
      )
    const evidenceFiles = () => db().select().from(schema.files).where(and(eq(schema.files.creatorId, w.creator.id), eq(schema.files.purpose, 'metric_evidence')))
    const shot = { filename: 'insights.png', type: 'image/png', body: fakePng() }

    const bad = await post({ capturedOn: '2026-03-12', views: '12.5k' }, shot)
    expect(bad.status).toBe(400)
    expect((bad.data as { fieldErrors: Record<string, string[]> }).fieldErrors.views).toBeDefined()
    const noShot = await post({ capturedOn: '2026-03-12', views: '12500' })
    expect(noShot.status).toBe(400)
    expect((noShot.data as { fieldErrors: Record<string, string[]> }).fieldErrors.evidence![0]).toMatch(/screenshot/)
    // The numbers come back with the refusal, so a page without JavaScript shows them again.
    expect((noShot.data as { values: Record<string, string> }).values).toMatchObject({ capturedOn: '2026-03-12', views: '12500' })
    const fake = await post({ capturedOn: '2026-03-12', views: '12500' }, { filename: 'insights.png', type: 'image/png', body: Buffer.from('<html><script>alert(1)</script></html>'.padEnd(200)) })
    expect(fake.status).toBe(415)
    expect(await evidenceFiles()).toEqual([])

    const good = await post({ capturedOn: '2026-03-12', views: '12,500', likes: '300' }, shot)
    expect(good.status).toBe(302)
    const [p] = await db().select().from(schema.posts).where(eq(schema.posts.deliverableId, w.deliverable.id))
    const snaps = await db().select().from(schema.metricSnapshots).where(eq(schema.metricSnapshots.postId, p!.id))
    expect(snaps.map((s) => [s.views, s.likes, s.impressions, s.source])).toEqual([[12_500, 300, null, 'creator']])
    const files = await evidenceFiles()
    expect(files.map((f) => [f.id, f.brandId, f.mimeType, f.originalName])).toEqual([[snaps[0]!.evidenceFileId, w.brand.id, 'image/png', 'insights.png']])

    // The brand sees the screenshot on the post page and can open it; another brand cannot.
    const page = await getBrandPostPage(w.brand.id, p!.id)
    expect(page.snapshots.map((s) => s.evidenceFileId)).toEqual([files[0]!.id])
    const open = (user: { id: string }) =>
      call(async () => filesRoute.loader({ request: new Request(`http://greenroom.test/files/${files[0]!.id}`, { headers: { cookie: (await cookieFor(user))! } }), params: { id: files[0]!.id }, context: {} }))
    expect((await open(w.manager)).status).toBe(200)
    expect((await open(w.creatorUser)).status).toBe(200)
    const stranger = await addMember((await createBrand()).id, 'admin')
    expect((await open(stranger)).status).toBe(404)
  })

  it('/r/CODE redirects (302, no-store) and 404s an unknown code', async () => {
    const w = await createPostsWorld()
    const [link] = await db().insert(schema.trackingLinks).values({ offerId: w.offer.id, brandId: w.brand.id, code: `Z${uid().toUpperCase()}`, destinationUrl: 'https://shop.test/x' }).returning()
    const request = makeRequest(`/r/${link!.code}`, { headers: { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36' } })
    const r = await call(() => redirectRoute.loader({ request, params: { code: link!.code }, context: { ip: '198.51.100.7' } }))
    expect(r.status).toBe(302)
    expect(r.location).toMatch(/^https:\/\/shop\.test\/x\?utm_source=instagram&utm_medium=influencer/)
    expect(r.response!.headers.get('Cache-Control')).toBe('no-store')
    const missing = await call(() => redirectRoute.loader({ request: makeRequest('/r/NOPE1234'), params: { code: 'NOPE1234' }, context: {} }))
    expect(missing.status).toBe(404)
    const clicks = await db().select().from(schema.linkClicks).where(eq(schema.linkClicks.linkId, link!.id))
    expect(clicks).toHaveLength(1)
  })
})
