/**
 * The brief says the media is retouched or generated (issue #15): through the brief form (zod), and for a
 * French brief FR-02 asks for « Image retouchée » / « Image virtuelle » on the media, read by the real OCR.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { toBriefContent } from '#app/domain/brief.ts'
import { remainingAttestations } from '#app/domain/disclosure/media-rules.ts'
import * as newCampaignRoute from '#app/routes/b+/$brand+/campaigns.new.tsx'
import * as briefRoute from '#app/routes/b+/$brand+/campaigns.$campaign.brief.tsx'
import { loadBrandDraft } from '#app/services/content/load-deliverable.server.ts'
import { getDraftMediaCheck } from '#app/services/media/get-media-check.server.ts'
import { queueMediaAnalyses, runMediaAnalysis } from '#app/services/media/run-media-analysis.server.ts'
import { addMember, call, cookieFor, createBrand, makeRequest } from '#tests/factories.ts'
import { createContentWorld, insertStoredFile } from '#tests/factories-content.ts'
import { makeImage } from '#tests/media/make-media.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'media-retouch-'))
type Route = { action?: (args: never) => Promise<unknown> }
const post = (route: Route, p: string, params: Record<string, string>, cookie: string, form: Record<string, string | string[]>) =>
  call(() => (route.action as (a: unknown) => Promise<unknown>)({ request: makeRequest(p, { cookie, form }), params, context: {} }))
const BRIEF = { overview: 'Nouvelle crème.', keyMessages: '', hashtags: '', handles: '', links: '', dos: '', donts: '', approvedClaims: '', bannedWords: '', productNotes: '', shippingNotes: '', deadlines: '', jurisdiction: 'FR' }

describe('brief field: media retouched or generated', () => {
  it('the brief form saves it (zod enum), refuses an unknown value next to the field, and an old form without it means "none"', async () => {
    const brand = await createBrand()
    const manager = await addMember(brand.id, 'manager')
    const cookie = (await cookieFor(manager))!
    const created = await post(newCampaignRoute, `/b/${brand.slug}/campaigns/new`, { brand: brand.slug }, cookie, { intent: 'create', name: 'Crème', objective: '', startsOn: '', endsOn: '', budget: '5000', currency: 'EUR', platforms: ['instagram'] })
    const campaignId = /campaigns\/([^/]+)\/brief/.exec(created.location!)![1]!
    const p = `/b/${brand.slug}/campaigns/${campaignId}/brief`
    const cp = { brand: brand.slug, campaign: campaignId }
    const bad = await post(briefRoute, p, cp, cookie, { ...BRIEF, mediaAlteration: 'filtered', intent: 'save', baseVersion: '0' })
    expect(bad.status).toBe(400)
    expect((bad.data as { fieldErrors: Record<string, string[]> }).fieldErrors.mediaAlteration).toEqual(['Pick neither, retouched or generated.'])
    expect((await post(briefRoute, p, cp, cookie, { ...BRIEF, mediaAlteration: 'generated', intent: 'publish', baseVersion: '0' })).status).toBe(302)
    const [v1] = await db().select().from(schema.briefVersions).innerJoin(schema.briefs, eq(schema.briefs.id, schema.briefVersions.briefId)).where(eq(schema.briefs.campaignId, campaignId))
    expect(toBriefContent(v1!.brief_versions.content)).toMatchObject({ jurisdiction: 'FR', mediaAlteration: 'generated' })
    expect((await post(briefRoute, p, cp, cookie, { ...BRIEF, intent: 'save', baseVersion: '1' })).status).toBe(302)
    const [brief] = await db().select().from(schema.briefs).where(eq(schema.briefs.campaignId, campaignId))
    expect(toBriefContent(brief!.draft).mediaAlteration).toBe('none')
  })

  async function frenchImage(texts: (string | { text: string; size: number })[], mediaAlteration: 'retouched' | 'generated' | 'none') {
    const w = await createContentWorld({ format: 'feed_post', brief: { jurisdiction: 'FR', mediaAlteration } })
    const file = makeImage(dir, `fr-${w.brand.id}.png`, texts)
    const stored = await insertStoredFile({ brandId: w.brand.id, creatorId: w.creator.id, bytes: readFileSync(file), name: 'photo.png' })
    const [draft] = await db().insert(schema.draftVersions).values({ deliverableId: w.deliverable.id, brandId: w.brand.id, version: 1, caption: 'Publicité', fileIds: [stored.id] }).returning()
    await queueMediaAnalyses(db(), draft!)
    expect(await runMediaAnalysis(draft!.id)).toEqual({ analysed: 1, failed: 0, unavailable: 0 })
    const d = await loadBrandDraft(db(), w.brand.id, draft!.id)
    const check = await getDraftMediaCheck(db(), d, draft!.id)
    return { d, check }
  }

  it('French brief, retouched: a photo with only « Publicité » gets FR-02 (blocking); with « Image retouchée » the machine decides it and no tick is asked', async () => {
    const bad = await frenchImage(['Publicité'], 'retouched')
    expect(bad.d.attestations.map((a) => a.id)).toEqual(['FR-02', 'PT-01'])
    expect(bad.check.findings.map((f) => [f.ruleId, f.severity])).toEqual([['FR-02', 'blocking']])
    expect(bad.check.findings[0]!.message).toContain('« Image retouchée »')
    expect(bad.d.requirements.captionRules).toContain('Show « Image retouchée » on the retouched photos and videos (French law).')
    const ok = await frenchImage(['Publicité', { text: 'Image retouchée', size: 44 }], 'retouched')
    expect(ok.check.findings).toEqual([])
    expect(ok.check.decided).toEqual(['FR-02'])
    expect(remainingAttestations(ok.d.attestations, ok.check).map((a) => a.id)).toEqual(['PT-01'])
  })

  it('generated asks for « Image virtuelle »; "none" asks for nothing', async () => {
    const gen = await frenchImage(['Publicité', { text: 'Image retouchée', size: 44 }], 'generated')
    expect(gen.check.findings.map((f) => f.ruleId)).toEqual(['FR-02'])
    expect(gen.check.findings[0]!.message).toContain('« Image virtuelle »')
    const none = await frenchImage(['Publicité'], 'none')
    expect(none.check.findings).toEqual([])
    expect(none.d.attestations.map((a) => a.id)).toEqual(['PT-01'])
  })
})
