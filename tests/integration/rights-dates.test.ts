/**
 * The usage-rights ledger's dates through the real signing path (issue #17): the licence starts on the
 * countersigning day in the brand's contract time zone, ends on the day before its N-month anniversary
 * (a missing day rolls over, leap years too) and runs to the end of that last day in that zone.
 * Every expected day and instant below is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest'
import { countersignContract } from '#app/services/contracts/countersign-contract.server.ts'
import { signContract } from '#app/services/contracts/sign-contract.server.ts'
import { listRights } from '#app/services/contracts/list-rights.server.ts'
import { contractWorld, currentContract } from '#tests/factories-contracts.ts'

async function signedIn(timeZone: string, usageMonths: number, at: Date) {
  const w = await contractWorld({ usageMonths, settings: { contracts: { signerRoles: ['admin'], requirement: 'never', timeZone } } })
  await w.accept()
  const v1 = await currentContract(w.offer.id)
  await signContract(w.selfActor, { contractId: v1.id, documentSha256: v1.documentSha256 }, at)
  await countersignContract(w.adminActor, { contractId: v1.id, documentSha256: v1.documentSha256 }, at)
  const ledger = async (now: Date) => (await listRights(w.brand.id, now)).map((i) => ({ startsOn: i.startsOn, endsOn: i.endsOn, timeZone: i.timeZone, status: i.status, daysLeft: i.daysLeft }))
  return { w, ledger }
}

describe('rights ledger dates', () => {
  it('starts on the Paris day of countersigning, ends on 29 February in a leap year, expires at Paris midnight', async () => {
    // 2028-01-30 23:30 UTC is 2028-01-31 00:30 in Paris (CET, UTC+1): the licence starts on the 31st.
    // One month from 31 January: 31 February does not exist, so the anniversary is 1 March and the
    // last day is 29 February 2028 (a leap year).
    const { ledger } = await signedIn('Europe/Paris', 1, new Date('2028-01-30T23:30:00Z'))
    const before = await ledger(new Date('2028-02-29T22:59:59Z')) // 23:59:59 in Paris on the last day
    expect(before).toHaveLength(2) // one item per deliverable (the offer has two reels)
    expect(before[0]).toEqual({ startsOn: '2028-01-31', endsOn: '2028-02-29', timeZone: 'Europe/Paris', status: 'ending', daysLeft: 1 })
    // midnight in Paris is 23:00 UTC: expired, although it is still 29 February in UTC
    expect((await ledger(new Date('2028-02-29T23:00:00Z')))[0]).toMatchObject({ status: 'expired', daysLeft: 0 })
    // on the first day: 31 Jan .. 29 Feb inclusive is 30 days, inside the 30-day ending window
    expect((await ledger(new Date('2028-01-31T12:00:00Z')))[0]).toMatchObject({ status: 'ending', daysLeft: 30 })
  })

  it('a UTC brand signing at the same instant starts a day earlier and ends at UTC midnight', async () => {
    // 2028-01-30 23:30 UTC: the licence starts on 30 January; 30 February does not exist either, so it
    // also ends on 29 February, but at 2028-03-01 00:00 UTC, an hour after the Paris one.
    const { ledger } = await signedIn('UTC', 1, new Date('2028-01-30T23:30:00Z'))
    expect((await ledger(new Date('2028-02-29T23:00:00Z')))[0]).toEqual({ startsOn: '2028-01-30', endsOn: '2028-02-29', timeZone: 'UTC', status: 'ending', daysLeft: 1 })
    expect((await ledger(new Date('2028-03-01T00:00:00Z')))[0]).toMatchObject({ status: 'expired', daysLeft: 0 })
  })

  it('summer time: a Paris licence ending 30 June expires at 22:00 UTC; a non-leap February ends on the 28th', async () => {
    // 2028-03-31 22:30 UTC is 2028-04-01 00:30 in Paris (CEST, UTC+2 since 26 March): starts 1 April;
    // three months: anniversary 1 July, last day 30 June; Paris midnight after it is 2028-06-30 22:00 UTC.
    const summer = await signedIn('Europe/Paris', 3, new Date('2028-03-31T22:30:00Z'))
    expect((await summer.ledger(new Date('2028-06-30T21:59:00Z')))[0]).toMatchObject({ startsOn: '2028-04-01', endsOn: '2028-06-30', status: 'ending', daysLeft: 1 })
    expect((await summer.ledger(new Date('2028-06-30T22:00:00Z')))[0]).toMatchObject({ status: 'expired' })
    // 2027 is not a leap year: one month from 31 January 2027 (UTC) ends on 28 February 2027
    const plain = await signedIn('UTC', 1, new Date('2027-01-31T10:00:00Z'))
    expect((await plain.ledger(new Date('2027-02-28T23:59:59Z')))[0]).toMatchObject({ startsOn: '2027-01-31', endsOn: '2027-02-28', status: 'ending', daysLeft: 1 })
    expect((await plain.ledger(new Date('2027-03-01T00:00:00Z')))[0]).toMatchObject({ status: 'expired' })
  })
})
