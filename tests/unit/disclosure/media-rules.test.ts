import { describe, expect, it } from 'vitest'
import { checkMedia, containsTerm, mediaBrandTerms, remainingAttestations, type AnalysedMedia, type MediaCheckInput, type MediaSegment } from '#app/domain/disclosure/index.ts'
import { attestationsFor } from '#app/domain/disclosure/index.ts'

const ocr = (text: string, startMs: number, endMs: number, thumb = `thumb-${startMs}`): MediaSegment => ({ kind: 'ocr_text', text, startMs, endMs, thumbnailFileId: thumb, bbox: null })
const video = (segments: MediaSegment[], over: Partial<AnalysedMedia> = {}): AnalysedMedia => ({
  fileId: 'f1',
  status: 'done',
  mediaKind: 'video',
  durationMs: 10_000,
  sampleIntervalMs: 500,
  speechEngine: false,
  segments,
  ...over,
})
const input = (media: AnalysedMedia[], over: Partial<MediaCheckInput> = {}): MediaCheckInput => ({ format: 'reel', jurisdiction: 'US', brandTerms: ['Acme', '@acmeco', 'Glow Serum'], media, ...over })
const ids = (r: ReturnType<typeof checkMedia>) => r.findings.map((f) => f.ruleId)

describe('media disclosure rules', () => {
  it('a label for 4 s at the start passes VD-01, VD-03 and VD-04; VD-02 stays manual without a speech engine', () => {
    const r = checkMedia(input([video([ocr('Paid partnership with Acme', 0, 4000)])]))
    expect(r.findings).toEqual([])
    expect(r.decided).toEqual(['VD-01', 'VD-03', 'VD-04'])
    expect(r.undecided).toEqual([{ id: 'VD-02', reason: 'no speech engine: listen for a spoken disclosure' }])
    expect(r.pending).toBe(false)
    // the reviewer ticks only VD-02 and the platform label
    expect(remainingAttestations(attestationsFor('instagram', 'reel'), r).map((a) => a.id)).toEqual(['VD-02', 'PT-01'])
  })

  it('no label but other text on screen: VD-01 blocking at the first brand mention, with its frame', () => {
    const r = checkMedia(input([video([ocr('Morning routine', 0, 2000), ocr('Glow Serum', 2500, 6000, 'frame-25')])]))
    expect(r.findings).toHaveLength(1)
    expect(r.findings[0]).toMatchObject({ ruleId: 'VD-01', severity: 'blocking', atMs: 2500, thumbnailFileId: 'frame-25', fileId: 'f1' })
    expect(r.decided).toEqual(['VD-01', 'VD-03', 'VD-04'])
  })

  it('no text at all: the machine cannot decide, the reason is "no text found"', () => {
    const r = checkMedia(input([video([])]))
    expect(r.findings).toEqual([])
    expect(r.decided).toEqual([])
    expect(r.undecided.map((u) => u.id).sort()).toEqual(['VD-01', 'VD-02', 'VD-03', 'VD-04'])
    expect(r.undecided.find((u) => u.id === 'VD-01')!.reason).toMatch(/no text found/)
  })

  it('label shown for 1 s: VD-04 says about 1.0 s', () => {
    const r = checkMedia(input([video([ocr('#ad', 0, 1000)])]))
    expect(ids(r)).toEqual(['VD-04'])
    expect(r.findings[0]!.message).toMatch(/about 1\.0 s \(from 0:00\)/)
  })

  it('label for 2.5 s passes with one sample of slack (3 s - 0.5 s); 2 s does not', () => {
    expect(ids(checkMedia(input([video([ocr('#ad', 0, 2500)])])))).toEqual([])
    expect(ids(checkMedia(input([video([ocr('#ad', 0, 2000)])])))).toEqual(['VD-04'])
  })

  it('brand on screen at 0:00, label only from 0:06: VD-03 points at the brand', () => {
    const r = checkMedia(input([video([ocr('ACME', 0, 3000, 'b0'), ocr('#ad', 6000, 10_000)])]))
    expect(ids(r)).toEqual(['VD-03'])
    expect(r.findings[0]).toMatchObject({ atMs: 0, thumbnailFileId: 'b0' })
    expect(r.findings[0]!.message).toContain('only appears at 0:06')
  })

  it('VD-03: a product named in the campaign shown at 0:01 before the label at 0:05 is a brand mention', () => {
    const terms = mediaBrandTerms('Acme', { handles: ['@acmerunning'], productNames: ['Trail Runner 5', ' trail runner 5 ', ''] })
    expect(terms).toEqual(['Acme', '@acmerunning', 'Trail Runner 5'])
    const r = checkMedia(input([video([ocr('TRAIL RUNNER 5', 1000, 3000, 'p1'), ocr('#ad', 5000, 10_000)])], { brandTerms: terms }))
    expect(ids(r)).toEqual(['VD-03'])
    expect(r.findings[0]).toMatchObject({ atMs: 1000, thumbnailFileId: 'p1' })
    expect(r.findings[0]!.message).toContain('only appears at 0:05')
    // Without the product names the same video is undecided (nothing of the brand seen before the label).
    const without = checkMedia(input([video([ocr('TRAIL RUNNER 5', 1000, 3000, 'p1'), ocr('#ad', 5000, 10_000)])], { brandTerms: mediaBrandTerms('Acme', { handles: ['@acmerunning'] }) }))
    expect(ids(without)).toEqual([])
  })

  it('a late label with no brand seen before it stays a manual VD-03 (the brand may be spoken)', () => {
    const r = checkMedia(input([video([ocr('#ad', 6000, 10_000)])]))
    expect(ids(r)).toEqual([])
    expect(r.undecided.find((u) => u.id === 'VD-03')!.reason).toMatch(/no speech engine: the label first appears at 0:06/)
  })

  it('words are matched whole: "made", "add", "Adidas" are not "ad"', () => {
    expect(containsTerm('made with love', 'ad')).toBe(false)
    expect(containsTerm('add to cart', 'ad')).toBe(false)
    expect(containsTerm('Adidas', 'ad')).toBe(false)
    expect(containsTerm('AD | Acme', 'ad')).toBe(true)
    expect(containsTerm('#AD', '#ad')).toBe(true)
    expect(containsTerm('Paid  partnership', 'paid partnership')).toBe(true)
    const r = checkMedia(input([video([ocr('made with love', 0, 5000)])]))
    expect(ids(r)).toEqual(['VD-01'])
  })

  it('segments of the label that touch merge into one stretch for VD-04', () => {
    const r = checkMedia(input([video([ocr('#ad', 0, 1500), ocr('#ad', 1500, 3000)])]))
    expect(ids(r)).toEqual([])
  })

  it('a failed analysis leaves every check manual with "could not analyse: why"', () => {
    const r = checkMedia(input([video([], { status: 'failed', reason: 'no video stream' })]))
    expect(r.decided).toEqual([])
    expect(r.undecided.find((u) => u.id === 'VD-01')!.reason).toBe('could not analyse: no video stream')
  })

  it('a running analysis is pending', () => {
    const r = checkMedia(input([video([], { status: 'running' })]))
    expect(r.pending).toBe(true)
    expect(r.undecided[0]!.reason).toBe('the media check is still running')
  })

  it('with a speech engine: a spoken brand without a spoken label is VD-02', () => {
    const r = checkMedia(input([video([ocr('#ad', 0, 4000), { kind: 'speech', text: 'I love Acme', startMs: 1000, endMs: 2000 }], { speechEngine: true })]))
    expect(ids(r)).toEqual(['VD-02'])
    expect(r.decided).toEqual(['VD-01', 'VD-02', 'VD-03', 'VD-04'])
  })

  it('stories: every frame with text needs a label (ST-01); a frame without text is manual', () => {
    const img = (fileId: string, segments: MediaSegment[]): AnalysedMedia => ({ fileId, status: 'done', mediaKind: 'image', durationMs: 0, sampleIntervalMs: 0, speechEngine: false, segments })
    const r = checkMedia(input([img('a', [ocr('Ad', 0, 0)]), img('b', [ocr('Acme sale', 0, 0, 'tb')])], { format: 'story' }))
    expect(r.findings.map((f) => [f.ruleId, f.fileId, f.thumbnailFileId])).toEqual([['ST-01', 'b', 'tb']])
    expect(r.decided).toEqual(['ST-01'])
    const r2 = checkMedia(input([img('a', [ocr('Ad', 0, 0)]), img('c', [])], { format: 'story' }))
    expect(r2.decided).toEqual([])
    expect(r2.undecided).toEqual([{ id: 'ST-01', reason: 'no text found on a story frame: check it by eye' }])
  })
})

