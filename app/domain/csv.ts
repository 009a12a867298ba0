/**
 * CSV (RFC 4180) reading and writing. Reading is csv-parse (DECISIONS.md, "CSV: csv-parse"): quoted
 * fields with "" escapes and embedded newlines, CRLF, LF or CR, a UTF-8 BOM, blank lines skipped. Used by
 * the metrics, roster and orders imports (whole text, or streamed chunk by chunk) and report exports.
 * Each row keeps the 1-based line number it started on, so import errors can say "line 7: …".
 * No I/O here: the streaming reader takes any async iterable of chunks.
 */
import { parse as parseSync } from 'csv-parse/sync'
import { parse as parseStream, CsvError, type Options } from 'csv-parse'

export interface CsvRow {
  line: number
  cells: string[]
}

export class CsvSyntaxError extends Error {
  constructor(
    public line: number,
    message: string,
    /** Set when a quoted field opened on `line` is still open at the end of the input. */
    public unclosedAtEnd: { endLine: number } | null = null,
  ) {
    super(`Line ${line}: ${message}`)
  }
}

/**
 * Line endings become "\n" before csv-parse sees them: with several record delimiters csv-parse counts a
 * quoted CRLF as two lines, and with one it would not split a file that mixes them. A CRLF inside a quoted
 * field therefore reads as "\n" (no field we import cares).
 */
const OPTIONS: Options = { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, record_delimiter: '\n' }

type Info = { record: string[]; info: { lines: number } }

function newlines(cells: readonly string[]): number {
  let n = 0
  for (const c of cells) for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) n++
  return n
}

function toRow(r: Info): CsvRow {
  return { line: r.info.lines - newlines(r.record), cells: r.record }
}

function syntaxError(e: unknown, lastEndLine: number): unknown {
  if (!(e instanceof CsvError)) return e
  const at = (e as CsvError & { lines?: number }).lines ?? lastEndLine + 1
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') return new CsvSyntaxError(lastEndLine + 1, 'a quoted field is never closed.', { endLine: at })
  if (e.code === 'INVALID_OPENING_QUOTE' || e.code === 'CSV_INVALID_CLOSING_QUOTE') return new CsvSyntaxError(at, 'a quote (") in the middle of an unquoted field.')
  return new CsvSyntaxError(at, 'the file could not be read as CSV.')
}

export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

export function parseCsv(text: string): CsvRow[] {
  let lastEndLine = 0
  const track = (record: string[], context: { lines: number }) => {
    lastEndLine = context.lines
    return record
  }
  try {
    return (parseSync(normalizeNewlines(text), { ...OPTIONS, on_record: track }) as unknown as Info[]).map(toRow)
  } catch (e) {
    throw syntaxError(e, lastEndLine)
  }
}

/**
 * Rows of a CSV read chunk by chunk (bytes as UTF-8, or strings), with the same rules as parseCsv. Memory
 * stays at one chunk and one row whatever the file's size. A NUL byte means it is not a text file.
 */
export async function* readCsvRows(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<CsvRow> {
  let lastEndLine = 0
  let failure: unknown = null
  const queue: CsvRow[] = []
  // csv-parse transforms synchronously inside write(): after each chunk the queue holds that chunk's rows,
  // so memory is one chunk's worth, and the rows before an error are all delivered before it is thrown.
  const parser = parseStream({
    ...OPTIONS,
    on_record: (record: string[], context: { lines: number }) => {
      lastEndLine = context.lines
      return record
    },
  })
  parser.on('data', (r: Info) => queue.push(toRow(r)))
  parser.on('error', (e) => {
    failure ??= syntaxError(e, lastEndLine)
  })
  const decoder = new TextDecoder('utf-8')
  let carry = '' // a chunk that ends in "\r" waits for the next one ("\r\n" across chunks)
  const write = (text: string) => {
    if (text) parser.write(normalizeNewlines(text))
  }
  try {
    for await (const chunk of source) {
      let text = carry + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }))
      if (text.includes('\0')) throw new CsvSyntaxError(lastEndLine + 1, 'this is not a text file (it contains NUL bytes). Export as CSV (UTF-8).')
      carry = text.endsWith('\r') ? '\r' : ''
      if (carry) text = text.slice(0, -1)
      write(text)
      while (queue.length) yield queue.shift()!
      if (failure) throw failure
    }
    write(carry + decoder.decode())
    await new Promise<void>((resolve) => {
      parser.once('end', resolve)
      parser.once('error', () => resolve())
      parser.end()
      parser.resume()
    })
    while (queue.length) yield queue.shift()!
    if (failure) throw failure
  } finally {
    parser.destroy()
  }
}

/** Header names compared case- and space-insensitively: "Discount Code" === "discount_code". */
export function headerKey(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, '_')
}

/** Rows as objects keyed by headerKey of the first row. */
export function parseCsvRecords(text: string): { headers: string[]; records: { line: number; values: Record<string, string> }[] } {
  const rows = parseCsv(text)
  const [head, ...body] = rows
  if (!head) return { headers: [], records: [] }
  const headers = head.cells.map(headerKey)
  return {
    headers,
    records: body.map((r) => ({
      line: r.line,
      values: Object.fromEntries(headers.map((h, i) => [h, (r.cells[i] ?? '').trim()])),
    })),
  }
}

/** Characters that make a spreadsheet read a cell as a formula (or a DDE command) when they start it. */
const FORMULA_START = /^[=+\-@\t\r]/
/** A plain decimal number ("-12.50", "-7"): a spreadsheet reads it as a number, never as a formula. */
const PLAIN_NUMBER = /^-\d+(\.\d+)?$/

/**
 * One CSV cell: the only way a value reaches any CSV export (reports, payment runs, any later one), so every
 * column is covered whatever it holds. A value starting with = + - @ tab or CR is prefixed with an apostrophe
 * so a spreadsheet shows it as text instead of running it (CSV injection) — except a plain negative decimal
 * ("-12.50"), which stays a usable number (DECISIONS.md, "CSV exports: formula cells"). Then RFC 4180 quoting.
 */
export function csvCell(value: string | number | bigint | null | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' && !Number.isFinite(value)) return ''
  let s = String(value)
  if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** One CSV line (with CRLF): csvCell for each value. */
export function toCsvLine(values: readonly (string | number | bigint | null | undefined)[]): string {
  return values.map(csvCell).join(',') + '\r\n'
}
