/**
 * Tax forms (pure, browser-safe): which forms a payee may file and the entity types on them. The
 * status machine is in state-machines.ts (taxFormMachine). No tax id number is ever stored: the signed
 * file is the record, and finance verifies it.
 */
export const TAX_FORM_KINDS = ['W-9', 'W-8BEN', 'W-8BEN-E'] as const
export type TaxFormKind = (typeof TAX_FORM_KINDS)[number]

export const ENTITY_TYPES = ['individual', 'sole_proprietor', 'llc', 'corporation', 'partnership', 'foreign_individual', 'foreign_entity'] as const
export type EntityType = (typeof ENTITY_TYPES)[number]

/** A person filing as themself: never the tax form of an agency (a one-person agency files as a sole proprietor or a company). */
const PERSON_TYPES: readonly EntityType[] = ['individual', 'foreign_individual']
/** The form each entity type files: W-9 for US persons and entities, W-8BEN for foreign individuals, W-8BEN-E for foreign entities. */
export function formKindFor(entityType: EntityType): TaxFormKind {
  return entityType === 'foreign_individual' ? 'W-8BEN' : entityType === 'foreign_entity' ? 'W-8BEN-E' : 'W-9'
}

/** Whom a tax form is filed for: the creator in person, or the agency that invoices for them. */
export type TaxFormPayee = { kind: 'creator'; name: string } | { kind: 'agency'; name: string; legalName: string | null }

export interface TaxFormMismatch {
  /** What differs between the form and its payee. */
  on: 'entity' | 'kind' | 'name'
  /**
   * true: the form can never be this payee's (an individual's form under an agency, a W-9 of a foreign
   * person): verifying it is refused, finance rejects it. false: it may still be right (a middle name, a
   * trade name, a creator's own company): finance may verify it with a written reason, which is audited.
   */
  blocking: boolean
  message: string
}

const BUSINESS_SUFFIXES = new Set(['llc', 'inc', 'incorporated', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'lp', 'llp', 'pllc', 'gmbh', 'the'])

/** A name as words: no accents, case, punctuation or business suffix ("Northstar Talent, LLC" → northstar talent). */
function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w && !BUSINESS_SUFFIXES.has(w))
}

/** The same name, ignoring accents, case, punctuation, business suffixes and middle names or initials ("Maya L. Chen" is "Maya Chen"). */
export function sameLegalName(a: string, b: string): boolean {
  const x = nameWords(a)
  const y = nameWords(b)
  if (!x.length || !y.length) return false
  if (x.join(' ') === y.join(' ')) return true
  return x.length >= 2 && y.length >= 2 && x[0] === y[0] && x.at(-1) === y.at(-1)
}

const ENTITY_LABEL: Record<EntityType, string> = {
  individual: 'an individual',
  sole_proprietor: 'a sole proprietor',
  llc: 'an LLC',
  corporation: 'a corporation',
  partnership: 'a partnership',
  foreign_individual: 'a foreign individual',
  foreign_entity: 'a foreign entity',
}

/**
 * Does the form fit the payee it is filed for? Every way it does not, blocking first. Empty: it matches
 * (finance still checks the file itself). The tax forms desk shows these before Verify, and
 * verify-tax-form refuses a blocking one and asks a reason for the others.
 */
export function taxFormMismatches(form: { kind: TaxFormKind; legalName: string; entityType: EntityType }, payee: TaxFormPayee): TaxFormMismatch[] {
  const out: TaxFormMismatch[] = []
  const payeeName = payee.kind === 'agency' ? (payee.legalName ?? payee.name) : payee.name
  if (payee.kind === 'agency' && PERSON_TYPES.includes(form.entityType)) {
    out.push({
      on: 'entity',
      blocking: true,
      message: `This is ${ENTITY_LABEL[form.entityType]}'s form (${form.legalName}), filed for the agency ${payeeName}. The agency is paid, so the form must be the agency's own: reject it and ask ${payee.name} for theirs.`,
    })
  }
  const kind = formKindFor(form.entityType)
  if (form.kind !== kind) {
    out.push({ on: 'kind', blocking: true, message: `A ${form.kind} does not fit ${ENTITY_LABEL[form.entityType]}: that is a ${kind}. Reject it so the payee files the right form.` })
  }
  const names = payee.kind === 'agency' ? [payee.legalName, payee.name].filter((n): n is string => !!n) : [payee.name]
  if (!names.some((n) => sameLegalName(form.legalName, n))) {
    out.push({ on: 'name', blocking: false, message: `The form is in the name of ${form.legalName}, the payee is ${payeeName}. Verify only if you know why (a trade name, the creator's own company), and say so.` })
  }
  return out
}