describe('media rules per jurisdiction (sources in app/domain/disclosure/jurisdictions.ts)', () => {
  it('UK: "sponsored" on screen is not a label; "Ad" is', () => {
    expect(ids(checkMedia(input([video([ocr('Sponsored', 0, 5000)])], { jurisdiction: 'UK' })))).toEqual(['VD-01'])
    expect(ids(checkMedia(input([video([ocr('Ad', 0, 5000)])], { jurisdiction: 'UK' })))).toEqual([])
  })

  it('France (loi 2023-451 art. 5): « Publicité » must stay for the whole duration; OCR without accents counts', () => {
    const fr = (segs: MediaSegment[]) => checkMedia(input([video(segs)], { jurisdiction: 'FR' }))
    expect(ids(fr([ocr('PUBLICITE', 0, 10_000)]))).toEqual([])
    expect(ids(fr([ocr('Collaboration commerciale', 0, 10_000)]))).toEqual([])
    const short = fr([ocr('Publicité', 0, 4000)])
    expect(ids(short)).toEqual(['VD-04'])
    expect(short.findings[0]!.message).toContain('missing from 0:04 to 0:10')
    expect(short.findings[0]!.source).toMatch(/2023-451/)
    // "#ad" is not a French label
    expect(ids(fr([ocr('#ad', 0, 10_000)]))).toEqual(['VD-01'])
  })

  it('France: « Image retouchée » when the brief says retouched, « Image virtuelle » when generated', () => {
    const img: AnalysedMedia = { fileId: 'i', status: 'done', mediaKind: 'image', durationMs: 0, sampleIntervalMs: 0, speechEngine: false, segments: [ocr('Publicité', 0, 0)] }
    const r = checkMedia(input([img], { format: 'feed_post', jurisdiction: 'FR', retouched: true }))
    expect(ids(r)).toEqual(['FR-02'])
    expect(r.findings[0]!.message).toContain('« Image retouchée »')
    const ok = checkMedia(input([{ ...img, segments: [ocr('Publicité — Image retouchée', 0, 0)] }], { format: 'feed_post', jurisdiction: 'FR', retouched: true }))
    expect(ids(ok)).toEqual([])
    expect(ok.decided).toEqual(['FR-02'])
    const gen = checkMedia(input([{ ...img, segments: [ocr('Image retouchée', 0, 0)] }], { format: 'feed_post', jurisdiction: 'FR', generated: true }))
    expect(ids(gen)).toEqual(['FR-02'])
    // not asked by the brief, not checked
    expect(checkMedia(input([img], { format: 'feed_post', jurisdiction: 'FR' })).decided).toEqual([])
  })

  it('Germany (§ 5a UWG, MStV): "Werbung" or "Anzeige" at the start; a late label fails VD-03', () => {
    expect(ids(checkMedia(input([video([ocr('Werbung', 0, 4000)])], { jurisdiction: 'DE' })))).toEqual([])
    expect(ids(checkMedia(input([video([ocr('ANZEIGE', 500, 4500)])], { jurisdiction: 'DE' })))).toEqual([])
    const late = checkMedia(input([video([ocr('Werbung', 5000, 9000)])], { jurisdiction: 'DE' }))
    expect(ids(late)).toEqual(['VD-03'])
    expect(late.findings[0]!.message).toContain('Germany: the label must be shown at the start')
    expect(late.findings[0]!.source).toMatch(/UWG/)
  })

  describe('long videos read partly (coverage)', () => {
    const long = { durationMs: 1_200_000, coverage: { denseUntilMs: 60_000, sparseIntervalMs: 4800, readUntilMs: 1_200_000 } }
    it('says what was read sparsely; a label in the first minute is decided as usual', () => {
      const r = checkMedia(input([video([ocr('#ad', 0, 5000)], long)]))
      expect(r.findings).toEqual([])
      expect(r.decided).toEqual(['VD-01', 'VD-03', 'VD-04'])
      expect(r.notes).toEqual(['The video was read every 0.5 s for the first 1:00, then one frame every 4.8 s up to 20:00: text shown for a shorter time after 1:00 may have been missed.'])
    })

    it('a label seen only on the sparse frames, on one or two of them: VD-04 is left to the reviewer, with why', () => {
      // it was up for at least the measured time minus one step. Seen on the frames at 5:04.8 and 5:09.6,
      // gone at 5:14.4: 9.6 s measured, so at least 4.8 s shown (≥ 3 s): decided, and it passes
      expect(checkMedia(input([video([ocr('#ad', 304_800, 314_400)], long)])).decided).toContain('VD-04')
      // seen on one frame: 4.8 s measured, could have been up for only a moment
      const one = checkMedia(input([video([ocr('#ad', 304_800, 309_600)], long)]))
      expect(one.decided).not.toContain('VD-04')
      expect(one.undecided.find((u) => u.id === 'VD-04')!.reason).toBe('the label is only seen after 1:00, where one frame every 4.8 s is read: check it stays up for 3 s')
    })

    it('stopped by the frame budget: the unread end is named, and France\'s "whole duration" is judged on what was read', () => {
      const cut = { durationMs: 600_000, coverage: { denseUntilMs: 60_000, sparseIntervalMs: 2000, readUntilMs: 400_000 } }
      const r = checkMedia(input([video([ocr('Publicité', 0, 400_000)], cut)], { jurisdiction: 'FR' }))
      expect(r.findings).toEqual([])
      expect(r.notes).toEqual(['The video was read every 0.5 s for the first 1:00, then one frame every 2.0 s up to 6:40: text shown for a shorter time after 1:00 may have been missed, 6:40 to 10:00 was not read (too many frames): check it by eye.'])
      // a gap inside what was read is still found
      const gap = checkMedia(input([video([ocr('Publicité', 0, 200_000), ocr('Publicité', 300_000, 400_000)], cut)], { jurisdiction: 'FR' }))
      expect(gap.findings.map((f) => [f.ruleId, f.atMs])).toEqual([['VD-04', 200_000]])
    })
  })
})
