import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { CreatorActor } from '#app/auth/guards.server.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { resolvePayee } from '#app/services/invoices/invoice-rules.server.ts'
import { InvalidInputError } from '#app/utils/errors.ts'
import { saveTaxFormFile } from './save-tax-form-file.server.ts'

export const TAX_FORM_KINDS = ['W-9', 'W-8BEN', 'W-8BEN-E'] as const
export const ENTITY_TYPES = ['individual', 'sole_proprietor', 'llc', 'corporation', 'partnership', 'foreign_individual', 'foreign_entity'] as const

/**
 * The payee (creator, or the agency that invoices for them) files a tax form: the signed file plus
 * the legal name and entity type. No tax id number is stored: the file is the record. Finance verifies it.
 */
export async function submitTaxForm(
  actor: Pick<CreatorActor, 'creator' | 'user' | 'audit'>,
  input: { kind: (typeof TAX_FORM_KINDS)[number]; legalName: string; entityType: (typeof ENTITY_TYPES)[number]; file: File },
) {
  const legalName = input.legalName.trim()
  if (legalName.length < 2 || legalName.length > 200) throw new InvalidInputError('Please correct the highlighted fields.', { legalName: ['Enter the legal name exactly as on the form.'] })
  if (!TAX_FORM_KINDS.includes(input.kind)) throw new InvalidInputError('Please correct the highlighted fields.', { kind: ['Choose the form.'] })
  if (!ENTITY_TYPES.includes(input.entityType)) throw new InvalidInputError('Please correct the highlighted fields.', { entityType: ['Choose the entity type.'] })
  const payee = await resolvePayee(db(), actor.creator)
  const saved = await saveTaxFormFile(input.file)
  return db().transaction(async (tx) => {
    const [file] = await tx
      .insert(schema.files)
      .values({
        purpose: 'tax_form',
        storage: 'local',
        storageKey: saved.storageKey,
        originalName: saved.originalName,
        mimeType: saved.mimeType,
        sizeBytes: saved.sizeBytes,
        creatorId: actor.creator.id,
        agencyId: payee.kind === 'agency' ? payee.agencyId : null,
        uploadedByUserId: actor.user.id,
      })
      .returning()
    const [form] = await tx
      .insert(schema.taxForms)
      .values({
        creatorId: payee.kind === 'creator' ? payee.creatorId : null,
        agencyId: payee.kind === 'agency' ? payee.agencyId : null,
        kind: input.kind,
        legalName,
        entityType: input.entityType,
        fileId: file!.id,
      })
      .returning()
    await recordAudit(tx, actor.audit, {
      action: 'tax_form.submitted',
      entityType: 'tax_form',
      entityId: form!.id,
      after: { kind: input.kind, legalName, entityType: input.entityType, payee: payee.key },
    })
    return form!
  })
}
