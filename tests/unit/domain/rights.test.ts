import { describe, expect, it } from 'vitest'
import { adsOutlivesLicence, adsOutlivesMessage, anniversary, dueReminders, licenceEndsOn, licenceExpiresAt, rightsStatus } from '#app/domain/rights.ts'
import { contractRequirement, templateProblems, unknownPlaceholders, DEFAULT_TEMPLATE, renderContract, CONTRACT_PLACEHOLDERS, type ContractFacts } from '#app/domain/contracts.ts'

describe('licence end dates', () => {
  it('runs through the day before the N-month anniversary', () => {
    expect(licenceEndsOn('2026-03-01', 6)).toBe('2026-08-31')
    expect(licenceEndsOn('2026-03-15', 1)).toBe('2026-04-14')
    expect(licenceEndsOn('2026-12-03', 12)).toBe('2027-12-02')
  })
  it('a missing anniversary day rolls to the 1st of the next month: ends on the last day of February (leap years too)', () => {
    expect(anniversary('2026-08-31', 6)).toBe('2027-03-01')
    expect(licenceEndsOn('2026-08-31', 6)).toBe('2027-02-28')
    expect(licenceEndsOn('2027-08-31', 6)).toBe('2028-02-29') // 2028 is a leap year
    expect(licenceEndsOn('2028-02-29', 12)).toBe('2029-02-28')
    expect(licenceEndsOn('2028-02-29', 48)).toBe('2032-02-28') // 2032-02-29 exists: anniversary is that day
    expect(licenceEndsOn('2024-01-31', 1)).toBe('2024-02-29')
  })
  it('refuses impossible dates', () => {
    expect(() => licenceEndsOn('2026-02-30', 6)).toThrow(RangeError)
    expect(() => licenceEndsOn('2026-03-01', 0)).toThrow(RangeError)
  })
})

describe('end of day in the brand time zone', () => {
  const paris = { startsOn: '2026-03-01', endsOn: '2026-08-31', perpetual: false, timeZone: 'Europe/Paris' }
  it('expires at midnight after the last day, Paris time (22:00 UTC in summer)', () => {
    expect(licenceExpiresAt('2026-08-31', 'Europe/Paris').toISOString()).toBe('2026-08-31T22:00:00.000Z')
    expect(licenceExpiresAt('2026-12-31', 'Europe/Paris').toISOString()).toBe('2026-12-31T23:00:00.000Z')
    expect(licenceExpiresAt('2026-08-31', 'America/Los_Angeles').toISOString()).toBe('2026-09-01T07:00:00.000Z')
    expect(rightsStatus(paris, new Date('2026-08-31T21:59:59Z'))).toEqual({ status: 'ending', daysLeft: 1 })
    expect(rightsStatus(paris, new Date('2026-08-31T22:00:00Z'))).toEqual({ status: 'expired', daysLeft: 0 })
  })
  it('active beyond 30 days, ending within, upcoming before the start, perpetual without end', () => {
    // 1 Aug 2026 (Paris) to 31 Aug inclusive = 31 days left: active; 2 Aug: 30 left: ending
    expect(rightsStatus(paris, new Date('2026-08-01T10:00:00Z')).status).toBe('active')
    expect(rightsStatus(paris, new Date('2026-08-02T10:00:00Z'))).toEqual({ status: 'ending', daysLeft: 30 })
    // 23:30 UTC on 28 Feb is already 1 March in Paris (UTC+1 in winter); 22:30 UTC is still 28 Feb there
    expect(rightsStatus(paris, new Date('2026-02-28T23:30:00Z'))).toEqual({ status: 'active', daysLeft: 184 }) // 31+30+31+30+31+31
    expect(rightsStatus(paris, new Date('2026-02-28T22:30:00Z')).status).toBe('upcoming')
    expect(rightsStatus({ ...paris, endsOn: null, perpetual: true }, new Date('2030-01-01T00:00:00Z')).status).toBe('perpetual')
  })
  it('reminders: 30 days, then 7 days, none after the end', () => {
    expect(dueReminders(paris, new Date('2026-08-01T10:00:00Z'))).toEqual([])
    expect(dueReminders(paris, new Date('2026-08-02T10:00:00Z'))).toEqual([30])
    expect(dueReminders(paris, new Date('2026-08-25T10:00:00Z'))).toEqual([30, 7])
    expect(dueReminders(paris, new Date('2026-09-01T10:00:00Z'))).toEqual([])
  })
  it('flags ads access that outlives the licence', () => {
    expect(adsOutlivesLicence({ kind: 'tiktok_spark', expiresOn: '2026-09-30' }, paris)).toBe(true)
    expect(adsOutlivesLicence({ kind: 'tiktok_spark', expiresOn: '2026-08-31' }, paris)).toBe(false)
    expect(adsOutlivesLicence({ kind: 'instagram_partnership', expiresOn: null }, paris)).toBe(true)
    expect(adsOutlivesLicence({ kind: 'instagram_partnership', expiresOn: null, revokedAt: new Date() }, paris)).toBe(false)
  })
  it('says how long the ads access outlives the licence', () => {
    const may = { ...paris, endsOn: '2026-05-31' }
    expect(adsOutlivesMessage({ kind: 'tiktok_spark', expiresOn: '2026-06-30' }, may)).toBe('Spark code valid until 30 Jun 2026, licence ends 31 May 2026')
    expect(adsOutlivesMessage({ kind: 'instagram_partnership', expiresOn: null }, may)).toBe('Instagram partnership-ad permission has no expiry, licence ends 31 May 2026')
    expect(adsOutlivesMessage({ kind: 'tiktok_spark', expiresOn: '2026-05-31' }, may)).toBeNull()
    // a 29 Feb licence end in a leap year: a code valid until 1 Mar outlives it by a day
    expect(adsOutlivesMessage({ kind: 'tiktok_spark', expiresOn: '2028-03-01' }, { ...paris, endsOn: '2028-02-29' })).toBe('Spark code valid until 1 Mar 2028, licence ends 29 Feb 2028')
  })
})

