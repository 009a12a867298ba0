/**
 * The documented column layout of the brand's metrics CSV import (shown on the import page).
 * Pure parsing: header check, per-row values and row-level errors (line + reason). The service
 * matches the post URLs and stores the rows.
 */
import { CsvSyntaxError, parseCsvRecords } from './csv.ts'

import { METRIC_FIELDS, type MetricField, type MetricValues } from './metric-fields.ts'

// The field list lives apart so the creator's stats form does not ship the CSV columns' help text (esbuild
// puts a whole file in one browser chunk).
export { METRIC_FIELDS, type MetricField, type MetricValues } from './metric-fields.ts'

/** CSV column -> meaning. `post_url` and `captured_at` are required; empty metric cells mean "not reported". */
export const METRICS_CSV_COLUMNS: { column: string; field: MetricField | 'post_url' | 'captured_at'; required: boolean; meaning: string }[] = [
  { column: 'post_url', field: 'post_url', required: true, meaning: 'The live post’s address, as submitted (any form of the same URL matches).' },
  { column: 'captured_at', field: 'captured_at', required: true, meaning: 'When the numbers were read: YYYY-MM-DD (midnight UTC) or an ISO date-time.' },
  { column: 'impressions', field: 'impressions', required: false, meaning: 'Times the post was shown.' },
  { column: 'reach', field: 'reach', required: false, meaning: 'Unique accounts that saw it.' },
  { column: 'views', field: 'views', required: false, meaning: 'Video views / plays.' },
  { column: 'likes', field: 'likes', required: false, meaning: 'Likes.' },
  { column: 'comments', field: 'comments', required: false, meaning: 'Comments.' },
  { column: 'shares', field: 'shares', required: false, meaning: 'Shares / sends.' },
  { column: 'saves', field: 'saves', required: false, meaning: 'Saves / bookmarks.' },
  { column: 'link_clicks', field: 'clicks', required: false, meaning: 'Link or sticker taps.' },
  { column: 'followers', field: 'followers', required: false, meaning: 'The account’s followers at that time.' },
]

export const METRICS_CSV_EXAMPLE =
  'post_url,captured_at,impressions,reach,views,likes,comments,shares,saves,link_clicks,followers\r\n' +
  'https://www.instagram.com/reel/C9xYz12AbCd/,2026-03-12,52000,41000,60000,2100,180,95,240,310,48200\r\n'

export interface MetricsCsvRow {
  line: number
  postUrl: string
  capturedAt: Date
  values: MetricValues
}

export interface MetricsCsvParse {
  rows: MetricsCsvRow[]
  errors: { line: number; reason: string }[]
}

/** "1,234" and "1234" are 1234; empty is null; anything else (negative, decimal, text) is an error. */
export function parseCount(raw: string): number | null | 'invalid' {
  const s = raw.trim()
  if (s === '') return null
  if (!/^\d{1,3}(,\d{3})*$|^\d+$/.test(s)) return 'invalid'
  const n = Number(s.replace(/,/g, ''))
  return Number.isSafeInteger(n) ? n : 'invalid'
}

export function parseCapturedAt(raw: string): Date | null {
  const s = raw.trim()
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const d = new Date(`${s}T00:00:00Z`)
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : d
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(s)) {
    const d = new Date(s.replace(' ', 'T'))
    return Number.isNaN(d.getTime()) ? null : d
  }
  return null
}

export function parseMetricsCsv(text: string, now = new Date()): MetricsCsvParse {
  let parsed
  try {
    parsed = parseCsvRecords(text)
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { rows: [], errors: [{ line: e.line, reason: e.message.replace(/^Line \d+: /, '') }] }
    throw e
  }
  const missing = METRICS_CSV_COLUMNS.filter((c) => c.required && !parsed.headers.includes(c.column)).map((c) => c.column)
  if (parsed.headers.length === 0) return { rows: [], errors: [{ line: 1, reason: 'The file is empty.' }] }
  if (missing.length) return { rows: [], errors: [{ line: 1, reason: `Missing column(s): ${missing.join(', ')}.` }] }
  const rows: MetricsCsvRow[] = []
  const errors: { line: number; reason: string }[] = []
  for (const r of parsed.records) {
    const v = r.values
    const postUrl = v.post_url ?? ''
    if (!postUrl) {
      errors.push({ line: r.line, reason: 'post_url is empty.' })
      continue
    }
    const capturedAt = parseCapturedAt(v.captured_at ?? '')
    if (!capturedAt) {
      errors.push({ line: r.line, reason: `captured_at "${(v.captured_at ?? '').slice(0, 30)}" is not a date (use YYYY-MM-DD).` })
      continue
    }
    if (capturedAt.getTime() > now.getTime() + 86_400_000) {
      errors.push({ line: r.line, reason: 'captured_at is in the future.' })
      continue
    }
    const values = {} as MetricValues
    const bad: string[] = []
    for (const c of METRICS_CSV_COLUMNS) {
      if (c.field === 'post_url' || c.field === 'captured_at') continue
      const n = parseCount(v[c.column] ?? '')
      if (n === 'invalid') bad.push(c.column)
      else values[c.field] = n
    }
    if (bad.length) {
      errors.push({ line: r.line, reason: `${bad.join(', ')} must be whole numbers of 0 or more.` })
      continue
    }
    if (METRIC_FIELDS.every((f) => values[f] === null)) {
      errors.push({ line: r.line, reason: 'No numbers on this row.' })
      continue
    }
    rows.push({ line: r.line, postUrl, capturedAt, values })
  }
  return { rows, errors }
}
