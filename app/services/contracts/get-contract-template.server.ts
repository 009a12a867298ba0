import { desc, eq } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import { DEFAULT_TEMPLATE, type ContractTemplateContent } from '#app/domain/contracts.ts'

export interface CurrentTemplate extends ContractTemplateContent {
  id: string | null
  /** 0 for the built-in default (never saved by this brand). */
  version: number
  createdAt: Date | null
}

/** The brand's latest template version, or the built-in default. */
export async function getContractTemplate(tx: DbOrTx, brandId: string): Promise<CurrentTemplate> {
  const [t] = await tx.select().from(schema.contractTemplates).where(eq(schema.contractTemplates.brandId, brandId)).orderBy(desc(schema.contractTemplates.version)).limit(1)
  if (!t) return { id: null, version: 0, createdAt: null, title: DEFAULT_TEMPLATE.title, clauses: DEFAULT_TEMPLATE.clauses.map((c) => ({ ...c })) }
  return { id: t.id, version: t.version, createdAt: t.createdAt, title: t.title, clauses: t.clauses }
}

/** The same, outside a transaction (the template page). */
export function getBrandContractTemplate(brandId: string): Promise<CurrentTemplate> {
  return getContractTemplate(db(), brandId)
}