describe('templates and the requirement rule', () => {
  it('refuses unknown placeholders and unclosed braces', () => {
    expect(unknownPlaceholders('Hi {{creator.name}} and {{creator.ssn}} {{ offer.fee }}')).toEqual(['creator.ssn'])
    expect(unknownPlaceholders('Hi {{creator.name')).toEqual(['{{'])
    const bad = { ...DEFAULT_TEMPLATE, clauses: DEFAULT_TEMPLATE.clauses.map((c) => (c.id === 'fee' ? { ...c, body: 'Pay {{offer.bonus}}' } : c.id === 'parties' ? { ...c, enabled: false } : c)) }
    const errors = templateProblems(bad)
    expect(errors.clause_fee?.[0]).toMatch(/\{\{offer\.bonus\}\}/)
    expect(errors.enabled_parties?.[0]).toMatch(/required/)
    expect(templateProblems(DEFAULT_TEMPLATE)).toEqual({})
  })
  it('renders enabled clauses only, numbered', () => {
    const facts = Object.fromEntries(Object.keys(CONTRACT_PLACEHOLDERS).map((k) => [k, `<${k}>`])) as ContractFacts
    const t = { ...DEFAULT_TEMPLATE, clauses: DEFAULT_TEMPLATE.clauses.map((c) => (c.id === 'exclusivity' ? { ...c, enabled: false } : c)) }
    const doc = renderContract(t, facts)
    expect(doc.sections).toHaveLength(DEFAULT_TEMPLATE.clauses.length - 1)
    expect(doc.sections[4]!.heading).toBe('5. Disclosure')
    expect(doc.title).toBe('Influencer collaboration agreement — <campaign.name>')
  })
  it('French threshold is €1,000 inclusive', () => {
    expect(contractRequirement('french_threshold', { french: true, yearTotalEurMinor: 100_000, otherCurrency: false }).required).toBe(true)
    expect(contractRequirement('french_threshold', { french: true, yearTotalEurMinor: 99_999, otherCurrency: false }).required).toBe(false)
    expect(contractRequirement('french_threshold', { french: false, yearTotalEurMinor: 900_000, otherCurrency: false }).required).toBe(false)
    expect(contractRequirement('never', { french: true, yearTotalEurMinor: 900_000, otherCurrency: false }).required).toBe(false)
  })
})
