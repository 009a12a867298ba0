import { describe, expect, it } from 'vitest'
import { formKindFor, sameLegalName, taxFormMismatches } from '#app/domain/tax-forms.ts'

const agency = { kind: 'agency' as const, name: 'Northstar Talent', legalName: 'Northstar Talent Group, LLC' }
const maya = { kind: 'creator' as const, name: 'Maya Chen' }

describe('a tax form fits the payee it is filed for', () => {
  it('an individual creator’s W-9 filed under an agency payee cannot be verified (issue #21)', () => {
    const m = taxFormMismatches({ kind: 'W-9', legalName: 'Maya Chen', entityType: 'individual' }, agency)
    expect(m.map((x) => [x.on, x.blocking])).toEqual([
      ['entity', true],
      ['name', false],
    ])
    expect(m[0]!.message).toContain('filed for the agency Northstar Talent Group, LLC')
    // A foreign individual's W-8BEN under an agency: the same.
    expect(taxFormMismatches({ kind: 'W-8BEN', legalName: 'Northstar Talent', entityType: 'foreign_individual' }, agency).map((x) => x.on)).toEqual(['entity'])
  })

  it('the agency’s own form matches by its legal name or its name, whatever the suffix, case or punctuation', () => {
    expect(taxFormMismatches({ kind: 'W-9', legalName: 'NORTHSTAR TALENT GROUP L.L.C.', entityType: 'llc' }, agency)).toEqual([])
    expect(taxFormMismatches({ kind: 'W-9', legalName: 'Northstar Talent, Inc.', entityType: 'corporation' }, agency)).toEqual([])
    // A one-person agency files as a sole proprietor, in the owner's name: not blocked, but the name is asked about.
    expect(taxFormMismatches({ kind: 'W-9', legalName: 'Nora Quinn', entityType: 'sole_proprietor' }, agency).map((x) => [x.on, x.blocking])).toEqual([['name', false]])
  })

  it('a creator’s own form matches their name, ignoring accents and middle names; another name needs a reason', () => {
    expect(taxFormMismatches({ kind: 'W-9', legalName: 'Maya L. Chen', entityType: 'individual' }, maya)).toEqual([])
    expect(taxFormMismatches({ kind: 'W-8BEN', legalName: 'Jurgen Muller', entityType: 'foreign_individual' }, { kind: 'creator', name: 'Jürgen Müller' })).toEqual([])
    const llc = taxFormMismatches({ kind: 'W-9', legalName: 'Chen Creative LLC', entityType: 'llc' }, maya)
    expect(llc.map((x) => [x.on, x.blocking])).toEqual([['name', false]])
    expect(llc[0]!.message).toBe(
      'The form is in the name of Chen Creative LLC, the payee is Maya Chen. Verify only if you know why (a trade name, the creator\'s own company), and say so.',
    )
    // Same first name, other family name: not the same person.
    expect(taxFormMismatches({ kind: 'W-9', legalName: 'Maya Lopez', entityType: 'individual' }, maya).map((x) => x.on)).toEqual(['name'])
  })

  it('the form kind must fit the entity type: W-9 for US persons, W-8BEN foreign individuals, W-8BEN-E foreign entities', () => {
    expect(formKindFor('individual')).toBe('W-9')
    expect(formKindFor('llc')).toBe('W-9')
    expect(formKindFor('foreign_individual')).toBe('W-8BEN')
    expect(formKindFor('foreign_entity')).toBe('W-8BEN-E')
    const wrong = taxFormMismatches({ kind: 'W-9', legalName: 'Maya Chen', entityType: 'foreign_individual' }, maya)
    expect(wrong.map((x) => [x.on, x.blocking])).toEqual([['kind', true]])
    expect(wrong[0]!.message).toBe('A W-9 does not fit a foreign individual: that is a W-8BEN. Reject it so the payee files the right form.')
  })

  it('sameLegalName needs the words, not a prefix', () => {
    expect(sameLegalName('Ann Lee', 'Anna Lee')).toBe(false)
    expect(sameLegalName('Lee', 'Ann Lee')).toBe(false)
    expect(sameLegalName('LLC', 'LLC')).toBe(false) // nothing left after the suffix: never a match
    expect(sameLegalName('  ann   LEE ', 'Ann Lee')).toBe(true)
  })
})
