import { describe, expect, it } from 'vitest'
import { diffBriefs, emptyBrief, toBriefContent } from '#app/domain/brief.ts'

const f = (id: string, name: string) => ({ id, name, mimeType: 'application/pdf', sizeBytes: 100 })

describe('brief files belong to a version (issue #21)', () => {
  it('the diff lists added and removed files by id, named; two files with one name are two files', () => {
    const before = { ...emptyBrief(), files: [f('a', 'guide.pdf'), f('b', 'moodboard.pdf')] }
    const after = { ...emptyBrief(), files: [f('b', 'moodboard.pdf'), f('c', 'guide.pdf')] }
    expect(diffBriefs(before, after)).toEqual([{ field: 'files', label: 'Files', kind: 'list', added: ['guide.pdf'], removed: ['guide.pdf'] }])
    expect(diffBriefs(before, { ...before, files: [...before.files].reverse() })).toEqual([])
  })

  it('stored JSON: old briefs have no files; malformed entries are dropped', () => {
    expect(toBriefContent({ overview: 'x' }).files).toEqual([])
    expect(toBriefContent({ files: [f('a', 'ok.pdf'), { id: 'b' }, 'c', null, { ...f('d', 'd.pdf'), extra: 1 }] }).files).toEqual([f('a', 'ok.pdf'), f('d', 'd.pdf')])
  })
})
