import { schema } from '#db/index.ts'
import { db } from '#app/db.server.ts'
import type { BrandActor } from '#app/auth/guards.server.ts'
import { templateProblems, type ContractClause, type ContractTemplateContent } from '#app/domain/contracts.ts'
import { recordAudit } from '#app/services/audit/record-audit.server.ts'
import { ConflictError, InvalidInputError } from '#app/utils/errors.ts'
import { sql } from 'drizzle-orm'
import { getContractTemplate } from './get-contract-template.server.ts'

export interface TemplateEdit {
  /** The version the admin edited (0 = the built-in default): a save on top of a newer one is refused. */
  baseVersion: number
  title: string
  clauses: { id: string; heading: string; body: string; enabled: boolean }[]
}

/**
 * An admin saves the brand's contract template as a new version. The clause list and which clauses are
 * required come from the current version (the form cannot drop or unlock one); unknown placeholders,
 * switching off a required clause and an empty enabled clause are refused with messages keyed to the
 * form's fields, nothing written. Contracts already made keep the version they were made from; the next
 * contract (an acceptance or an amendment) uses this one. One audit event per save.
 */
export async function saveContractTemplate(actor: Pick<BrandActor, 'brand' | 'user' | 'audit'>, edit: TemplateEdit) {
  return db().transaction(async (tx) => {
    // One save at a time per brand (two admins at once: the second sees the first's version and is told).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`contract-template:${actor.brand.id}`}))`)
    const current = await getContractTemplate(tx, actor.brand.id)
    if (edit.baseVersion !== current.version) {
      throw new ConflictError(`Someone saved version ${current.version} of the template while you were editing version ${edit.baseVersion}. Reload the page to see it, then make your change again.`)
    }
    const byId = new Map(edit.clauses.map((c) => [c.id, c]))
    const clauses: ContractClause[] = current.clauses.map((c) => {
      const e = byId.get(c.id)
      return e ? { ...c, heading: e.heading.trim(), body: e.body.replace(/\r\n/g, '\n').trim(), enabled: e.enabled } : { ...c }
    })
    const next: ContractTemplateContent = { title: edit.title.trim(), clauses }
    const problems = templateProblems(next)
    if (Object.keys(problems).length) throw new InvalidInputError('The template was not saved: correct the highlighted clauses.', problems)
    const changed = clauses.filter((c, i) => JSON.stringify(c) !== JSON.stringify(current.clauses[i])).map((c) => c.id)
    if (!changed.length && next.title === current.title) throw new ConflictError('Nothing changed: this is the template already in use.')
    const version = current.version + 1
    const [row] = await tx
      .insert(schema.contractTemplates)
      .values({ brandId: actor.brand.id, version, title: next.title, clauses, createdByUserId: actor.user.id })
      .returning()
    await recordAudit(tx, actor.audit, {
      brandId: actor.brand.id,
      action: 'contract_template.saved',
      entityType: 'contract_template',
      entityId: row!.id,
      before: { version: current.version },
      after: {
        version,
        titleChanged: next.title !== current.title,
        changedClauses: changed,
        disabledClauses: clauses.filter((c) => !c.enabled).map((c) => c.id),
      },
    })
    return row!
  })
}
