import { sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'

/** `content.files` (a brief's JSON, draft or version) lists the file: jsonb containment, the same on PGlite and PostgreSQL. */
export function briefHasFile(content: AnyPgColumn, fileId: string): SQL {
  return sql`(${content} -> 'files') @> ${JSON.stringify([{ id: fileId }])}::jsonb`
}
