/**
 * CSV (RFC 4180) reading and writing, pure. Used by the metrics and orders imports and by report
 * exports. Reading: quoted fields with "" escapes and embedded newlines, CRLF or LF, a UTF-8 BOM.
 * Each row keeps the 1-based line number it started on, so import errors can say "line 7: …".
 */
export interface CsvRow {
  line: number
  cells: string[]
}

export class CsvSyntaxError extends Error {
  constructor(public line: number, message: string) {
    super(`Line ${line}: ${message}`)
  }
}

export function parseCsv(text: string): CsvRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rows: CsvRow[] = []
  let cells: string[] = []
  let cell = ''
  let line = 1
  let rowLine = 1
  let i = 0
  let quoted = false
  let cellStarted = false
  const endRow = () => {
    cells.push(cell)
    // Skip blank lines (a single empty cell).
    if (!(cells.length === 1 && cells[0] === '' && !cellStarted)) rows.push({ line: rowLine, cells })
    cells = []
    cell = ''
    cellStarted = false
  }
  while (i < src.length) {
    const ch = src[i]!
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      if (ch === '\n') line++
      cell += ch
      i++
      continue
    }
    if (ch === '"') {
      if (cell !== '') throw new CsvSyntaxError(line, 'a quote (") in the middle of an unquoted field.')
      quoted = true
      cellStarted = true
      i++
      continue
    }
    if (ch === ',') {
      cells.push(cell)
      cell = ''
      cellStarted = true
      i++
      continue
    }
    if (ch === '\r' || ch === '\n') {
      endRow()
      if (ch === '\r' && src[i + 1] === '\n') i++
      i++
      line++
      rowLine = line
      continue
    }
    cell += ch
    cellStarted = true
    i++
  }
  if (quoted) throw new CsvSyntaxError(rowLine, 'a quoted field is never closed.')
  if (cell !== '' || cells.length > 0 || cellStarted) endRow()
  return rows
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

/** One CSV line (with CRLF), quoting fields that need it; also neutralises spreadsheet formulas. */
export function toCsvLine(values: readonly (string | number | null | undefined)[]): string {
  return (
    values
      .map((v) => {
        if (v === null || v === undefined) return ''
        let s = String(v)
        if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
      })
      .join(',') + '\r\n'
  )
}
