import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { receiveUpload } from '#app/services/files/receive-upload.server.ts'
import { recordFile } from '#app/services/files/record-file.server.ts'
import { resolvePayee } from '#app/services/invoices/invoice-rules.server.ts'
import { InvalidInputError } from '#app/utils/errors.ts'
import { parseFormData } from '#app/validation/parse-form.server.ts'
import { taxFormFieldsSchema } from '#app/validation/money.ts'

const CHOOSE_FILE = 'Choose the signed form (PDF or an image of it).'

/**
 * The payee (creator, or the agency that invoices for them) files a tax form: the signed file plus
 * the legal name and entity type. No tax id number is stored: the file is the record. Finance verifies it.
 * The file streams through the shared upload path (app/services/files: type from the bytes, the
 * DOCUMENT_UPLOAD_MAX_BYTES limit, never held in memory); the file row, the form and the audit event
 * are written in one transaction, and any failure removes the stored file.
 */
export async function submitTaxForm(actor: Pick<CreatorActor, 'creator' | 'user' | 'audit'>, request: Request, onFields?: (fields: FormData) => void) {
  const payee = await resolvePayee(db(), actor.creator)
  return receiveUpload(request, 'tax_form', { maxFiles: 1, onFields }, async (upload) => {
    upload.fields.delete('file') // an empty file input arrives as a text part
    const input = parseFormData(upload.fields, taxFormFieldsSchema)
    const stored = upload.files.find((f) => f.field === 'file')
    if (!stored || stored.sizeBytes === 0) throw new InvalidInputError('Please correct the highlighted fields.', { file: [CHOOSE_FILE] })
    return db().transaction(async (tx) => {
      const file = await recordFile(tx, stored, {
        purpose: 'tax_form',
        originalName: stored.originalName,
        creatorId: actor.creator.id,
        agencyId: payee.kind === 'agency' ? payee.agencyId : null,
        uploadedByUserId: actor.user.id,
      })
      const [form] = await tx
        .insert(schema.taxForms)
        .values({
          creatorId: payee.kind === 'creator' ? payee.creatorId : null,
          agencyId: payee.kind === 'agency' ? payee.agencyId : null,
          kind: input.kind,
          legalName: input.legalName,
          entityType: input.entityType,
          fileId: file.id,
        })
        .returning()
      await recordAudit(tx, actor.audit, {
        action: 'tax_form.submitted',
        entityType: 'tax_form',
        entityId: form!.id,
        after: { kind: input.kind, legalName: input.legalName, entityType: input.entityType, payee: payee.key },
      })
      return form!
    })
  })
}
