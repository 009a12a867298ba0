/**
 * Start-up (issue #15): the server boots without ffmpeg, tesseract or a speech engine and logs which
 * media checks are off and why; with the tools installed it names what runs.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { boot } from '#app/boot.server.ts'
import { mediaChecksStartupLine, resetMediaTools, type MediaTools } from '#app/services/media/media-tools.server.ts'

const ON = 'on-screen disclosure (VD-01, VD-03, VD-04, ST-01, FR-02)'
const SPOKEN = 'spoken disclosure (VD-02)'

afterEach(() => {
  delete process.env.FFMPEG_PATH
  delete process.env.TESSERACT_PATH
  resetMediaTools()
  vi.mocked(console.info).mockRestore?.()
})

describe('start-up log of the media checks', () => {
  it('no ffmpeg and no tesseract: boot still succeeds and the log names every check that is off, with why', async () => {
    process.env.FFMPEG_PATH = '/nonexistent/ffmpeg'
    process.env.TESSERACT_PATH = '/nonexistent/tesseract'
    resetMediaTools()
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    const started = await boot({ worker: false })
    expect(started.driver).toMatch(/pglite|postgres/)
    const lines = info.mock.calls.map((c) => String(c[0])).filter((l) => l.startsWith('Media checks'))
    expect(lines).toEqual([`Media checks off: ${ON}: no ffmpeg, no tesseract; ${SPOKEN}: no ffmpeg, no speech engine — reviewers tick these by hand.`])
  })

  it('with ffmpeg and tesseract (eng, fra, deu) installed: on-screen checks on, spoken disclosure off for want of a speech engine', async () => {
    resetMediaTools()
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    await boot({ worker: false })
    const line = info.mock.calls.map((c) => String(c[0])).find((l) => l.startsWith('Media checks'))!
    expect(line).toMatch(new RegExp(`^Media checks on: ${ON.replace(/[()]/g, '\\$&')} with ffmpeg \\S+, tesseract \\S+ \\([a-z, ]*eng[a-z, ]*\\)\\. off: ${SPOKEN.replace(/[()]/g, '\\$&')}: no speech engine — reviewers tick these by hand\\.$`))
  })

  it('tesseract without French/German data says the labels are read with English OCR only', () => {
    const t: MediaTools = { ffmpeg: '6.1', ffprobe: '6.1', tesseract: '5.3.0', ocrLanguages: ['eng'], speech: null, paths: { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe', tesseract: 'tesseract' } }
    expect(mediaChecksStartupLine(t)).toEqual({
      off: [`${SPOKEN}: no speech engine`],
      line: `Media checks on: ${ON} with ffmpeg 6.1, tesseract 5.3.0 (eng). off: ${SPOKEN}: no speech engine — reviewers tick these by hand. French/German labels are read with English OCR only (missing tesseract-ocr-fra, tesseract-ocr-deu).`,
    })
    expect(mediaChecksStartupLine({ ...t, ocrLanguages: [] }).off).toEqual([`${ON}: no tesseract English data (tesseract-ocr-eng)`, `${SPOKEN}: no speech engine`])
  })
})
