import { describe, expect, it } from 'vitest'
import { CsvSyntaxError, parseCsv, readCsvRows } from '#app/domain/csv.ts'

async function collect(chunks: (string | Uint8Array)[]) {
  async function* src() {
    for (const c of chunks) yield c
  }
  const out = []
  for await (const r of readCsvRows(src())) out.push(r)
  return out
}

describe('readCsvRows (csv-parse, streamed)', () => {
  it('gives the same rows and start lines as parseCsv, whatever the chunking', async () => {
    const text = '\uFEFFName,Note\r\n#1,"a, b"\r\n\r\n#2,"two\r\nlines"\r\n#3,"say ""hi"""\n#4,x\r#5,y'
    const whole = parseCsv(text)
    expect(whole.map((r) => r.line)).toEqual([1, 2, 4, 6, 7, 8])
    expect(whole[2]!.cells).toEqual(['#2', 'two\nlines'])
    // Every split point, including inside the BOM's bytes and between \r and \n.
    const bytes = new TextEncoder().encode(text)
    for (let cut = 1; cut < bytes.length; cut += 3) {
      expect(await collect([bytes.slice(0, cut), bytes.slice(cut)])).toEqual(whole)
    }
  })
  it('a quote left open at the end names the line it opened on', async () => {
    const err = await collect(['a,b\n1,2\n3,"cut off']).catch((e) => e)
    expect(err).toBeInstanceOf(CsvSyntaxError)
    expect(err.line).toBe(3)
    expect(err.unclosedAtEnd).toEqual({ endLine: 3 })
    expect(() => parseCsv('a\n"open\n')).toThrow('Line 2')
  })
  it('refuses NUL bytes', async () => {
    await expect(collect([new Uint8Array([0x61, 0x0a, 0x00, 0x62])])).rejects.toThrow('not a text file')
  })
})
