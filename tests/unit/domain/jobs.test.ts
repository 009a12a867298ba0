import { describe, expect, it } from 'vitest'
import { isRetryableJobStatus, jobBackoffMs, JOB_STATUSES, JOB_STATUS_LABEL } from '#app/domain/jobs.ts'

describe('job retry schedule', () => {
  it('doubles from the base after each failed attempt and caps at an hour', () => {
    expect([1, 2, 3, 4, 5].map((a) => jobBackoffMs(a))).toEqual([5_000, 10_000, 20_000, 40_000, 80_000])
    expect([1, 2, 3].map((a) => jobBackoffMs(a, 1000))).toEqual([1000, 2000, 4000])
    expect(jobBackoffMs(11)).toBe(3_600_000) // 5 s × 2^10 = 5120 s > 1 h
    expect(jobBackoffMs(0)).toBe(5_000)
  })

  it('only failed and dead jobs can be retried by hand; every status has a label', () => {
    expect(JOB_STATUSES.filter(isRetryableJobStatus)).toEqual(['failed', 'dead'])
    for (const s of JOB_STATUSES) expect(JOB_STATUS_LABEL[s]).toBeTruthy()
  })
})
