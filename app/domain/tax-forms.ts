/**
 * Tax forms (pure, browser-safe): which forms a payee may file and the entity types on them. The
 * status machine is in state-machines.ts (taxFormMachine). No tax id number is ever stored: the signed
 * file is the record, and finance verifies it.
 */
export const TAX_FORM_KINDS = ['W-9', 'W-8BEN', 'W-8BEN-E'] as const
export type TaxFormKind = (typeof TAX_FORM_KINDS)[number]

export const ENTITY_TYPES = ['individual', 'sole_proprietor', 'llc', 'corporation', 'partnership', 'foreign_individual', 'foreign_entity'] as const
export type EntityType = (typeof ENTITY_TYPES)[number]
