import { and, eq } from 'drizzle-orm'
import { schema, type DbOrTx } from '#db/index.ts'
import { NotFoundError } from '#app/utils/errors.ts'

/** This brand's invoice, locked for the rest of the transaction (404 for anyone else's). */
export async function lockBrandInvoice(tx: DbOrTx, brandId: string, invoiceId: string) {
  const [invoice] = await tx
    .select()
    .from(schema.invoices)
    .where(and(eq(schema.invoices.id, invoiceId), eq(schema.invoices.brandId, brandId)))
    .for('update')
  if (!invoice) throw new NotFoundError('That invoice')
  return invoice
}
